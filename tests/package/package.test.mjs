// The npm package and the release archive (issue #15), as someone without Rust gets
// them: packed by `make package` (scripts/package.mjs, run by make test just before),
// installed offline into a fresh project, type-checked by tsc, bundled by Vite. The
// browser half (the package served from a second origin as a CDN would, the Vite app
// running) is tests/e2e/package.spec.mjs, which uses the project prepared here.
//
// Run alone: node scripts/package.mjs && node --test tests/package/

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'target', 'package');
/** Where the consumer project lives; tests/e2e/package.spec.mjs serves from here. */
const CONSUMER = join(root, 'target', 'package-tests', 'consumer');
const require = createRequire(import.meta.url);

const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const cargoVersion = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];
const manifest = JSON.parse(readFileSync(join(root, 'dist', 'manifest.json'), 'utf8'));
const installed = join(CONSUMER, 'node_modules', 'knee-check');

const run = (command, args, options = {}) =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

before(() => {
  // A fresh project and an empty npm cache: the tarball needs nothing from a registry.
  rmSync(join(root, 'target', 'package-tests'), { recursive: true, force: true });
  mkdirSync(CONSUMER, { recursive: true });
  writeFileSync(join(CONSUMER, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(root, 'target', 'package-tests', 'npm-cache'), join(out, summary.tarball)], { cwd: CONSUMER });
});

test('the npm package carries the version, the entry, the types and the manifest', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'knee-check');
  assert.equal(pkg.version, cargoVersion, 'the version is Cargo.toml’s');
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.exports['.'], { types: './knee-check.d.ts', default: './knee-check.js' });
  assert.equal(pkg.types, './knee-check.d.ts');
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  const files = readdirSync(installed).sort();
  const loader = manifest.files['knee-check.js'].file;
  for (const name of [loader, manifest.files['knee-check.wasm'].file, manifest.files['knee-check-checker.wasm'].file, 'knee-check.js', 'knee-check.d.ts', 'custom-elements.json', 'manifest.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'embed.html', 'frame-host.js']) {
    assert.ok(files.includes(name), `${name} is in the package (it holds ${files.join(', ')})`);
  }
  assert.ok(!files.some((name) => /\.(gz|br)$/.test(name)), 'no precompressed copies: CDNs compress');
  assert.ok(!files.includes('index.html'), 'no demo article');
  // The stable entry is the hashed loader byte for byte, so one integrity value pins both.
  assert.deepEqual(readFileSync(join(installed, 'knee-check.js')), readFileSync(join(installed, loader)));
  assert.equal(summary.integrity, manifest.files['knee-check.js'].integrity);
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  assert.ok(readme.includes(`knee-check@${cargoVersion}/knee-check.js`), 'the README’s snippet pins this version');
  assert.ok(readme.includes(`integrity="${summary.integrity}"`), 'and carries the loader’s integrity');
});

test('the release archive holds the self-hosting files, precompressed copies and HOSTING.md', () => {
  const listed = run('tar', ['-tzf', join(out, summary.archive)]).trim().split('\n');
  const top = summary.archive.replace(/\.tar\.gz$/, '');
  const names = listed.map((path) => path.slice(top.length + 1)).filter(Boolean);
  for (const entry of ['knee-check.js', 'knee-check.wasm', 'knee-check-checker.wasm', 'knee-check.css']) {
    const file = manifest.files[entry].file;
    for (const name of [file, `${file}.gz`, `${file}.br`]) assert.ok(names.includes(name), `${name} is in the archive`);
  }
  for (const name of ['HOSTING.md', 'manifest.json', 'embed.html', 'embed.js', 'frame-host.js', 'configurator.html', 'configurator-preview.js', 'questionnaire-check.html', 'questionnaire-check.js', 'knee-or-back.json', 'LICENSE-MIT']) {
    assert.ok(names.includes(name), `${name} is in the archive`);
  }
  assert.ok(!names.includes('index.html') && !names.includes('clinic.html'), 'no demo articles');
});

