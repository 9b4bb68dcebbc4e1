#!/usr/bin/env node
// Assembles dist/ from wasm-bindgen's output (already through wasm-opt), the stylesheet,
// the loader, the demo page and any other pages and files under web/.
//
// Every widget asset gets a content hash in its name, so it can be cached forever, and
// an SRI integrity value (sha384) in dist/manifest.json, so an embedding page can pin it.
//
// - Two wasm modules: the widget (`knee-check.wasm`) and the questionnaire checker
//   (`knee-check-checker.wasm`), which the loader fetches only for a custom questionnaire.
// - The loader (`knee-check.js`, the one module a host page loads) is web/knee-check.js
//   (the custom element and mount()) bundled by esbuild with the two wasm-bindgen glues it
//   imports as './__GLUE__' and './__CHECKER_GLUE__'. Placeholders in the template:
//   __WASM__ and __CHECKER_WASM__ (hashed wasm file names), __WASM_INTEGRITY__ and
//   __CHECKER_WASM_INTEGRITY__, __CSS__ (hashed stylesheet file name), __CSS_TEXT__ (the
//   stylesheet's text as a JS string literal), __FIRST_SCREENS__ (the intro in each
//   language, which `knee-check-prerender` drew with the app's views as HTML, parsed here
//   by htmlparser2 into `[tag, [name, value, …], …children]` trees the loader builds node
//   by node; the id prefix of the render, `kc<n>-`, becomes `\u0000`, which the loader
//   makes unique per widget).
// - The stylesheet and the loader (its placeholders filled) are minified with esbuild,
//   so the hashes and integrity values are those of the bytes served. Every host page
//   downloads the loader, which also carries the stylesheet's text, before the widget
//   can start (README.md, Performance), and about half of it was comments, indentation
//   and long local names. The readable sources stay in web/ and styles/. The
//   minified loader keeps the module's exports (checked here) and `import.meta.url`, its
//   syntax is not lowered (target es2022, which the element code already needs, so the
//   same browsers run it), and esbuild adds no eval or new Function (the CSP forbids them).
// - Pages (index.html, web/*.html) and the demo pages' scripts (web/*.js):
//   {{name}} becomes the hashed file name of asset `name`, {{integrity:name}} its SRI
//   value. Names: knee-check.js, knee-check.css, knee-check.wasm, knee-check-checker.wasm.
//   {{version}} is the crate's version (Cargo.toml), which the npm package carries too:
//   the configurator writes a version-pinned CDN address with it.
// - web/questionnaire-check.js, the questionnaire check page's script, is bundled with
//   the checker's glue (its './__CHECKER_GLUE__', __CHECKER_WASM__ and
//   __CHECKER_WASM_INTEGRITY__) and minified, like the loader; the built-in
//   questionnaire is copied beside it as knee-or-back.json.
// - Other files under web/ (the demo pages' styles) are copied as they are.
// Nothing inline: the widget must run under `script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'`, so every page is checked for inline scripts and styles.
//
// Usage: node scripts/assemble-dist.mjs --stage <wasm-bindgen out dir> --out dist

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { buildSync, transformSync } from 'esbuild';
import { parseDocument } from 'htmlparser2';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    stage: { type: 'string' },
    out: { type: 'string', default: join(root, 'dist') },
    page: { type: 'string', default: join(root, 'index.html') },
    web: { type: 'string', default: join(root, 'web') },
    styles: { type: 'string', default: join(root, 'styles', 'knee-check.css') },
    'first-screens': { type: 'string' },
  },
});
if (!args.stage) fail('--stage <dir with knee_check.js and knee_check_bg.wasm> is required');

function fail(message) {
  console.error(`assemble-dist: error: ${message}`);
  process.exit(1);
}

/** The crate's version: the first `version = "…"` of Cargo.toml, its [package] one. */
const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) fail('no version in Cargo.toml');

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const shortHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const out = resolve(args.out);
const tmp = `${out}.tmp`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

