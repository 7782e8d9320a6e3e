// Imports point down (docs/design.md, Parts). tests/unit/architecture/imports.test.ts runs
// these rules over entrypoints/, components/ and utils/ and fails on any violation;
// `npx depcruise entrypoints components utils` prints the same findings.

// What runs inside the sites' pages: the content scripts (Gmail's are entrypoints/gmail and
// gmail-reader, unlisted scripts) and what they read and report with
// (the side panel's own hooks and components run in an extension page, not here).
const PAGE_SIDE = '^(utils/capture/|utils/panel/(watch-page|page-lifetime|wait-for-reader|reader-claim|site-views|outlook-view|people|job-change|types)\\.ts$|entrypoints/([^/]+\\.content|gmail|gmail-reader)/)';

// What asks the background or extension storage, directly or as a hook: a component may import
// these for their types only. A module that starts to import utils/send.ts or utils/storage.ts
// belongs here (tests/unit/architecture/imports.test.ts says which one is missing).
const MESSAGING =
  '^utils/((thanks|route-actions|entry-revisions|for-you-page|kept-ids|recent-accounts|open-panel-account)\\.ts|panel/(use-[^/]+|kept-lookup|watch-page)\\.ts)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No two files import each other, directly or round a circle (type-only imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'utils-not-to-components',
      severity: 'error',
      comment: 'utils/ is below the UI: it never imports components/.',
      from: { path: '^utils/' },
      to: { path: '^components/' },
    },
    {
      name: 'components-never-send',
      severity: 'error',
      comment:
        'Components are presentational (props in, events out): reading and writing through the background or extension storage belongs in a hook (utils/panel/ or beside the page).',
      from: { path: '^components/' },
      to: { path: '^utils/(send|storage)\\.ts$' },
    },
    {
      name: 'components-call-no-messaging-hook',
      severity: 'error',
      comment:
        'Nor through a hook or helper that does: the panel\'s hooks (utils/panel/use-*.ts), the thank-yous (utils/thanks.ts), "Bring to a colleague" (utils/route-actions.ts) and every other module that asks the background or storage are bound by the page, which hands a component plain data and callbacks (an entry row\'s controls come as one render prop, entrypoints/sidepanel/EntryControls.tsx). Their types may be imported.',
      from: { path: '^components/' },
      to: { path: MESSAGING, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'background-stays-inside',
      severity: 'error',
      comment: 'Only the service worker (utils/background, entrypoints/background) imports utils/background; pages ask it by message.',
      from: { pathNot: '^(utils|entrypoints)/background/' },
      to: { path: '^utils/background/' },
    },
    {
      name: 'supabase-only-in-background',
      severity: 'error',
      comment: 'Only the background imports @supabase/supabase-js.',
      from: { pathNot: '^(utils|entrypoints)/background/' },
      to: { path: '@supabase/' },
    },
    {
      name: 'contract-imports-no-feature',
      severity: 'error',
      comment: 'The message contract imports only itself, zod, utils/limits.ts, utils/vocabulary.ts and utils/errors.ts.',
      from: { path: '^utils/messages/' },
      to: { pathNot: '^(utils/messages/|utils/(limits|vocabulary|errors)\\.ts$|node_modules/zod/)' },
    },
    {
      name: 'pages-stay-small',
      severity: 'error',
      comment:
        'What runs inside Gmail, LinkedIn and Outlook imports only the types of the message schemas, never zod or the schemas themselves (the LinkedIn readers\' result schemas are for tests).',
      from: { path: PAGE_SIDE, pathNot: '^utils/capture/linkedin/types\\.ts$' },
      to: { path: '(^node_modules/zod/|^utils/messages/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pages-define-no-storage',
      severity: 'error',
      comment:
        'Content scripts may not read session storage: utils/storage.ts defines (and so reads) such items, and threw "Access to storage is not allowed from this context" on every page load.',
      from: { path: PAGE_SIDE },
      to: { path: '^utils/storage\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every import names a module that exists.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    includeOnly: '^(entrypoints|components|utils|node_modules)/',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)\\.(wxt|output)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a circle of types is still a circle for the reader.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
