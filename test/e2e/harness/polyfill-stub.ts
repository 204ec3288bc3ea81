// Stands in for webextension-polyfill on the plain test page of popover-harness.tsx (no extension
// context there); i18n falls back to the English catalogue.
export default {};