test('custom-elements.json is valid against the schema and lists what the code has', () => {
  const Ajv = require('ajv');
  const schema = require('custom-elements-manifest/schema.json');
  const cem = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  assert.ok(validate(cem), JSON.stringify(validate.errors, null, 2));

  const element = cem.modules[0].declarations.find((d) => d.customElement);
  assert.equal(element.tagName, 'knee-check');
  // Attributes: exactly the option names of src/options.rs, and the loader's own `loading`.
  const options = readFileSync(join(root, 'src', 'options.rs'), 'utf8');
  const names = [...options.match(/pub const NAMES: \[&str; \d+\] = \[([^\]]*)\]/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(element.attributes.map((a) => a.name).sort(), [...names, 'loading'].sort());
  // Every custom property the stylesheet reads is documented.
  const css = readFileSync(join(root, 'styles', 'knee-check.css'), 'utf8');
  const used = new Set([...css.matchAll(/var\((--knee-check-[a-z-]+)/g)].map((m) => m[1]));
  assert.deepEqual([...used].sort(), element.cssProperties.map((p) => p.name).sort());
  // Each documented default is the stylesheet's own fallback for that property (the dark
  // accent's is mixed from the light one, so its manifest gives the colour that makes).
  for (const { name, default: fallback } of element.cssProperties.filter((p) => p.default)) {
    if (css.includes(`var(${name}, color-mix(`)) continue;
    assert.ok(css.includes(`var(${name}, ${fallback})`), `${name}: the stylesheet's default is not ${fallback}`);
  }
  // Every part the views expose is documented.
  const parts = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.rs')) for (const m of readFileSync(path, 'utf8').matchAll(/part="([^"]+)"/g)) m[1].split(' ').forEach((p) => parts.add(p));
    }
  };
  walk(join(root, 'src', 'browser'));
  assert.deepEqual([...parts].sort(), element.cssParts.map((p) => p.name).sort());
  assert.deepEqual(element.events.map((e) => e.name), ['knee-check:start', 'knee-check:complete', 'knee-check:error']);
  // The outcome ids a host can be told: the built-in questionnaire's results, its red-flag
  // cards and the under-18 stop (src/check/scoring.rs), in the manifest and the types.
  const builtIn = JSON.parse(readFileSync(join(root, 'questionnaires', 'knee-or-back.json'), 'utf8'));
  const outcomes = [...builtIn.outcomes.map((o) => o.id), 'red-flag-emergency', 'red-flag-today', 'under-18'].sort();
  const complete = element.events.find((e) => e.name === 'knee-check:complete').description;
  assert.deepEqual(complete.match(/\(([^)]*)\)/)[1].split(', ').sort(), outcomes);
  const types = readFileSync(join(installed, 'knee-check.d.ts'), 'utf8');
  const union = types.match(/export type Outcome =([^;]*);/)[1];
  assert.deepEqual([...union.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(), outcomes);
});

test('tsc type-checks a consumer of the package, and refuses a wrong use', () => {
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  writeFileSync(
    join(CONSUMER, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], strict: true, noEmit: true }, files: ['good.ts'] }),
  );
  writeFileSync(
    join(CONSUMER, 'good.ts'),
    `import { mount, checkOptions, KneeCheckElement, OPTION_NAMES, type KneeCheckHandle, type KneeCheckOptions } from 'knee-check';
const options: KneeCheckOptions = { clinicName: 'Lakeside', headingLevel: 3, 'booking-url': 'https://example.org/book' };
const handle: KneeCheckHandle = mount(document.body, options);
handle.update({ theme: 'dark' });
handle.destroy();
const element = document.createElement('knee-check');
const typed: KneeCheckElement = element;
typed.clinicName = 'Lakeside PT';
element.addEventListener('knee-check:complete', (event) => console.log(event.detail.outcome.toUpperCase()));
document.addEventListener('knee-check:start', (event) => console.log(event.type));
window.addEventListener('knee-check:error', (event) => console.log(event.detail === null));
checkOptions({ clinicPhone: 'ext. 4' }).then((problems) => console.log(problems['clinic-phone']));
console.log(OPTION_NAMES.length);
`,
  );
  run(tsc, ['-p', CONSUMER]);

  writeFileSync(join(CONSUMER, 'bad.ts'), `import { mount } from 'knee-check';\nmount(document.body, { headingLevel: 9 });\nmount('not an element');\n`);
  writeFileSync(join(CONSUMER, 'tsconfig.bad.json'), JSON.stringify({ extends: './tsconfig.json', files: ['bad.ts'] }));
  const refused = (() => {
    try {
      run(tsc, ['-p', join(CONSUMER, 'tsconfig.bad.json')]);
      return '';
    } catch (error) {
      return error.stdout;
    }
  })();
  assert.match(refused, /bad\.ts\(2,/, 'a heading level of 9 is a type error');
  assert.match(refused, /bad\.ts\(3,/, 'a string is not an element');
});

test('a Vite app that imports knee-check and calls mount() builds, with the wasm beside it', async () => {
  const app = join(CONSUMER, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Vite app</title><link rel="icon" href="data:,"></head>\n<body>\n<h1>A Vite app</h1>\n<section id="self-check"></section>\n<p id="events">no event yet</p>\n<script type="module" src="./main.js"></script>\n</body>\n</html>\n`,
  );
  writeFileSync(
    join(app, 'main.js'),
    `import { mount } from 'knee-check';\nconst host = document.getElementById('self-check');\nhost.addEventListener('knee-check:start', () => { document.getElementById('events').textContent = 'started'; });\nmount(host, { clinicName: 'Vite Clinic', headingLevel: 2 });\n`,
  );
  const { build } = await import(join(root, 'node_modules', 'vite', 'dist', 'node', 'index.js'));
  await build({ root: app, logLevel: 'error', build: { outDir: join(app, 'dist'), emptyOutDir: true } });
  const assets = readdirSync(join(app, 'dist', 'assets'));
  assert.ok(assets.some((name) => name.endsWith('.wasm')), `the wasm was copied: ${assets.join(', ')}`);
  assert.ok(existsSync(join(app, 'dist', 'index.html')));
});
