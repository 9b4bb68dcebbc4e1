// The WebKit runner's test server: scripts/serve.mjs serving dist/ exactly as the
// Playwright suite's webServer does (same headers.json, same mounts), behind a small
// proxy on 127.0.0.1 that puts tests/webkit/probe.js first in every HTML page (see
// probe.js for why). Every response header, the Content-Security-Policy above all, is
// passed through unchanged. `?lang=es` on a page's address writes `lang="es"` on its
// first <knee-check>, as the Playwright suite's WidgetPage does. `holdWasm()` keeps the
// widget's wasm back until the test lets it through, as first-screen.spec.mjs's route
// does, so "before the wasm" is a state the test controls.
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROBE_PATH = '/__kc-webkit-probe.js';
const PROBE = readFileSync(new URL('./probe.js', import.meta.url));

/**
 * Starts the server. `headers` defaults to tests/e2e/headers.json; pass another set to
 * serve a deliberately different policy. Resolves to { url, port, close, holdWasm }.
 */
export async function startTestServer({ headers } = {}) {
  const rules = headers ?? JSON.parse(readFileSync(new URL('../e2e/headers.json', import.meta.url), 'utf8'));
  const upstream = await startServer({
    root: `${ROOT}/dist`,
    port: 0,
    headers: rules,
    mounts: {
      '/test-hosts/': `${ROOT}/tests/e2e/hosts`,
      '/test-scratch/': `${ROOT}/target/e2e/scratch`,
      '/test-strict/': `${ROOT}/dist`,
    },
  });
  // The current hold on the widget's wasm, if any (holdWasm below).
  let hold = null;
  const proxy = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === PROBE_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
      return res.end(PROBE);
    }
    const wasm = /^\/knee-check\.[0-9a-f]+\.wasm$/.test(url.pathname);
    if (wasm && hold) {
      hold.requests += 1;
      await hold.released;
    }
    const forward = request(
      { host: '127.0.0.1', port: upstream.port, path: url.pathname, method: req.method, headers: { ...req.headers } },
      (answer) => {
        const type = String(answer.headers['content-type'] ?? '');
        if (!type.startsWith('text/html') || answer.statusCode !== 200) {
          // The wasm is never cached, so that a held one is always asked for again.
          res.writeHead(answer.statusCode ?? 502, wasm ? { ...answer.headers, 'cache-control': 'no-store' } : answer.headers);
          return answer.pipe(res);
        }
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          let html = Buffer.concat(chunks).toString('utf8');
          html = html.replace(/<head>/i, `<head><script src="${PROBE_PATH}"></script>`);
          const lang = url.searchParams.get('lang');
          if (lang && /^[a-z-]+$/i.test(lang)) html = html.replace(/<knee-check(?=[\s>])/, `<knee-check lang="${lang}"`);
          const body = Buffer.from(html);
          res.writeHead(200, { ...answer.headers, 'content-length': body.length, 'cache-control': 'no-store' });
          res.end(req.method === 'HEAD' ? undefined : body);
        });
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address();
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    /** Holds every request for the widget's wasm until `release()`; counts them. */
    holdWasm() {
      let release;
      const current = {
        requests: 0,
        released: new Promise((resolve) => (release = resolve)),
        release: () => {
          if (hold === current) hold = null;
          release();
        },
      };
      hold = current;
      return current;
    },
    close: async () => {
      await new Promise((resolve) => proxy.close(resolve));
      await upstream.close();
    },
  };
}
