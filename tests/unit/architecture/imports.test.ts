// Imports point down (docs/design.md, Parts), and what runs inside Gmail, LinkedIn and
// Outlook stays small. The rules are dependency-cruiser's (.dependency-cruiser.cjs), run here
// through its API so that every import form counts: double quotes, `export ... from`,
// `import type`, dynamic import().
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseOptions } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Each violation as "<rule>: <from> -> <to>". */
async function violationsIn(paths: string[], override: Partial<ICruiseOptions> = {}): Promise<string[]> {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(join(ROOT, 'tsconfig.json'));
  const { output } = await cruise(paths, { ...options, ...override, validate: true }, options.enhancedResolveOptions, { tsConfig });
  if (typeof output === 'string') throw new Error(`dependency-cruiser answered text: ${output.slice(0, 200)}`);
  return output.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} -> ${to}`).sort();
}

/** The modules a component may import for their types only (.dependency-cruiser.cjs). */
function messagingModules(): RegExp {
  const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string; to: { path?: string } }[] };
  const path = config.forbidden.find((rule) => rule.name === 'components-call-no-messaging-hook')?.to.path;
  if (!path) throw new Error('.dependency-cruiser.cjs has no components-call-no-messaging-hook rule');
  return new RegExp(path);
}

describe('imports', () => {
  it('break none of the rules in .dependency-cruiser.cjs: no circle, imports point down, pages stay small', async () => {
    const violations = await violationsIn(['entrypoints', 'components', 'utils']);
    expect(violations).toEqual([]);
  }, 60_000);

  it('are checked by rules that do catch a circle, type-only imports included', async () => {
    // The rules' own includeOnly keeps fixtures out; this asks about the two fixtures alone.
    const violations = await violationsIn(['tests/fixtures/architecture'], { includeOnly: '^tests/fixtures/architecture/' });
    // circle-b imports circle-a for a type only: the circle is found through that import.
    expect(violations).toEqual(['no-circular: tests/fixtures/architecture/circle-a.ts -> tests/fixtures/architecture/circle-b.ts']);
  }, 60_000);

  it('define every extension storage item in utils/storage.ts and nowhere else', () => {
    const offending = [...sources('components'), ...sources('entrypoints'), ...sources('utils')]
      .filter((file) => file !== join('utils', 'storage.ts'))
      .filter((file) => /\bdefineItem\s*[<(]/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('let no component ask the background or storage itself', () => {
    const asking = sources('components')
      .filter((file) => /from\s+['"]\.\.\/utils\/(send|storage)['"]/.test(readFileSync(join(ROOT, file), 'utf8')))
      .sort();
    // The same rule as components-never-send in .dependency-cruiser.cjs, for every import form it reads.
    expect(asking).toEqual([]);
  });

  it('let no component call a hook or helper that asks the background: the page binds it and hands plain props', () => {
    const messaging = messagingModules();
    const calling = sources('components')
      .flatMap((file) =>
        [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]\.\.\/(utils\/[^'"]+)['"]/gm)]
          .map((match) => `${match[1]}.ts`)
          .filter((module) => messaging.test(module))
          .map((module) => `${file} -> ${module}`),
      )
      .sort();
    // The same rule as components-call-no-messaging-hook in .dependency-cruiser.cjs.
    expect(calling).toEqual([]);
  });

  it('name in components-call-no-messaging-hook every module that asks the background or storage itself', () => {
    const messaging = messagingModules();
    const unnamed = sources('utils')
      .filter((file) => !file.startsWith(join('utils', 'background')) && !/^utils\/(send|storage)\.ts$/.test(file))
      .filter((file) => /^import\s+(?!type\b)[^;]*?from\s+['"](\.\.?\/)+(send|storage)['"]/m.test(readFileSync(join(ROOT, file), 'utf8')))
      .filter((file) => !messaging.test(file))
      .sort();
    expect(unnamed).toEqual([]);
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

