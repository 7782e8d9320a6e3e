import { defineConfig } from 'wxt';
import { noEval } from './scripts/vite-plugin-no-eval';
import { OUTLOOK_HOSTS } from './utils/capture/outlook/detect';

// The local stack's gateway; teams on hosted Supabase grant their project's origin at runtime.
const LOCAL_API_ORIGINS = ['http://127.0.0.1:54321/*', 'http://localhost:54321/*'];
// `npm run dev -- --port N` builds for a local stack on another port (scripts/dev.ts).
if (process.env.WXT_LOCAL_API_URL) LOCAL_API_ORIGINS.push(`${new URL(process.env.WXT_LOCAL_API_URL).origin}/*`);

// `npm run dev` opens a browser with the extension loaded, except where there is no screen
// to open it on (a server, a container): then load .output/chrome-mv3-dev by hand.
const HEADLESS = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

export default defineConfig({
  webExt: { disabled: HEADLESS },
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every icon size, and the toolbar's, from one drawing.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16], developmentIndicator: 'overlay' },
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Highcard',
    // Both stores show this line under the name; Chrome allows 132 characters.
    description:
      'File what customers say in Gmail and LinkedIn into your team’s shared customer record, and see what the team knows before replying.',
    action: { default_title: 'Highcard', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' } },
    // contextMenus, activeTab, scripting: "File selection to customer record" reads the tab the
    // user acted in, then only; scripting also registers the opt-in Outlook content script.
    // WXT adds "sidePanel" for Chrome's side panel (entrypoints/sidepanel).
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      // Firefox opens its sidebar itself on `_execute_sidebar_action`; Chrome's side panel is
      // opened by the background (utils/background/panel.ts).
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-panel']: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Open Highcard beside the page',
      },
      'file-selection': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'File selection to customer record',
      },
    },
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*', ...LOCAL_API_ORIGINS],
    // The team's Supabase project URL is only known once the user connects; it is requested
    // then, for that one origin.
    // Outlook on the web's hosts are asked for in Settings, when the user switches it on.
    optional_host_permissions: ['https://*/*'],
    // What IT may preset by policy (docs/policies.md). Firefox reads policies.json instead.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'highcard@highcard.example',
          // The first Firefox releases that read data_collection_permissions.
          strict_min_version: '140.0',
          // What leaves the browser, and only ever for the team's own backend: the people in
          // view (names, addresses, profile URLs) for the lookup, and what the user files —
          // customer messages and page text they chose — plus their sign-in to that backend.
          data_collection_permissions: {
            required: ['personallyIdentifyingInfo', 'personalCommunications', 'websiteContent', 'authenticationInfo'],
          },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The Outlook content script is registered at runtime (entrypoints/outlook.content); WXT
    // would make its hosts install-time host permissions. They are optional: asked in Settings.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.host_permissions = manifest.host_permissions?.filter((host: string) => !OUTLOOK_HOSTS.some((outlook) => host.includes(outlook)));
      // Gmail's content script is an unlisted script (entrypoints/gmail), without WXT's
      // content-script context, so that an idle inbox costs no more than a bare content script;
      // it is listed here as WXT lists its content scripts, in development builds too. Its
      // thread reader (entrypoints/gmail-reader) is run by the background when first needed.
      manifest.content_scripts = [
        { matches: ['https://mail.google.com/*'], js: ['gmail.js'], run_at: 'document_idle' },
        ...(manifest.content_scripts ?? []),
      ];
    },
  },
  vite: () => ({
    plugins: [noEval()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
