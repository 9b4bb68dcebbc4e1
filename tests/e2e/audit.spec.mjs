// An audit of what the shipped JavaScript can reach. The wasm talks to the browser only
// through the imports wasm-bindgen generates in the glue, so listing those imports lists
// every browser API the Rust code can call. The test fails if any of them, or any line of
// the loader, could send or store data: the only network access allowed is the one
// fetch of the widget's own wasm, with its integrity value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.mjs';

const dist = 'dist';
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const loader = readFileSync(join(dist, manifest.files['knee-check.js'].file), 'utf8');

/** Browser APIs that send data off the device or keep it on the device. */
const FORBIDDEN = [
  'fetch',
  'sendBeacon',
  'WebSocket',
  'XMLHttpRequest',
  'EventSource',
  'RTCPeerConnection',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'cookie',
  'caches',
  'serviceWorker',
  'open',
  'postMessage',
  'Image',
  'submit',
];

/** The names of the wasm's imports: `__wbg_<name>_<16 hex>` in the glue. */
function wasmImports(source) {
  const names = new Set();
  for (const [, name] of source.matchAll(/\b__wbg_([A-Za-z0-9_]+?)_[0-9a-f]{16}\b/g)) {
    names.add(name);
  }
  return [...names].sort();
}

test('the wasm imports no network or storage API', () => {
  const imports = wasmImports(loader);
  // The glue for a Yew app imports dozens of DOM functions; finding few means the
  // pattern no longer matches the glue and the audit would pass vacuously.
  expect(imports.length).toBeGreaterThan(40);
  expect(imports).toEqual(expect.arrayContaining(['createElement', 'addEventListener', 'dispatchEvent']));
  const offending = imports.filter((name) =>
    FORBIDDEN.some((api) => name.toLowerCase().split('_').includes(api.toLowerCase())),
  );
  expect(offending, `imports: ${imports.join(', ')}`).toEqual([]);
});

test('the loader fetches only its own two wasm modules, each with its integrity value, and stores nothing', () => {
  const calls = [...loader.matchAll(/\bfetch\(([^)]*)\)/g)].map((m) => m[1]);
  // Each wasm-bindgen glue (the widget's and the questionnaire checker's) fetches a URL it
  // is given; ours pass a Response promise made by the integrity-checked fetches, so those
  // branches never run. The loader is minified, so names are whatever esbuild chose.
  const glueFetches = calls.filter((args) => /^[\w$]+$/.test(args));
  const ownFetches = calls.map((args) => args.match(/^[\w$]+,\{integrity:([\w$]+)\}$/)).filter(Boolean);
  expect(glueFetches).toHaveLength(2);
  expect(ownFetches).toHaveLength(2);
  expect(calls).toHaveLength(4);
  // Each integrity value fetched with is the manifest's value for one of the two modules.
  const pinned = ownFetches.map(([, name]) => loader.match(new RegExp(`[\\s,;{]${name.replace('$', '\\$')}="(sha384-[^"]+)"`))?.[1]);
  expect(pinned.sort()).toEqual(
    [manifest.files['knee-check.wasm'].integrity, manifest.files['knee-check-checker.wasm'].integrity].sort(),
  );
  for (const api of ['XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage', 'indexedDB', 'document.cookie', 'caches.', 'serviceWorker', 'import(']) {
    expect(loader.includes(api), `the loader mentions ${api}`).toBe(false);
  }
});