/** Logical name (as the manifest and the page's placeholders know it) -> entry. */
const files = {};

/** Writes `bytes` as `<base>.<hash>.<ext>` and records it under `logical`. */
function emitHashed(logical, bytes) {
  const dot = logical.lastIndexOf('.');
  const file = `${logical.slice(0, dot)}.${shortHash(bytes)}${logical.slice(dot)}`;
  writeFileSync(join(tmp, file), bytes);
  files[logical] = { file, integrity: sri(bytes), bytes: bytes.length };
  return files[logical];
}

function readStage(name) {
  const path = join(args.stage, name);
  if (!existsSync(path)) fail(`${path} not found (did wasm-bindgen run?)`);
  return readFileSync(path);
}

// esbuild minifies the stylesheet and the loader (see the header). `charset: 'utf8'`
// keeps non-ASCII text (the Spanish failure message) as it is rather than as \u escapes,
// as before: a module script is always decoded as UTF-8. esbuild's errors end the build.
const MINIFY = { minify: true, legalComments: 'none', charset: 'utf8', logLevel: 'silent' };

function runEsbuild(name, run) {
  let result;
  try {
    result = run();
  } catch (error) {
    const messages = (error.errors ?? []).map(({ text, location }) => `${location ? `${location.line}:${location.column}: ` : ''}${text}`);
    fail(`esbuild could not minify ${name}: ${messages.length ? messages.join('; ') : error.message}`);
  }
  for (const { text, location } of result.warnings) {
    console.warn(`assemble-dist: warning: esbuild, ${name}${location ? `:${location.line}:${location.column}` : ''}: ${text}`);
  }
  return result;
}

/** A stylesheet, minified (custom properties, @media, :host and ::part are kept as such). */
function minifyCss(source, name) {
  return runEsbuild(name, () => transformSync(source, { ...MINIFY, loader: 'css', sourcefile: name })).code;
}

/** The module `entry` (a file beside the modules it imports) bundled into one and
 *  minified; refuses a result whose exports differ from the unminified bundle's. The
 *  metafile lists the exports. */
function bundleModule(entry, name) {
  const build = (minify) => {
    const result = runEsbuild(name, () =>
      buildSync({ ...MINIFY, minify, entryPoints: [entry], bundle: true, format: 'esm', target: 'es2022', write: false, outfile: name, metafile: true }),
    );
    const [output] = Object.values(result.metafile.outputs);
    return { code: result.outputFiles[0].text, exports: [...output.exports].sort() };
  };
  const before = build(false).exports;
  const after = build(true);
  if (after.exports.join() !== before.join()) fail(`minifying ${name} changed its exports: ${before.join(', ')} became ${after.exports.join(', ')}`);
  return after.code;
}

// 1. The wasm modules.
const wasm = emitHashed('knee-check.wasm', readStage('knee_check_bg.wasm'));
const checkerWasm = emitHashed('knee-check-checker.wasm', readStage('knee_check_checker_bg.wasm'));

// 2. wasm-bindgen's snippets (inline_js / module imports), if any: their names already
//    carry wasm-bindgen's own hashes, so they are copied as they are.
const snippets = join(args.stage, 'snippets');
if (existsSync(snippets)) {
  cpSync(snippets, join(tmp, 'snippets'), { recursive: true });
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  for (const path of walk(join(tmp, 'snippets'))) {
    const rel = relative(tmp, path).split('\\').join('/');
    const bytes = readFileSync(path);
    files[rel] = { file: rel, integrity: sri(bytes), bytes: bytes.length };
  }
}

