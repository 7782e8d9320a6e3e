import { defineConfig } from 'wxt';

// The local stack's gateway; teams on hosted Supabase grant their project's origin at runtime.
const LOCAL_API_ORIGINS = ['http://127.0.0.1:54321/*', 'http://localhost:54321/*'];

// `npm run dev` opens a browser with the extension loaded, except where there is no screen
// to open it on (a server, a container): then load .output/chrome-mv3-dev by hand.
const HEADLESS = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

export default defineConfig({
  webExt: { disabled: HEADLESS },
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Highcard',
    description:
      'File what a customer said in Gmail or LinkedIn into your team’s shared customer record, and see what the team knows before you reply.',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*', ...LOCAL_API_ORIGINS],
    // The team's Supabase project URL is only known once the user connects; it is requested
    // then, for that one origin.
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'highcard@highcard.example', strict_min_version: '128.0' },
      },
    }),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
