// The built dist/ as an embedder sees it: every file in manifest.json is served under
// its hashed name with the right type, and matches its SRI integrity value.
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { expect, test } from './fixtures.mjs';
import { DemoPage } from './pages/demo-page.mjs';

const TYPES = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

test('every manifest entry is served and matches its integrity value', async ({ request }) => {
  const manifest = await (await request.get('/manifest.json')).json();
  const entries = Object.entries(manifest.files);
  expect(entries.map(([name]) => name)).toEqual(
    expect.arrayContaining(['knee-check.js', 'knee-check.wasm', 'knee-check.css', 'index.html']),
  );
  for (const [name, { file, integrity, bytes }] of entries) {
    // The widget's own assets are cached forever, so their names carry a content hash;
    // the demo pages and their scripts keep plain names.
    if (name.startsWith('knee-check')) {
      expect(file, `${name} has a content hash in its name`).toMatch(/\.[0-9a-f]{16}\.[a-z]+$/);
    }
    const response = await request.get(`/${file}`);
    expect(response.status(), file).toBe(200);
    const type = TYPES[file.slice(file.lastIndexOf('.'))];
    if (type) expect(response.headers()['content-type'], file).toContain(type);
    const body = await response.body();
    expect(body.length, file).toBe(bytes);
    expect(`sha384-${createHash('sha384').update(body).digest('base64')}`, file).toBe(integrity);
  }
});

/** GETs a path exactly as written: browsers and fetch would normalise the dot segments. */
function rawStatus(baseURL, path) {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject);
  });
}

test('the server refuses paths outside dist/ and unknown files', async ({ baseURL }) => {
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/dist/../../package.json', '/missing.js']) {
    expect(await rawStatus(baseURL, path), path).toBe(404);
  }
});

test('the server sends the precompressed copy the browser accepts, as a CDN would', async ({ page, baseURL }) => {
  const manifest = await (await page.request.get('/manifest.json')).json();
  const wasm = manifest.files['knee-check.wasm'];
  const responses = [];
  page.on('response', (response) => responses.push(response));
  const demo = new DemoPage(page);
  await demo.goto();
  await expect(demo.heading).toBeVisible();
  const served = responses.find((response) => response.url().endsWith(wasm.file));
  expect(served, 'the page loaded the wasm').toBeTruthy();
  const headers = await served.allHeaders();
  // Brotli when the browser offers it (Chromium does on http://127.0.0.1; Firefox only
  // over https), else gzip.
  const offered = (await served.request().allHeaders())['accept-encoding'] ?? '';
  expect(headers['content-encoding']).toBe(/\bbr\b/.test(offered) ? 'br' : 'gzip');
  expect(headers.vary).toContain('Accept-Encoding');
  // The copy on the wire is the brotli file; the browser still gets the exact wasm
  // (its integrity value is checked against the decoded bytes).
  expect((await served.body()).length).toBe(wasm.bytes);
  const { hostname, port } = new URL(baseURL);
  const plain = await new Promise((resolve, reject) => {
    get({ hostname, port, path: `/${wasm.file}`, headers: { 'accept-encoding': 'identity' } }, (response) => {
      response.resume();
      resolve(response.headers);
    }).on('error', reject);
  });
  expect(plain['content-encoding'], 'a client that accepts no encoding gets the plain file').toBeUndefined();
  expect(Number(plain['content-length'])).toBe(wasm.bytes);
});
