// `npm run dev`: the embedded local stack and WXT's dev build side by side, so a new
// developer has a working backend and a reloading extension from one command.
import { spawn, type ChildProcess } from 'node:child_process';
import { startStack } from '../supabase/local/stack';

const stack = await startStack({ seed: process.argv.includes('--seed'), fresh: process.argv.includes('--fresh') }).catch(
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

console.log(`Highcard local stack: API ${stack.apiUrl} · DB ${stack.dbUrl}`);
console.log(`Sign-in codes land in the terminal and at ${stack.apiUrl}/auth/v1/mailbox`);
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No screen to open a browser on: load .output/chrome-mv3-dev with "Load unpacked" in chrome://extensions.');
}

const wxt: ChildProcess = spawn('npx', ['wxt', ...process.argv.slice(2).filter((arg) => !arg.startsWith('--'))], {
  stdio: 'inherit',
});

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  wxt.kill('SIGTERM');
  await stack.stop();
  process.exit(code);
}

wxt.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
