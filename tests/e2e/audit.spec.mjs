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

/**
 * The browser functions each shipped wasm imports, by the names wasm-bindgen gave them
 * (`__wbg_<api>_<16 hex>`). scripts/dist.sh renames imports to one or two letters and
 * keeps wasm-opt's map beside the build (target/dist-stage/<module>.names.json); the
 * map is only trusted once its short names are exactly the imports of the wasm in dist/.
 */
function wasmImports(logical, module) {
  const shipped = new WebAssembly.Module(readFileSync(join(dist, manifest.files[logical].file)));
  const declared = WebAssembly.Module.imports(shipped).map((i) => i.name).sort();
  const map = JSON.parse(readFileSync(join('target', 'dist-stage', `${module}.names.json`), 'utf8'));
  expect(map.imports.map(([, , short]) => short).sort(), `${module}.names.json is the map of dist/'s wasm`).toEqual(declared);
  const names = new Set();
  for (const [, original] of map.imports) {
    const match = original.match(/^__wbg_([A-Za-z0-9_]+?)_[0-9a-f]{16}$/);
    if (match) names.add(match[1]);
    else expect(original, 'an import that is not a browser function is wasm-bindgen\'s own').toMatch(/^__wbindgen_/);
  }
  return [...names].sort();
}

test('the wasm imports no network or storage API', () => {
  const imports = wasmImports('knee-check.wasm', 'knee_check');
  // The glue for a Yew app imports dozens of DOM functions; finding few means the
  // pattern no longer matches the glue and the audit would pass vacuously.
  expect(imports.length).toBeGreaterThan(40);
  expect(imports).toEqual(expect.arrayContaining(['createElement', 'addEventListener', 'dispatchEvent']));
  // The questionnaire checker imports only what reads JSON: JSON.parse and the
  // JavaScript built-ins that walk its result (src/browser/checker.rs).
  const checker = wasmImports('knee-check-checker.wasm', 'knee_check_checker');
  expect(checker).toContain('parse');
  const reading = new Set(['parse', 'entries', 'get', 'get_unchecked', 'isArray', 'length', 'instanceof_Error', 'message']);
  const unexpected = checker.filter((name) => !reading.has(name) && !name.startsWith('__wbindgen_'));
  expect(unexpected, `checker imports: ${checker.join(', ')}`).toEqual([]);
  const offending = [...imports, ...checker].filter((name) =>
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
  expect(glueFetches).toHaveLength(2);
  expect(calls).toHaveLength(2);
  // The loader's own fetches use `fetch` as it was when the module ran (a framework may
  // wrap it later), kept under one name.
  const kept = loader.match(/([\w$]+)=typeof fetch=="function"\?fetch\.bind\(globalThis\)/)?.[1];
  expect(kept, 'the loader keeps fetch as it was at load').toBeTruthy();
  const keptCalls = [...loader.matchAll(new RegExp(`(?<![\\w$.])${kept.replace('$', '\\$')}\\(([^)]*)\\)`, 'g'))].map((m) => m[1]);
  const ownFetches = keptCalls.map((args) => args.match(/^[\w$]+,\{integrity:([\w$]+)\}$/)).filter(Boolean);
  expect(ownFetches).toHaveLength(2);
  expect(keptCalls).toHaveLength(2);
  // Each integrity value fetched with is the manifest's value for one of the two modules.
  const pinned = ownFetches.map(([, name]) => loader.match(new RegExp(`[\\s,;{]${name.replace('$', '\\$')}="(sha384-[^"]+)"`))?.[1]);
  expect(pinned.sort()).toEqual(
    [manifest.files['knee-check.wasm'].integrity, manifest.files['knee-check-checker.wasm'].integrity].sort(),
  );
  for (const api of ['XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'localStorage', 'sessionStorage', 'indexedDB', 'document.cookie', 'caches.', 'serviceWorker', 'import(']) {
    expect(loader.includes(api), `the loader mentions ${api}`).toBe(false);
  }
});
