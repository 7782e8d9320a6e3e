// Plain-language startup failures, and the loopback port helpers that produce most of them.
import { createServer } from 'node:net';

/** A failure the user can act on; the CLI prints its message without a stack trace. */
export class StackError extends Error {
  override name = 'StackError';
}

/** A port the OS reports free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `port` can be bound on 127.0.0.1; otherwise a StackError naming `what`. */
export function assertPortFree(port: number, what: string, flag: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StackError(
              `Port ${port} (${what}) is already in use: another program — perhaps \`supabase start\` ` +
                `or another Highcard stack — is listening there. Stop it, or pick another port with ${flag}.`,
            )
          : new StackError(`Cannot listen on 127.0.0.1:${port} (${what}): ${error.message}`),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
