import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, test } from './extension';

test('the built extension loads and its popup offers to sign in', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Highcard' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('the manifest asks for no more than the two sites and the local stack', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  // contextMenus, activeTab, scripting: "File selection" reads only the tab the user acted in.
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
  expect(manifest.commands['file-selection'].suggested_key.default).toBe('Alt+Shift+F');
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
