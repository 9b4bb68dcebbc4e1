#!/usr/bin/env node
// Builds, from dist/ (`make dist`), what people without Rust get (issue #15):
//
// - the npm package `knee-check` (target/package/knee-check-<version>.tgz, by `npm pack`):
//   the loader under the stable name `knee-check.js` (the same bytes as the hashed
//   `knee-check.<hash>.js`, so one integrity value pins either) beside the hashed files it
//   loads by `import.meta.url`, so it works from any CDN path; types (package/knee-check.d.ts),
//   the Custom Elements Manifest (package/custom-elements.json), the iframe mode's files,
//   manifest.json, an npm README (package/README.md) and the licences. Public CDNs serve
//   every npm package as static files, so a published version is usable with no build:
//   https://cdn.jsdelivr.net/npm/knee-check@<version>/knee-check.js
// - the release archive (target/package/knee-check-<version>.tar.gz) for self-hosting:
//   every file of dist/ but the demo articles, with the precompressed .gz/.br copies,
//   HOSTING.md (server settings) and the licences.
//
// It prints what each holds, with sizes. Nothing is fetched: npm pack works offline.
//
// Usage: node scripts/package.mjs [--dist dist] [--out target/package]

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: join(root, 'dist') },
    out: { type: 'string', default: join(root, 'target', 'package') },
  },
});

function fail(message) {
  console.error(`package: error: ${message}`);
  process.exit(1);
}

const dist = resolve(args.dist);
const out = resolve(args.out);
const manifestPath = join(dist, 'manifest.json');
if (!existsSync(manifestPath)) fail(`${manifestPath} not found: run make dist first`);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const cargoVersion = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)?.[1];
if (!cargoVersion) fail('no version in Cargo.toml');
// dist/ must come from this source: its manifest carries the version it was built at.
if (manifest.version !== cargoVersion) fail(`dist/ is version ${manifest.version}, Cargo.toml says ${cargoVersion}: run make dist`);
const version = cargoVersion;

const file = (logical) => {
  const entry = manifest.files[logical];
  if (!entry) fail(`dist/manifest.json has no ${logical}`);
  return entry.file;
};

/** The widget's own files: what any page using it needs. */
const widgetFiles = [file('knee-check.js'), file('knee-check.wasm'), file('knee-check-checker.wasm'), file('knee-check.css')];
/** The iframe mode: the frame page, its script and style, and the host page's helper. */
const frameFiles = ['embed.html', 'embed.js', 'demo.css', 'frame-host.js', 'favicon.svg'];
for (const name of frameFiles) if (!manifest.files[name]) fail(`dist/ has no ${name}`);
const licences = ['LICENSE-MIT', 'LICENSE-APACHE'];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. The npm package.
const stage = join(out, 'npm');
mkdirSync(stage);
for (const name of [...widgetFiles, ...frameFiles, 'manifest.json']) copyFileSync(join(dist, name), join(stage, name));
copyFileSync(join(dist, file('knee-check.js')), join(stage, 'knee-check.js'));
for (const name of ['knee-check.d.ts', 'custom-elements.json']) copyFileSync(join(root, 'package', name), join(stage, name));
// The README's snippet names this version and the loader's integrity value.
const readme = readFileSync(join(root, 'package', 'README.md'), 'utf8')
  .replaceAll('{{version}}', version)
  .replaceAll('{{integrity}}', manifest.files['knee-check.js'].integrity);
if (/\{\{/.test(readme)) fail('package/README.md has an unknown {{placeholder}}');
writeFileSync(join(stage, 'README.md'), readme);
for (const name of licences) copyFileSync(join(root, name), join(stage, name));

const entry = { types: './knee-check.d.ts', default: './knee-check.js' };
const pkg = {
  name: 'knee-check',
  version,
  description: 'An embeddable knee pain self-check: a <knee-check> web component (Rust and WebAssembly) that helps a reader tell whether knee pain may come from the lower back or the hip. It sends nothing anywhere.',
  keywords: ['web-component', 'custom-element', 'webassembly', 'health', 'knee', 'self-check', 'questionnaire'],
  license: 'MIT OR Apache-2.0',
  type: 'module',
  // Importing it defines <knee-check>: bundlers must keep it even when nothing is used.
  sideEffects: true,
  main: './knee-check.js',
  module: './knee-check.js',
  types: './knee-check.d.ts',
  // What public CDNs serve for the bare package address (cdn.jsdelivr.net/npm/knee-check).
  browser: './knee-check.js',
  unpkg: './knee-check.js',
  jsdelivr: './knee-check.js',
  exports: {
    '.': entry,
    './knee-check.js': entry,
    './custom-elements.json': './custom-elements.json',
    './manifest.json': './manifest.json',
    './frame-host.js': './frame-host.js',
    './package.json': './package.json',
  },
  customElements: 'custom-elements.json',
  files: [...widgetFiles, 'knee-check.js', 'knee-check.d.ts', 'custom-elements.json', 'manifest.json', ...frameFiles, ...licences],
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--offline', '--pack-destination', out], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
)[0];
const tarball = join(out, packed.filename);

// 2. The release archive: dist/ without the demo articles, plus HOSTING.md and licences.
const demoOnly = new Set(['index.html', 'clinic.html']);
const release = `knee-check-${version}`;
const releaseDir = join(out, release);
mkdirSync(releaseDir);
for (const name of readdirSync(dist)) {
  if (demoOnly.has(name) || statSync(join(dist, name)).isDirectory()) continue;
  copyFileSync(join(dist, name), join(releaseDir, name));
}
for (const name of ['HOSTING.md', ...licences]) copyFileSync(join(root, name), join(releaseDir, name));
const archive = join(out, `${release}.tar.gz`);
// Reproducible: sorted names, no owner, a fixed date.
execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '-czf', archive, '-C', out, release]);

// 3. What was made, with sizes (KB = 1000 bytes).
const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(10);
console.log(`package: ${packed.filename} (${kb(statSync(tarball).size).trim()}, ${packed.entryCount} files, ${kb(packed.unpackedSize).trim()} unpacked)`);
for (const { path, size } of packed.files.sort((a, b) => a.path.localeCompare(b.path))) console.log(`  ${path.padEnd(44)}${kb(size)}`);
const listed = readdirSync(releaseDir).sort();
console.log(`package: ${release}.tar.gz (${kb(statSync(archive).size).trim()}, ${listed.length} files)`);
for (const name of listed) console.log(`  ${name.padEnd(44)}${kb(statSync(join(releaseDir, name)).size)}`);
writeFileSync(join(out, 'summary.json'), `${JSON.stringify({ version, tarball: packed.filename, archive: `${release}.tar.gz`, integrity: manifest.files['knee-check.js'].integrity }, null, 2)}\n`);
