#!/usr/bin/env node
// A small static file server for dist/, with no dependencies, used by `make serve` and
// the end-to-end tests.
//
// - Binds to 127.0.0.1 only. Port 0 picks a free port; the URL is printed either way.
// - Correct MIME types (application/wasm matters: browsers compile wasm while it
//   downloads only when it is served as such); anything else is a 404.
// - Never serves outside the root: paths are decoded, normalised and checked.
// - Per-path response headers come from a JSON file (--headers), so a test can serve
//   the page under a Content-Security-Policy, for example:
//     { "/index.html": { "Content-Security-Policy": "script-src 'self' 'wasm-unsafe-eval'" },
//       "*.wasm": { "Cache-Control": "no-store" } }
//   A key is an exact path ("/index.html"), a prefix ending in * ("/snippets/*",
//   "/*" for everything) or a suffix starting with * ("*.js"). Every matching entry
//   applies, in the file's order, later ones overriding earlier ones. `{{origin}}` in
//   a value becomes this server's origin as the request reached it (http://host:port),
//   for the iframe's policy, which must name its origin: in a sandboxed frame `'self'`
//   means the frame's opaque origin to WebKit, which then refuses every script.
//
// - Every response carries `Access-Control-Allow-Origin: *`: it is public static content,
//   and a page on another origin (or a sandboxed iframe, whose origin is opaque) loads
//   the widget's module and wasm with CORS requests (integrity checks need them).
// - Precompressed files are served as a CDN would: when the request accepts `br` (or
//   `gzip`) and `<file>.br` (or `<file>.gz`) exists beside the file, that is sent with
//   `Content-Encoding` and `Vary: Accept-Encoding`. dist/ has both for every text file
//   and wasm (scripts/assemble-dist.mjs), so what a reader transfers can be measured.
// - More directories can be mounted under a path prefix (--mount /test-hosts/=dir), so
//   the end-to-end tests serve their own host pages beside dist/ without copying them in.
//
// CLI: node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--headers file.json]
//                             [--mount /prefix/=dir ...]
// API: import { startServer } from './serve.mjs';
//      const { url, close } = await startServer({ root, port: 0, headers: {...}, mounts: { '/prefix/': dir } });

import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The only types served; any other extension is a 404. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The iframe mode's policy (README, Self-hosting), sent with embed.html unless a
 * headers file says otherwise. It names the origin: see `{{origin}}` above.
 */
export const FRAME_POLICY =
  "default-src 'none'; script-src {{origin}} 'wasm-unsafe-eval'; style-src {{origin}}; " +
  "connect-src {{origin}}; img-src {{origin}}; base-uri 'none'; form-action 'none'";

/** Headers every server sends before the rules of a headers file (which may override them). */
export const DEFAULT_HEADERS = { '/embed.html': { 'Content-Security-Policy': FRAME_POLICY } };

/**
 * Returns the extra headers for a request path, merged from every matching rule, with
 * `{{origin}}` in a value replaced by `origin` (this server's, e.g. http://127.0.0.1:8080).
 */
export function headersFor(rules, path, origin = '') {
  const merged = {};
  for (const [pattern, headers] of Object.entries(rules ?? {})) {
    const matches =
      pattern === path ||
      (pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1))) ||
      (pattern.startsWith('*') && path.endsWith(pattern.slice(1)));
    if (matches) Object.assign(merged, headers);
  }
  for (const [name, value] of Object.entries(merged)) {
    merged[name] = String(value).replaceAll('{{origin}}', origin);
  }
  return merged;
}

/**
 * The origin a request reached this server by: its Host header when that is a plain
 * host[:port] (the browser writes it from the address it loaded), else the address the
 * server listens on. Never anything that could break out of a header value.
 */
export function requestOrigin(req, fallback) {
  const host = req.headers.host ?? '';
  return /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host) ? `http://${host}` : fallback;
}

/**
 * Maps a request URL's path to a file under root, or null when it is malformed or
 * would leave root.
 */
export function resolvePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const file = resolve(root, `.${normalize(`/${decoded}`)}`);
  return file.startsWith(root + sep) ? file : null;
}

/**
 * The precompressed copy of `file` the request accepts, as [path, encoding, bytes]:
 * brotli first, then gzip; null when neither is accepted or present.
 */
export function precompressed(file, acceptEncoding = '') {
  const accepted = new Set(
    String(acceptEncoding)
      .split(',')
      .map((part) => part.split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name.trim().toLowerCase()),
  );
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ]) {
    if (!accepted.has(encoding)) continue;
    try {
      const stat = statSync(file + suffix);
      if (stat.isFile()) return [file + suffix, encoding, stat.size];
    } catch {
      // No such copy: try the next encoding.
    }
  }
  return null;
}

/** Starts serving `root`; resolves to { url, port, server, close } once listening. */
export function startServer({ root = 'dist', port = 8080, host = '127.0.0.1', headers = {}, mounts = {} } = {}) {
  const rootDir = resolve(root);
  // Longest prefix first, so /a/b/ wins over /a/.
  const mounted = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)])
    .sort(([a], [b]) => b.length - a.length);
  /** The directory and the path inside it that serve a request path. */
  const locate = (path) => {
    for (const [prefix, dir] of mounted) {
      if (path.startsWith(prefix)) return [dir, path.slice(prefix.length - 1)];
    }
    return [rootDir, path];
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });

    // Browsers ask for a favicon the demo page does not have; answer without an error
    // so the tests' "no console errors" check sees only the widget's own problems.
    if (path === '/favicon.ico') return send(204, '');

    const file = resolvePath(...locate(path));
    const type = file && MIME_TYPES[extname(file).toLowerCase()];
    let stat;
    try {
      stat = file && type ? statSync(file) : null;
    } catch {
      stat = null;
    }
    if (!stat?.isFile()) return send(404, 'not found\n');

    const [body, encoding, size] = precompressed(file, req.headers['accept-encoding']) ?? [file, null, stat.size];
    const origin = requestOrigin(req, `http://${host}:${server.address().port}`);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': size,
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
      // Hashed assets never change; the page and the manifest must be revalidated.
      'Cache-Control': /\.[0-9a-f]{16}\./.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      // The defaults first, then the headers file's rules in their own order.
      ...headersFor(DEFAULT_HEADERS, path, origin),
      ...headersFor(headers, path, origin),
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(body).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      headers: { type: 'string' },
      mount: { type: 'string', multiple: true, default: [] },
    },
  });
  const mounts = {};
  for (const spec of values.mount) {
    const at = spec.indexOf('=');
    if (!spec.startsWith('/') || at < 2) {
      console.error(`serve: --mount wants /prefix/=dir, not ${spec}`);
      process.exit(1);
    }
    mounts[spec.slice(0, at)] = spec.slice(at + 1);
  }
  const headers = values.headers ? JSON.parse(readFileSync(values.headers, 'utf8')) : {};
  try {
    statSync(join(values.root, 'index.html'));
  } catch {
    console.error(`serve: ${values.root}/index.html not found; run make dist first`);
    process.exit(1);
  }
  startServer({ root: values.root, port: Number(values.port), host: values.host, headers, mounts })
    .then(({ url }) => console.log(`serve: serving ${values.root}/ at ${url} (Ctrl-C to stop)`))
    .catch((error) => {
      console.error(`serve: cannot listen on ${values.host}:${values.port}: ${error.message}`);
      process.exit(1);
    });
}
