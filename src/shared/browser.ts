// The only way this code reaches the WebExtension API: webextension-polyfill gives Chrome the
// promise-based `browser.*` namespace Firefox has natively, so no module calls `chrome.*` directly.
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs, Storage, Menus } from 'webextension-polyfill';
