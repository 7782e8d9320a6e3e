import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, test } from './extension';
import { manifestProblems } from './manifest-rules';

test('the built extension loads and its side panel offers to sign in', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const highcard = panel.getByRole('main', { name: 'Highcard' });
  await expect(highcard.getByRole('heading', { name: 'Highcard', level: 1 })).toBeVisible();
  await expect(highcard.getByRole('region', { name: 'This page' })).toBeVisible();
  await expect(highcard.getByRole('button', { name: 'Sign in' }).first()).toBeVisible();
});

test('the manifest asks for no more than the two sites, the local stack and the side panel', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  // The panel and its ways in, and nothing that would put Highcard into a page.
  expect(manifestProblems(manifest, 'chrome', EXTENSION_DIR)).toEqual([]);
  // contextMenus, activeTab, scripting: "File selection" reads only the tab the user acted in;
  // sidePanel: Highcard shows beside the page, in the browser's own side panel.
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  expect(manifest.action.default_popup).toBeUndefined();
  expect(manifest.commands['file-selection'].suggested_key.default).toBe('Alt+Shift+F');
  expect(manifest.commands['open-panel'].suggested_key.default).toBe('Alt+Shift+H');
  // Nothing of Highcard is ever in a page: no page can load any of its files.
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.host_permissions.sort()).toEqual([
    'http://127.0.0.1:54321/*',
    'http://localhost:54321/*',
    'https://mail.google.com/*',
    'https://www.linkedin.com/*',
  ]);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  // Outlook on the web is asked for in Settings, never at install.
  expect(JSON.stringify(manifest.host_permissions)).not.toContain('outlook');
  expect(JSON.stringify(manifest.content_scripts)).not.toContain('outlook');
  const everything = JSON.stringify(manifest);
  for (const broad of ['<all_urls>', '"tabs"', '"history"', '"cookies"', '"webRequest"']) {
    expect(everything).not.toContain(broad);
  }
});
