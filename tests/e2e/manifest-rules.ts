// What a built manifest must say, in Chrome and Firefox: the panel and how it opens (toolbar,
// Alt+Shift+H, File selection with Alt+Shift+F), the permissions that needs, and nothing that
// would put Highcard into a page (no web-accessible resources, no content-script CSS).
// Checked on the fresh builds: tests/e2e/extension.spec.ts (Chrome), tests/firefox/run.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  commands?: Record<string, { suggested_key?: { default?: string } }>;
  content_scripts?: Array<Record<string, unknown>>;
  action?: Record<string, unknown>;
};

const key = (manifest: Manifest, command: string) => manifest.commands?.[command]?.suggested_key?.default;

/** Every way the manifest in `dir` breaks the rules, in words; none when it keeps them. */
export function manifestProblems(manifest: Manifest, browser: 'chrome' | 'firefox', dir: string): string[] {
  const problems: string[] = [];
  const expect = (holds: boolean, problem: string) => {
    if (!holds) problems.push(problem);
  };
  const permissions = manifest.permissions ?? [];
  expect(manifest.manifest_version === 3, 'not Manifest V3');
  expect(manifest.web_accessible_resources === undefined, 'web_accessible_resources lets pages load Highcard’s files');
  for (const script of manifest.content_scripts ?? []) {
    expect(script.css === undefined, `a content script adds CSS to ${JSON.stringify(script.matches)}`);
  }
  expect(manifest.action !== undefined && manifest.action.default_popup === undefined, 'the toolbar button must open the panel, not a popup');
  expect(key(manifest, 'file-selection') === 'Alt+Shift+F', 'no Alt+Shift+F for File selection');
  for (const needed of ['contextMenus', 'activeTab', 'scripting', 'storage', 'alarms']) {
    expect(permissions.includes(needed), `no "${needed}" permission`);
  }
  expect(!JSON.stringify(manifest).includes('<all_urls>'), 'asks for <all_urls>');
  // What the background opens or injects at run time.
  for (const file of ['sidepanel.html', 'options.html', 'selection.js']) {
    expect(existsSync(join(dir, file)), `${file} is not in the build`);
  }
  if (browser === 'chrome') {
    expect(permissions.includes('sidePanel'), 'no "sidePanel" permission');
    expect((manifest.side_panel as { default_path?: string } | undefined)?.default_path === 'sidepanel.html', 'no side_panel');
    expect(key(manifest, 'open-panel') === 'Alt+Shift+H', 'no Alt+Shift+H to open the panel');
  } else {
    expect((manifest.sidebar_action as { default_panel?: string } | undefined)?.default_panel === 'sidepanel.html', 'no sidebar_action');
    expect(key(manifest, '_execute_sidebar_action') === 'Alt+Shift+H', 'no Alt+Shift+H to open the sidebar');
    // Firefox warns at install about what it does not know.
    expect(!permissions.includes('sidePanel') && manifest.side_panel === undefined, 'Chrome’s side panel in the Firefox build');
  }
  return problems;
}
