// "Is this a Supabase API, and does it take this key?" answered in seconds with words a
// user can act on, instead of a request that hangs.
import { HighcardError, noAnswerKind } from '../errors';

const TEST_TIMEOUT_MS = 5_000;

export class ConnectionError extends HighcardError {
  constructor(message: string, kind: 'refused' | 'offline' | 'unreachable' = 'refused', options?: { cause?: unknown }) {
    super(kind, message, options);
  }
}

async function probe(url: string, anonKey: string): Promise<Response> {
  try {
    return await fetch(url, { headers: { apikey: anonKey }, signal: AbortSignal.timeout(TEST_TIMEOUT_MS) });
  } catch (error) {
    const kind = noAnswerKind() === 'offline' ? 'offline' : 'unreachable';
    throw new ConnectionError(`Could not reach ${new URL(url).origin}. Check the address and that the server is running.`, kind, { cause: error });
  }
}

export async function testConnection(baseUrl: string, anonKey: string): Promise<{ url: string }> {
  const url = baseUrl.replace(/\/+$/, '');
  const health = await probe(`${url}/auth/v1/health`, anonKey);
  const isJson = health.headers.get('content-type')?.includes('json') ?? false;
  if (!isJson || health.status === 404) {
    throw new ConnectionError(`${url} answered, but it is not a Supabase API (no /auth/v1/health).`);
  }
  const rest = await probe(`${url}/rest/v1/`, anonKey);
  if (rest.status === 401 || rest.status === 403) {
    throw new ConnectionError(`${url} is a Supabase API, but it refused this anon key.`);
  }
  if (!rest.ok) throw new ConnectionError(`${url} answered ${rest.status} for its REST API.`);
  return { url };
}