// 3. The glues, written beside the loader's entry for esbuild to bundle. Each one's
//    default wasm URL is pointed at its hashed wasm (the loader passes its own
//    integrity-checked fetch instead, so that URL is never fetched).
const bundleDir = `${tmp}.bundle`;
rmSync(bundleDir, { recursive: true, force: true });
mkdirSync(bundleDir);
for (const [module, target] of [['knee_check', wasm], ['knee_check_checker', checkerWasm]]) {
  const source = readStage(`${module}.js`).toString('utf8');
  if (!source.includes(`'${module}_bg.wasm'`)) fail(`glue no longer names '${module}_bg.wasm'; update assemble-dist.mjs`);
  const glue = withMinifiedNames(source.replaceAll(`'${module}_bg.wasm'`, `'${target.file}'`), module);
  writeFileSync(join(bundleDir, `${module}.js`), glue);
}

/**
 * The glue, speaking to the wasm by the short import and export names scripts/dist.sh
 * gave it (`<module>.names.json`, wasm-opt's map). Checked against the wasm itself:
 * every import it declares is defined once, and the glue uses no export it lacks.
 */
function withMinifiedNames(source, module) {
  const map = JSON.parse(readStage(`${module}.names.json`).toString('utf8'));
  const compiled = new WebAssembly.Module(readStage(`${module}_bg.wasm`));
  const imports = WebAssembly.Module.imports(compiled);
  const exports = new Set(WebAssembly.Module.exports(compiled).map((e) => e.name));
  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length !== 1) fail(`${module}: expected one import module, found ${modules.join(', ')}`);
  const escape = (name) => name.replace(/[$]/g, '\\$');
  let glue = source;
  const once = (pattern, replacement, what) => {
    let count = 0;
    glue = glue.replace(pattern, () => {
      count += 1;
      return replacement;
    });
    if (count !== 1) fail(`${module}: ${what} found ${count} times in the glue, expected once`);
  };
  once(`"./${module}_bg.js": import0`, `${JSON.stringify(modules[0])}: import0`, 'the import module');
  for (const [, name, short] of map.imports) {
    once(new RegExp(`(?<=[\\s,{])${escape(name)}(?=:)`, 'g'), short, `import ${name}`);
  }
  for (const [name, short] of map.exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, 'g'), () => `wasm.${short}`);
  }
  const declared = new Set(imports.map((i) => i.name));
  const defined = new Set(map.imports.map(([, , short]) => short));
  if (declared.size !== defined.size || [...declared].some((name) => !defined.has(name))) {
    fail(`${module}: the wasm's imports and ${module}.names.json disagree; rebuild with scripts/dist.sh`);
  }
  for (const [, name] of glue.matchAll(/\bwasm\.([\w$]+)/g)) {
    if (!exports.has(name)) fail(`${module}: the glue uses wasm.${name}, which the wasm does not export`);
  }
  return glue;
}

// 4. The stylesheet (before the loader, which may name it or carry its text), minified:
//    the same text is the file and the loader's __CSS_TEXT__.
const cssText = minifyCss(readFileSync(args.styles, 'utf8'), relative(root, args.styles));
const css = emitHashed('knee-check.css', Buffer.from(cssText));

// 5. The loader: web/knee-check.js (the custom element and mount()) bundled with the
//    glues, so the one <script integrity> a host writes covers all the JavaScript, and
//    each wasm is fetched with its own integrity value; then the whole is minified.
const GLUES = { __GLUE__: './knee_check.js', __CHECKER_GLUE__: './knee_check_checker.js' };
const loaderValues = {
  WASM: wasm.file,
  WASM_INTEGRITY: wasm.integrity,
  CHECKER_WASM: checkerWasm.file,
  CHECKER_WASM_INTEGRITY: checkerWasm.integrity,
  CSS: css.file,
  CSS_TEXT: JSON.stringify(cssText),
};
/** HTML as drawn by Yew's server renderer -> the loader's node trees (see the header). */
function nodeTree(node) {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') fail(`the first screen holds a ${node.type} node, which the loader does not build`);
  const attributes = Object.entries(node.attribs).flatMap(([name, value]) => [name, value.replace(/\bkc\d+-/g, '\u0000')]);
  return [node.name, attributes, ...node.children.map(nodeTree)];
}
const firstScreens = args['first-screens']
  ? Object.fromEntries(
      Object.entries(JSON.parse(readFileSync(args['first-screens'], 'utf8'))).map(([lang, html]) => {
        const roots = parseDocument(html, { decodeEntities: true }).children;
        if (roots.length !== 1 || !roots[0].attribs?.class?.split(' ').includes('kc-root')) {
          fail(`the first screen (${lang}) must be one .kc-root element`);
        }
        return [lang, nodeTree(roots[0])];
      }),
    )
  : null;
