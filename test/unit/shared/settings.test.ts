import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, parseSettings, siteRuleFor, withSiteRule } from '../../../src/shared/settings';

describe('settings schema', () => {
  it('gives a first-run reader the defaults: on everywhere, underline, 300 ms hover', () => {
    const s = parseSettings(undefined);
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(s.enabled).toBe(true);
    expect(s.highlightStyle).toBe('underline');
    expect(s.hoverDelayMs).toBe(300);
    expect(isActiveOn(s, 'www.nytimes.com')).toBe(true);
  });

  it('migrates v1 settings (disabledSites, style: fill) without losing the reader’s choices', () => {
    const s = parseSettings({ version: 1, enabled: false, disabledSites: ['www.Example.com', 42], style: 'fill', hoverDelayMs: 500 });
    expect(s.version).toBe(2);
    expect(s.enabled).toBe(false);
    expect(s.sites).toEqual({ 'example.com': 'deny' });
    expect(s.highlightStyle).toBe('background');
    expect(s.hoverDelayMs).toBe(500);
  });

  it('treats an object without a version as v1', () => {
    expect(parseSettings({ disabledSites: ['a.com'] }).sites).toEqual({ 'a.com': 'deny' });
  });

  it('falls back field by field: one broken value does not reset the others', () => {
    const s = parseSettings({
      version: 2,
      enabled: 'yes',
      hoverDelayMs: 99999,
      highlightStyle: 'background',
      categories: { person: false, place: 'no', bogus: true },
      sites: { 'ok.com': 'deny', 'Bad Host!': 'allow', 'x.org': 'maybe' },
      extra: 1,
    });
    expect(s.enabled).toBe(true);
    expect(s.hoverDelayMs).toBe(300);
    expect(s.highlightStyle).toBe('background');
    expect(s.categories.person).toBe(false);
    expect(s.categories.place).toBe(true);
    expect(s.categories).not.toHaveProperty('bogus');
    expect(s.sites).toEqual({ 'ok.com': 'deny' });
    expect(s).not.toHaveProperty('extra');
  });

  it('site rules: the most specific host wins, www. is ignored, IPs match exactly', () => {
    let s = withSiteRule(DEFAULT_SETTINGS, 'www.bbc.co.uk', 'deny');
    s = withSiteRule(s, 'news.bbc.co.uk', 'allow');
    expect(siteRuleFor(s, 'bbc.co.uk')).toBe('deny');
    expect(siteRuleFor(s, 'sport.bbc.co.uk')).toBe('deny');
    expect(siteRuleFor(s, 'news.bbc.co.uk')).toBe('allow');
    expect(isActiveOn(s, 'www.bbc.co.uk')).toBe(false);
    expect(isActiveOn(s, 'news.bbc.co.uk')).toBe(true);
    s = withSiteRule(s, '127.0.0.1', 'deny');
    expect(isActiveOn(s, '127.0.0.1')).toBe(false);
    expect(isActiveOn(s, '10.0.0.1')).toBe(true);
    expect(siteRuleFor(withSiteRule(s, 'bbc.co.uk', null), 'bbc.co.uk')).toBeUndefined();
  });

  it('the global switch wins over site rules; "only allowed sites" runs nowhere else', () => {
    const s = withSiteRule(DEFAULT_SETTINGS, 'nytimes.com', 'allow');
    expect(isActiveOn({ ...s, enabled: false }, 'nytimes.com')).toBe(false);
    expect(isActiveOn({ ...s, onlyAllowedSites: true }, 'nytimes.com')).toBe(true);
    expect(isActiveOn({ ...s, onlyAllowedSites: true }, 'bbc.com')).toBe(false);
  });
});
