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

test('the loader fetches only its own wasm, with its integrity value, and stores nothing', () => {
  const calls = [...loader.matchAll(/\bfetch\(([^)]*)\)/g)].map((m) => m[1]);
  // wasm-bindgen's init fetches a URL it is given; ours passes a Response promise made by
  // the single integrity-checked fetch below, so that branch never runs.
  expect(calls).toEqual(['module_or_path', 'WASM_URL, { integrity: WASM_INTEGRITY }']);
  expect(loader).toContain(`const WASM_INTEGRITY = '${manifest.files['knee-check.wasm'].integrity}'`);
  for (const api of ['XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage', 'indexedDB', 'document.cookie', 'caches.', 'serviceWorker', 'import(']) {
    expect(loader.includes(api), `the loader mentions ${api}`).toBe(false);
  }
});