loaderValues.FIRST_SCREENS = JSON.stringify(firstScreens);
/**
 * The module web/`name` with its glue imports (`'./__GLUE__'`, ...) pointed at the glues
 * in the bundle folder and its `__NAME__` placeholders filled from `values`, written there
 * for esbuild; returns the bundled, minified code.
 */
function bundleTemplate(name, glues, values) {
  let source = readFileSync(join(args.web, name), 'utf8');
  for (const [placeholder, glue] of Object.entries(glues)) {
    const specifier = `'./${placeholder}'`;
    if (!source.includes(`from ${specifier};`)) fail(`web/${name} must import from ${specifier}`);
    source = source.replace(specifier, `'${glue}'`);
  }
  source = source.replace(/__([A-Z][A-Z_]*)__/g, (whole, key) => values[key] ?? whole);
  const leftover = source.match(/__[A-Z][A-Z_]*__/);
  if (leftover) fail(`web/${name} has unknown placeholder ${leftover[0]} (known: ${Object.keys(values).map((k) => `__${k}__`).join(', ')})`);
  writeFileSync(join(bundleDir, name), source);
  return bundleModule(join(bundleDir, name), name);
}
emitHashed('knee-check.js', Buffer.from(bundleTemplate('knee-check.js', GLUES, loaderValues)));

// 5b. The questionnaire check page's script (web/questionnaire-check.js), bundled with the
//     checker's glue like the loader, so that page checks a file by the widget's own
//     rules while no host page's loader grows by a byte.
const PAGE_BUNDLES = { 'questionnaire-check.js': { __CHECKER_GLUE__: GLUES.__CHECKER_GLUE__ } };
for (const [name, glues] of Object.entries(PAGE_BUNDLES)) {
  const { CHECKER_WASM, CHECKER_WASM_INTEGRITY } = loaderValues;
  const bytes = Buffer.from(bundleTemplate(name, glues, { CHECKER_WASM, CHECKER_WASM_INTEGRITY }));
  writeFileSync(join(tmp, name), bytes);
  files[name] = { file: name, integrity: sri(bytes), bytes: bytes.length };
}
rmSync(bundleDir, { recursive: true, force: true });

// 5c. The built-in questionnaire, for clinicians to start their own from (the check page
//     links to it).
{
  const bytes = readFileSync(join(root, 'questionnaires', 'knee-or-back.json'));
  writeFileSync(join(tmp, 'knee-or-back.json'), bytes);
  files['knee-or-back.json'] = { file: 'knee-or-back.json', integrity: sri(bytes), bytes: bytes.length };
}

// 6. Pages and other files from web/, then the demo page.
const webFiles = existsSync(args.web) ? readdirSync(args.web).filter((name) => statSync(join(args.web, name)).isFile()) : [];
for (const name of webFiles) {
  if (name === 'knee-check.js' || name in PAGE_BUNDLES || name.endsWith('.html')) continue;
  if (files[name]) fail(`web/${name} clashes with a generated asset`);
  // The demo pages' scripts may name the loader and its integrity ({{knee-check.js}}).
  const bytes = name.endsWith('.js')
    ? Buffer.from(fillPlaceholders(readFileSync(join(args.web, name), 'utf8'), name))
    : readFileSync(join(args.web, name));
  writeFileSync(join(tmp, name), bytes);
  files[name] = { file: name, integrity: sri(bytes), bytes: bytes.length };
}
const pages = [[args.page, 'index.html'], ...webFiles.filter((name) => name.endsWith('.html')).map((name) => [join(args.web, name), name])];
const seen = new Set();
for (const [path, name] of pages) {
  if (seen.has(name)) fail(`two pages named ${name} (index.html and web/${name})`);
  seen.add(name);
  const pageBytes = Buffer.from(fillPage(readFileSync(path, 'utf8'), name));
  writeFileSync(join(tmp, name), pageBytes);
  files[name] = { file: name, integrity: sri(pageBytes), bytes: pageBytes.length };
}

