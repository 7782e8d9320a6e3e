// `npm run dev`: the embedded local stack and WXT's dev build side by side, so a new
// developer has a working backend and a reloading extension from one command. It prints what
// `npm run stack` prints, and every sign-in code as it is sent.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stackBanner } from '../supabase/local/banner';
import { startStack } from '../supabase/local/stack';
import { splitDevArgs, type DevArgs } from './dev-args';

let options: DevArgs;
try {
  options = splitDevArgs(process.argv.slice(2));
} catch (error) {
  console.error(`npm run dev: ${(error as Error).message}`);
  process.exit(1);
}

console.log('Starting the Highcard local stack…');
const stack = await startStack({
  seed: options.seed,
  fresh: options.fresh,
  ...(options.apiPort !== undefined && { apiPort: options.apiPort }),
  ...(options.dbPort !== undefined && { dbPort: options.dbPort }),
  ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
  // The stack's own lines, sign-in codes included ("mail: sign-in code for …").
  log: (line) => console.log(`[stack] ${line}`),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
const seedAsked = options.seed;

console.log(`
${stackBanner(stack, { seedAsked, serviceRole: false })}

The extension uses this stack until you connect it to your team's Supabase in Settings →
Connection. Sign in from Settings → Account: "Email code" sends a code that appears here.
The dev build's popup and Settings load from WXT's dev server: they go blank when this
command stops. To use the extension without it, build it (npm run build) and load
.output/chrome-mv3 instead.
`);
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No screen to open a browser on: load .output/chrome-mv3-dev with "Load unpacked" in chrome://extensions.\n');
}

// The dev build talks to this stack, whatever its port: WXT passes WXT_* variables to the
// extension's code (utils/storage.ts, LOCAL_STACK) and wxt.config.ts grants its origin.
const wxtEnv = { ...process.env, WXT_LOCAL_API_URL: stack.apiUrl, WXT_LOCAL_ANON_KEY: stack.anonKey };

// WXT's own script as a direct child (not through npx), so that stopping this command stops
// it too instead of leaving it on port 3000. Its stdin stays open when this command's is not a
// terminal (`npm run dev &`, a process manager): WXT starts reading stdin after the first
// rebuild and exits, silently, when it is at its end.
const wxt: ChildProcess = spawn(
  process.execPath,
  [fileURLToPath(new URL('../node_modules/wxt/bin/wxt.mjs', import.meta.url)), ...options.wxtArgs],
  { stdio: [process.stdin.isTTY ? 'inherit' : 'pipe', 'inherit', 'inherit'], env: wxtEnv },
);

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  wxt.kill('SIGTERM');
  await stack.stop();
  process.exit(code);
}

wxt.on('exit', (code, signal) => {
  if (!stopping && !signal) console.log(`WXT's dev server stopped (exit code ${code ?? 0}); stopping the local stack.`);
  void stop(code ?? 0);
});
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
