// The one HTTP entry point of the local stack, like Kong under `supabase start`:
// /rest/v1/* -> PostgREST, /auth/v1/* -> the auth service, API-key check and CORS for the
// extension's origins. Loopback only.
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AuthService } from './auth.ts';

export interface GatewayRoutes {
  postgrestUrl: string;
  auth: AuthService;
  /** Keys accepted in the `apikey` header (or `?apikey=`): the anon and service_role keys. */
  apiKeys: string[];
}

const ALLOWED_HEADERS = [
  'authorization',
  'apikey',
  'content-type',
  'x-client-info',
  'prefer',
  'range',
  'accept-profile',
  'content-profile',
  'x-supabase-api-version',
  'accept',
  'accept-encoding',
  'if-none-match',
];
const EXPOSED_HEADERS = ['content-range', 'x-supabase-api-version', 'content-location', 'location', 'preference-applied'];

const ORIGINS = [
  /^chrome-extension:\/\/[a-z0-9]+$/i,
  /^moz-extension:\/\/[0-9a-f-]+$/i,
  /^http:\/\/localhost(:\d+)?$/,
  /^http:\/\/127\.0\.0\.1(:\d+)?$/,
];

export const isAllowedOrigin = (origin: string): boolean => ORIGINS.some((pattern) => pattern.test(origin));

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !isAllowedOrigin(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
    vary: 'Origin',
  };
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  const cors = corsHeaders(req);
  if (!cors['access-control-allow-origin']) {
    res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Origin not allowed' }));
    return;
  }
  // supabase-js adds headers over time (x-supabase-*): allow those alongside the known list.
  const requested = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h && (ALLOWED_HEADERS.includes(h) || /^x-supabase-[a-z0-9-]+$/.test(h)));
  res.writeHead(204, {
    ...cors,
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': [...new Set([...ALLOWED_HEADERS, ...requested])].join(', '),
    'access-control-max-age': '3600',
    'content-length': '0',
  });
  res.end();
}

function json(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders(req),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** The gateway's request handler; `routes` is null until the stack is ready. */
export function createGateway(getRoutes: () => GatewayRoutes | null): Server {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  function proxyToPostgrest(req: IncomingMessage, res: ServerResponse, routes: GatewayRoutes, url: URL, apikey: string): void {
    const target = new URL(routes.postgrestUrl);
    url.searchParams.delete('apikey');
    const rest = url.pathname.slice('/rest/v1'.length) || '/';
    const search = url.searchParams.toString();
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    // As Kong does for Supabase: the API key stands in for a missing user token.
    if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
    headers.host = target.host;
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: rest + (search ? `?${search}` : ''),
        headers,
        agent,
      },
      (upstreamRes) => {
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(upstreamRes.headers)) {
          if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith('access-control-')) continue;
          out[name] = value;
        }
        res.writeHead(upstreamRes.statusCode ?? 502, { ...out, ...corsHeaders(req) });
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error) => {
      json(req, res, 502, { message: `PostgREST is not reachable: ${error.message}` });
    });
    req.pipe(upstream);
    req.on('error', () => upstream.destroy());
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
  }

  const server = createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      json(req, res, 400, { message: 'Bad request URL' });
      return;
    }
    if (req.method === 'OPTIONS') {
      preflight(req, res);
      return;
    }
    const routes = getRoutes();
    if (!routes) {
      json(req, res, 503, { message: 'The local stack is starting' });
      return;
    }
    const path = url.pathname;
    const isRest = path === '/rest/v1' || path.startsWith('/rest/v1/');
    const isAuth = path === '/auth/v1' || path.startsWith('/auth/v1/');
    if (!isRest && !isAuth) {
      json(req, res, 404, { message: 'no Route matched with those values' });
      return;
    }
    const authPath = isAuth ? path.slice('/auth/v1'.length) || '/' : '';
    const header = req.headers.apikey;
    const apikey = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey') ?? '';
    const open = isAuth && (authPath === '/health' || authPath === '/health/');
    if (!open) {
      if (!apikey) {
        json(req, res, 401, { message: 'No API key found in request', hint: 'Send the anon key in the apikey header.' });
        return;
      }
      if (!routes.apiKeys.includes(apikey)) {
        json(req, res, 401, { message: 'Invalid API key', hint: 'Use the anon or service_role key the stack printed.' });
        return;
      }
    }
    if (isRest) {
      proxyToPostgrest(req, res, routes, url, apikey);
      return;
    }
    for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
    routes.auth.handle(req, res, authPath, url).catch(() => json(req, res, 500, { message: 'Unexpected failure' }));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  server.on('close', () => agent.destroy());
  return server;
}