/** Fills {{name}} and {{integrity:name}} with an asset's hashed file name or SRI value,
 *  and {{version}} with the crate's version. */
function fillPlaceholders(source, name) {
  const filled = source.replaceAll('{{version}}', version).replace(/\{\{\s*(integrity:)?\s*([\w./-]+)\s*\}\}/g, (_, integrity, asset) => {
    const entry = files[asset];
    if (!entry) fail(`${name} names unknown asset '${asset}' (known: ${Object.keys(files).join(', ')})`);
    return integrity ? entry.integrity : entry.file;
  });
  if (/\{\{|\}\}/.test(filled)) fail(`${name} has a malformed {{placeholder}}`);
  return filled;
}

/** Fills a page's placeholders and refuses anything a strict CSP would block. */
function fillPage(source, name) {
  const page = fillPlaceholders(source, name);
  // Guard the CSP promise: no inline script, no <style>, no style="" attribute, no on*= handler.
  const inline = [
    [/<script(?![^>]*\bsrc=)[^>]*>/i, 'an inline <script>'],
    [/<style[\s>]/i, 'a <style> element'],
    [/\sstyle\s*=/i, 'a style="" attribute'],
    [/\son[a-z]+\s*=/i, 'an inline event handler'],
  ];
  for (const [pattern, what] of inline) {
    if (pattern.test(page)) fail(`${name} contains ${what}, which the widget's CSP forbids`);
  }
  return page;
}

// 7. Precompressed copies of the widget's own assets (`<file>.gz`, `<file>.br`), for
//    servers that send them as they are (nginx gzip_static / brotli_static, many CDNs):
//    gzip -9 and brotli at quality 11, which is too slow to do per request. The
//    manifest records their sizes beside the raw one.
for (const [logical, entry] of Object.entries(files)) {
  if (!/^knee-check(-checker)?\.(wasm|js|css)$/.test(logical)) continue;
  const bytes = readFileSync(join(tmp, entry.file));
  const gz = gzip9(bytes);
  const br = brotli11(bytes);
  writeFileSync(join(tmp, `${entry.file}.gz`), gz);
  writeFileSync(join(tmp, `${entry.file}.br`), br);
  Object.assign(entry, { gzip: gz.length, brotli: br.length });
}

function gzip9(bytes) {
  return gzipSync(bytes, { level: 9 });
}

function brotli11(bytes) {
  return brotliCompressSync(bytes, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}

// 8. The manifest, then swap the new dist/ in whole so no stale hashed file survives.
const manifest = { name: 'knee-check', version, files };
writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);

// Report sizes: raw, gzip -9 and brotli, as a server would send them.
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
console.log(`assemble-dist: wrote ${relative(process.cwd(), out) || '.'}/`);
console.log(`  ${'file'.padEnd(44)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
let total = [0, 0, 0];
for (const { file } of Object.values(files)) {
  const bytes = readFileSync(join(out, file));
  const sizes = [bytes.length, gzip9(bytes).length, brotli11(bytes).length];
  total = total.map((t, i) => t + sizes[i]);
  console.log(`  ${file.padEnd(44)}${sizes.map(kb).join('')}`);
}
console.log(`  ${'total'.padEnd(44)}${total.map(kb).join('')}`);
