// The extension's bundles contain no way to run generated code or render HTML, so store
// review (web-ext lint, Chrome's review) finds nothing to flag and no bug of ours could
// ever reach those paths. Three libraries carry such code for features Highcard never uses:
// - zod compiles fast object parsers with `new Function` when its probe says it may: the
//   probe now says no (zod's own jitless path), and the compiler is gone.
// - Preact assigns `innerHTML` only for `dangerouslySetInnerHTML`, which Highcard never uses
//   (page and email content is always text): that assignment now throws instead.
// - supabase-js may `import('@opentelemetry/api')` to add trace headers; an extension cannot
//   load a bare module, and Highcard sends no tracing: it resolves to nothing.
// Each rewrite must match, so a library update that moves the code fails the build loudly
// instead of quietly bringing the code back.
import type { Plugin } from 'vite';

interface Rewrite {
  module: RegExp;
  find: RegExp;
  replace: string;
  why: string;
}

const REWRITES: Rewrite[] = [
  {
    module: /node_modules\/zod\/v4\/core\/util\.js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: 'return false;',
    why: 'zod probes for eval',
  },
  {
    module: /node_modules\/zod\/v4\/core\/doc\.js$/,
    find: /const F = Function;/,
    replace: 'throw new Error("Highcard runs zod jitless: no generated code.");',
    why: 'zod compiles parsers',
  },
  {
    module: /node_modules\/preact\/dist\/preact\.mjs$/,
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace: '(()=>{throw Error("Highcard never renders HTML.")})()',
    why: 'Preact renders dangerouslySetInnerHTML',
  },
  {
    module: /node_modules\/@supabase\/supabase-js\/dist\/index\.mjs$/,
    find: /import\([^()]*OTEL_PKG\)/,
    replace: 'Promise.resolve(null)',
    why: 'supabase-js loads OpenTelemetry',
  },
];

export function noEval(): Plugin {
  return {
    name: 'highcard:no-eval',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!.replaceAll('\\', '/');
      const rewrite = REWRITES.find((candidate) => candidate.module.test(path));
      if (!rewrite) return null;
      if (!rewrite.find.test(code)) {
        this.error(`${rewrite.why}: the code to remove was not found in ${path}; update scripts/vite-plugin-no-eval.ts.`);
      }
      return { code: code.replace(rewrite.find, rewrite.replace), map: null };
    },
  };
}
