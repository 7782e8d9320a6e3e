// Imports point down (DESIGN.md, Parts), and what runs inside Gmail, LinkedIn and Outlook
// stays small: the message schemas (and zod) are for the background and extension pages;
// the page-side code imports only their types.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every import of a file that is not `import type` / `export type`, as written. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(([, from]) => from!);
}

const PAGE_SIDE = [
  ...sources('components'),
  ...sources('utils/sidebar'),
  ...sources('utils/capture'),
  ...readdirSync(join(ROOT, 'entrypoints'))
    .filter((name) => name.endsWith('.content'))
    .flatMap((name) => sources(join('entrypoints', name))),
];

describe('imports', () => {
  it('keep zod and the message schemas out of what runs inside the sites’ pages', () => {
    // The LinkedIn readers' result schemas are for tests; the readers import their types only.
    const schemasForTests = join('utils', 'capture', 'linkedin', 'types.ts');
    const offending = PAGE_SIDE.filter((file) => file !== schemasForTests).flatMap((file) =>
      runtimeImports(file)
        .filter((from) => from === 'zod' || /(^|\/)messages$/.test(from))
        .map((from) => `${file} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });

  it('never reach into the background from outside it', () => {
    const outside = [...sources('components'), ...sources('entrypoints'), ...sources('utils')].filter(
      (file) => !file.startsWith(join('utils', 'background')) && !file.startsWith(join('entrypoints', 'background')),
    );
    const offending = outside.flatMap((file) =>
      runtimeImports(file)
        .concat([...readFileSync(join(ROOT, file), 'utf8').matchAll(/^import\s+type\s[^;]*?from\s+'([^']+)'/gms)].map(([, from]) => from!))
        .filter((from) => /(^|\/)background\//.test(from))
        .map((from) => `${relative(ROOT, join(ROOT, file))} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });

  it('let utils/ import nothing from components/', () => {
    const offending = sources('utils').flatMap((file) =>
      runtimeImports(file)
        .filter((from) => /(^|\/)components\//.test(from))
        .map((from) => `${file} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });

  it('keep utils/storage.ts (which reads every item it defines) out of what runs inside the sites’ pages', () => {
    // Content scripts may not read session storage: defining those items there threw
    // "Access to storage is not allowed from this context" on every page load.
    const offending = PAGE_SIDE.flatMap((file) =>
      runtimeImports(file)
        .filter((from) => /(^|\/)storage$/.test(from))
        .map((from) => `${file} imports ${from}`),
    );
    expect(offending).toEqual([]);
  });

  it('define every extension storage item in utils/storage.ts and nowhere else', () => {
    const offending = [...sources('components'), ...sources('entrypoints'), ...sources('utils')]
      .filter((file) => file !== join('utils', 'storage.ts'))
      .filter((file) => /\bdefineItem\s*[<(]/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('drop no promise in the service worker: background work goes through inBackground()', () => {
    const worker = [...sources('utils/background'), ...sources('entrypoints/background')];
    const offending = worker.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        // `void promise` discards a rejection; `: void` and `=> void` are types.
        .filter(({ line }) => /(^|[^:>\w])\bvoid\s+[\w(]/.test(line.replace(/\/\/.*$/, '')))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});

