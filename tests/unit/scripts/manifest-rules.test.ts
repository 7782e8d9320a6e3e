// The rules the built manifests are checked against (tests/e2e/manifest-rules.ts) catch what
// they are about: a popup, a web-accessible file, content-script CSS, a missing shortcut.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestProblems } from '../../e2e/manifest-rules';

function buildDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'highcard-manifest-'));
  for (const file of ['sidepanel.html', 'options.html', 'selection.js']) writeFileSync(join(dir, file), '');
  return dir;
}

const base = {
  manifest_version: 3,
  action: { default_title: 'Highcard' },
  permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'scripting'],
  content_scripts: [{ matches: ['https://mail.google.com/*'], js: ['gmail.js'] }],
};
const chrome = {
  ...base,
  permissions: [...base.permissions, 'sidePanel'],
  side_panel: { default_path: 'sidepanel.html' },
  commands: { 'open-panel': { suggested_key: { default: 'Alt+Shift+H' } }, 'file-selection': { suggested_key: { default: 'Alt+Shift+F' } } },
};
const firefox = {
  ...base,
  sidebar_action: { default_panel: 'sidepanel.html' },
  commands: {
    _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+H' } },
    'file-selection': { suggested_key: { default: 'Alt+Shift+F' } },
  },
};

describe('the manifest rules', () => {
  it('accept a Chrome and a Firefox manifest that keep them', () => {
    const dir = buildDir();
    expect(manifestProblems(chrome, 'chrome', dir)).toEqual([]);
    expect(manifestProblems(firefox, 'firefox', dir)).toEqual([]);
  });

  it('name each thing that would put Highcard into a page or leave the panel without a way in', () => {
    const dir = buildDir();
    const broken = {
      ...chrome,
      action: { default_popup: 'popup.html' },
      web_accessible_resources: [{ resources: ['*.css'], matches: ['<all_urls>'] }],
      content_scripts: [{ matches: ['https://www.linkedin.com/*'], js: ['a.js'], css: ['a.css'] }],
      commands: { 'file-selection': { suggested_key: { default: 'Alt+Shift+F' } } },
    };
    expect(manifestProblems(broken, 'chrome', dir)).toEqual([
      'web_accessible_resources lets pages load Highcard’s files',
      'a content script adds CSS to ["https://www.linkedin.com/*"]',
      'the toolbar button must open the panel, not a popup',
      'asks for <all_urls>',
      'no Alt+Shift+H to open the panel',
    ]);
  });

  it('keep Chrome’s side panel out of the Firefox build, and need the sidebar there', () => {
    const dir = buildDir();
    expect(manifestProblems({ ...chrome }, 'firefox', dir)).toEqual([
      'no sidebar_action',
      'no Alt+Shift+H to open the sidebar',
      'Chrome’s side panel in the Firefox build',
    ]);
  });

  it('need the files the background opens and injects', () => {
    const empty = mkdtempSync(join(tmpdir(), 'highcard-manifest-'));
    expect(manifestProblems(chrome, 'chrome', empty)).toEqual([
      'sidepanel.html is not in the build',
      'options.html is not in the build',
      'selection.js is not in the build',
    ]);
  });
});
