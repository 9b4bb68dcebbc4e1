// knee-check: the <knee-check> custom element and the mount() API.
//
// This is the module a host page loads. scripts/assemble-dist.mjs fills in the names
// written in double underscores (hashed file names, the integrity values of the two wasm
// modules, the stylesheet's text, the first screens), bundles it with the two wasm-bindgen
// glues it imports and writes it, minified, to dist/ under a content-hashed name.
//
// The first screen before the wasm: the build draws the intro in each language with the
// app's own views (src/browser/prerender.rs), and the loader shows it in the shadow root
// at once, built node by node (no HTML string is parsed, so Trusted Types have nothing
// to refuse). The widget's wasm is fetched and started only when the element comes
// within a screen's height of the viewport, or the reader touches, clicks or tabs into
// it (`loading="eager"` starts it at once); the questionnaire checker's only for a page
// that names its own questionnaire. When the wasm has rendered the same intro beside
// it, the drawn one is removed in the same frame, and a Start or language click made
// meanwhile is replayed, with focus kept where the reader left it.
//
// The widget renders into a closed shadow root with its stylesheet adopted there, so the
// host's CSS cannot break it, its CSS cannot leak out, and the page's scripts cannot
// read the reader's answers (README, "What the in-page mode protects"). It never throws
// into the host page, whatever the options object is: if the wasm cannot load (404,
// wrong MIME type, blocked by CSP, tampered bytes, no WebAssembly at all), the element
// shows a polite message and logs one `[knee-check]` console error.
//
// Host pages replace globals: frameworks (Angular's zone.js) replace `Promise`, wrap
// `fetch` and `addEventListener`, old libraries add to prototypes. Everything the
// loader calls later is taken from the page when the module runs, and it never reads
// `Promise` (async functions use the engine's own promises).
//
// Public API (also in README.md):
//   <knee-check clinic-name clinic-phone booking-url evaluation-name emergency-number
//               lang theme accent heading-level questionnaire loading></knee-check>
//   mount(element, options) -> { update(options), destroy() }; a second mount() on the
//   same element replaces the first (the earlier handle then does nothing)
//   checkOptions(options), previewRoutes(): for the embed configurator (the widget's
//   own option rules; the answers that reach each screen, for its preview)
//   events: knee-check:start, knee-check:complete (detail: { outcome }), bubbling, composed

import init, { mountWidget, checkOptions as checkByWidgetRules } from './__GLUE__';
import initChecker, { checkQuestionnaire, previewRoutes as builtInRoutes } from './__CHECKER_GLUE__';

// Taken when the module runs, before a framework or a later script can replace them.
const NativeWebAssembly = typeof WebAssembly === 'object' && WebAssembly ? WebAssembly : null;
const WasmRuntimeError = NativeWebAssembly?.RuntimeError;
const nativeFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : null;
const { ownKeys, getOwnPropertyDescriptor, apply } = Reflect;
const { attachShadow } = Element.prototype;
const { addEventListener, removeEventListener } = EventTarget.prototype;
const queueTask = queueMicrotask.bind(globalThis);
const later = setTimeout.bind(globalThis);
const NativeIntersectionObserver = typeof IntersectionObserver === 'function' ? IntersectionObserver : null;
const cssSupports = typeof CSS === 'object' && typeof CSS?.supports === 'function' ? CSS.supports.bind(CSS) : null;
const NativeMutationObserver = MutationObserver;
const { error: logError } = console;

const WASM_URL = new URL('./__WASM__', import.meta.url);
const WASM_INTEGRITY = '__WASM_INTEGRITY__';
// The questionnaire checker, a second wasm fetched only for a custom questionnaire.
const CHECKER_URL = new URL('./__CHECKER_WASM__', import.meta.url);
const CHECKER_INTEGRITY = '__CHECKER_WASM_INTEGRITY__';
const CSS_URL = new URL('./__CSS__', import.meta.url);
const CSS_TEXT = __CSS_TEXT__;
/** The intro in each language as the app first renders it with default options, drawn at
 *  build time (src/browser/prerender.rs): `[tag, [name, value, …], …children]` or text;
 *  `\u0000` in an attribute stands for the widget's id prefix. */
const FIRST_SCREENS = __FIRST_SCREENS__;

/** The most characters of a custom questionnaire the widget reads (README: 256 KB). A
 *  questionnaire of a hundred questions is about 100 KB; past this limit a page is more
 *  likely to hold the wrong script than a longer check, and checking it would take the
 *  reader's browser a noticeable time. */
export const MAX_QUESTIONNAIRE_CHARS = 256 * 1024;

/** Every option, as attributes spell them. The JS API also takes camelCase. */
export const OPTION_NAMES = [
  'clinic-name',
  'clinic-phone',
  'booking-url',
  'evaluation-name',
  'emergency-number',
  'lang',
  'theme',
  'accent',
  'heading-level',
  'questionnaire',
];

const FAILURE = {
  en: 'Sorry, this self-check could not start. Please try again later. If your knee pain is severe or getting worse, contact a clinician.',
  es: 'Lo sentimos, esta autoevaluación no pudo iniciarse. Inténtelo más tarde. Si el dolor de rodilla es fuerte o empeora, consulte a un profesional de la salud.',
};

let started = null;
let failureLogged = false;
/** Set once the wasm has trapped: its state is then unusable, so nothing calls it again. */
let trapped = false;
/** Every mounted widget, for replacing them all with the failure message after a trap. */
const live = new Set();
/** Each element's shadow root (closed: only the loader holds it) and its live widget. */
const shadows = new WeakMap();
const current = new WeakMap();

/** Cuts text from the page to a length fit for a console line. */
function cut(text, max = 60) {
  const value = String(text);
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** A thrown value as text, without trusting it (its toString may throw too). */
function describe(thrown) {
  try {
    return cut(thrown instanceof Error ? thrown.message : thrown, 200);
  } catch {
    return 'an unreadable error';
  }
}

/** Starts the wasm once for every widget on the page; its bytes are integrity-checked. */
function startWasm() {
  started ??= (async () => {
    if (!NativeWebAssembly || !nativeFetch) {
      throw new Error(
        'this browser runs no WebAssembly (it may be turned off, as in some locked-down or JIT-less modes); ' +
          'readers with a standard browser see the self-check, and nothing on the page needs fixing',
      );
    }
    return init({ module_or_path: nativeFetch(WASM_URL, { integrity: WASM_INTEGRITY }) });
  })();
  return started;
}

let checkerStarted = null;
/** Starts the questionnaire checker once, the first time a widget names a questionnaire. */
function startChecker() {
  checkerStarted ??= (async () =>
    initChecker({ module_or_path: nativeFetch(CHECKER_URL, { integrity: CHECKER_INTEGRITY }) }))();
  return checkerStarted;
}

/** The script id named by the `questionnaire` option. Whether it is a usable name is
 *  src/options.rs's to say: the widget ignores what the loader found for one it refuses. */
function questionnaireId(options) {
  const id = options.questionnaire;
  return id !== undefined && id !== '' ? id : undefined;
}

/**
 * What the widget is given for the questionnaire in `<script type="application/json"
 * id=…>`: `{ form }`, the checked questionnaire in its compact form, or `{ problem }`,
 * what is wrong (the widget shows its notice and logs it). `{}` for the built-in one.
 * Nothing is fetched but the checker itself.
 */
async function checkQuestionnaireIn(element, id) {
  if (id === undefined) return {};
  const script = element.ownerDocument.getElementById(id);
  if (script?.localName !== 'script' || script.type.trim().toLowerCase() !== 'application/json') {
    return { problem: `no <script type="application/json" id="${cut(id)}"> holds the questionnaire` };
  }
  const text = script.textContent;
  if (text.length > MAX_QUESTIONNAIRE_CHARS) {
    return {
      problem:
        `the questionnaire in <script id="${cut(id)}"> is ${Math.ceil(text.length / 1024)} KB long; ` +
        `the widget reads at most ${MAX_QUESTIONNAIRE_CHARS / 1024} KB (check that the id names the right script, ` +
        'or split the questionnaire)',
    };
  }
  try {
    await startChecker();
  } catch (error) {
    return { problem: `the questionnaire checker could not load: ${describe(error)}` };
  }
  try {
    return { form: checkQuestionnaire(id, text) };
  } catch (problem) {
    return { problem: String(problem) };
  }
}

/**
 * Reads a host's options object without trusting it: getters that throw, Proxies whose
 * traps throw, revoked Proxies and odd values never reach the host as an exception.
 * Returns `values` (name -> text; numbers and booleans as text, `null` and `undefined`
 * as not set) and `refused`, `[name, why, …]` for every value the widget cannot use,
 * which the widget warns about in its one `ignored options` line.
 */
function readOptions(options) {
  const values = {};
  const refused = [];
  if (options === undefined || options === null) return { values, refused };
  if (typeof options !== 'object' && typeof options !== 'function') {
    refused.push('options', `must be an object, not ${typeof options}`);
    return { values, refused };
  }
  let keys;
  try {
    keys = ownKeys(options);
  } catch (error) {
    refused.push('options', `could not be read (${describe(error)})`);
    return { values, refused };
  }
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    if (typeof key !== 'string') continue;
    const name = cut(key);
    try {
      const descriptor = getOwnPropertyDescriptor(options, key);
      if (!descriptor?.enumerable) continue;
      const value = options[key];
      const type = typeof value;
      if (value === undefined || value === null) continue;
      if (type !== 'string' && type !== 'number' && type !== 'boolean') {
        refused.push(name, `a value of type ${Array.isArray(value) ? 'array' : type} is not text`);
        continue;
      }
      const text = String(value);
      if (key === 'accent' && !paintable(text)) {
        refused.push(name, `\`${cut(text.trim().replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ''), 40)}\` is not a colour this browser knows`);
      } else {
        values[key] = text;
      }
    } catch (error) {
      refused.push(name, `could not be read (${describe(error)})`);
    }
  }
  return { values, refused };
}

/**
 * Whether the browser can paint `accent`. The widget's own rules (src/options.rs) only
 * make sure a colour cannot end its declaration; a word they let through that is no
 * colour (a misspelt name, `banana`) would leave the buttons with no background and
 * white text on white. The browser is the judge of what it knows; one that cannot be
 * asked is trusted.
 */
function paintable(accent) {
  const value = accent.trim();
  return !value || !cssSupports || cssSupports('color', value);
}

/** `loading` is the loader's own (when to fetch the wasm), not one of the widget's options. */
const LOADING = 'loading';

/** Options as the wasm takes them: `[name, value, …]`. */
function optionList(values) {
  const list = [];
  for (const name of ownKeys(values)) if (name !== LOADING) list.push(name, values[name]);
  return list;
}

let sheet = null;
/** Puts the stylesheet in a shadow root: adopted (no request, allowed by a strict CSP),
 *  or linked where constructable stylesheets are missing. */
function adoptStyles(shadow) {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(CSS_TEXT);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL.href;
    shadow.append(link);
  }
}

/** `en` or `es` for a language tag, as src/lang.rs reads one (`es-MX` is `es`), else null. */
function tagLanguage(tag) {
  const primary = String(tag).trim().split(/[-_]/)[0].toLowerCase();
  return primary === 'en' || primary === 'es' ? primary : null;
}

/** The widget's language as src/browser/embed.rs picks it: the `lang` option, then the
 *  nearest `lang` attribute around the element, then the browser's languages, else `en`. */
function languageOf(element, values) {
  const tags = [values.lang ?? ''];
  try {
    tags.push(element.closest('[lang]')?.getAttribute('lang') ?? '', ...(navigator.languages ?? [navigator.language]));
  } catch {
    // An element of another kind than the loader expects: the option or English.
  }
  for (const tag of tags) {
    const lang = tagLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

function showFailure(element, container, values, error, what = 'could not start') {
  try {
    const lang = languageOf(element, values);
    const message = document.createElement('p');
    message.className = 'kc-root kc-notice kc-failure';
    message.setAttribute('role', 'status');
    message.setAttribute('part', 'notice');
    message.lang = lang;
    message.textContent = FAILURE[lang];
    container.replaceChildren(message);
  } catch {
    // Nothing left to show it in; the console line below still says what happened.
  }
  try {
    // Tells the host page (and the iframe mode's embed.js) that this widget will not run.
    element.dispatchEvent(new CustomEvent('knee-check:error', { bubbles: true, composed: true, detail: null }));
  } catch {
    // A host listener that throws is the host's own error, reported by the browser.
  }
  if (!failureLogged) {
    failureLogged = true;
    // Named errors keep their name (a CompileError says what failed); the loader's own
    // explanations are plain sentences. One string, the error's own words included: an
    // Error object passed as a second argument reaches some consoles and host error
    // trackers as `{}` (Firefox's, read over WebDriver BiDi; anything that serialises
    // console arguments as JSON).
    const text = error instanceof Error ? (error.name === 'Error' ? error.message : `${error.name}: ${error.message}`) : error;
    logError(`[knee-check] ${what}: ${text}`);
  }
}

// A panic inside the app ends in a wasm trap (`unreachable`) thrown out of whichever
// event handler was running, which would reach the host page's error handlers and its
// console as an uncaught error. The panic hook (src/browser/embed.rs) has already put the failure
// message in every widget and logged one `[knee-check]` line; this cancels the trap, so
// the browser reports no uncaught error and host listeners added after this module never
// hear it (those on window added before it still do: window runs its listeners in the
// order they were added, capturing or not). Where no hook ran (a trap without a panic, or panics that abort at
// once), the widgets are replaced and the one line logged here. It never throws itself:
// without WebAssembly there is nothing to catch, and an error event from the host's own
// code passes untouched.
if (WasmRuntimeError) {
  apply(addEventListener, window, [
    'error',
    (event) => {
      try {
        const error = event.error;
        if (!(error instanceof WasmRuntimeError) || !String(error.stack).includes(WASM_URL.href)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        trapped = true;
        for (const entry of live) {
          if (entry.container.querySelector('.kc-failure')) continue;
          // The hook's plain text becomes the same polite notice a failed start shows.
          if (Object.values(FAILURE).includes(entry.container.textContent)) failureLogged = true;
          showFailure(entry.element, entry.container, entry.values, error, 'stopped after an internal error');
        }
      } catch {
        // Never an error of the loader's own in the host's error handling.
      }
    },
    true,
  ]);
}

/**
 * How the first screen drawn at build time must look for these options, or null when
 * only the wasm can tell: a custom questionnaire (another title), or a value the widget
 * may refuse (it then shows a notice above the intro). Options that do not show on the
 * intro (clinic, phone numbers, booking address) leave it as drawn. The wasm's rules
 * (src/options.rs) stay the only judge: this takes only values it is sure they accept.
 */
function firstScreenLook(element, values, refused) {
  if (!FIRST_SCREENS || refused.length) return null;
  const look = { lang: null, theme: 'light', level: 2, accent: null };
  for (const key of ownKeys(values)) {
    const name = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const value = values[key].trim();
    if (value === '' || name === LOADING) continue;
    if (!OPTION_NAMES.includes(name) || name === 'questionnaire') return null;
    if (name === 'lang') {
      look.lang = tagLanguage(value);
      if (!look.lang) return null;
    } else if (name === 'theme') {
      look.theme = value.toLowerCase();
      if (!['auto', 'light', 'dark'].includes(look.theme)) return null;
    } else if (name === 'heading-level') {
      if (!/^[1-6]$/.test(value)) return null;
      look.level = Number(value);
    } else if (name === 'accent') {
      // readOptions has refused an accent the browser cannot paint; without CSS.supports
      // it could not ask, so the look is not sure.
      if (!cssSupports) return null;
      look.accent = value;
    }
  }
  look.lang ??= languageOf(element, values);
  return look;
}

/** firstScreenLook, never throwing: a host object that defies reading means no look. */
function lookOf(element, values, refused) {
  try {
    return firstScreenLook(element, values, refused);
  } catch {
    return null;
  }
}

let firstScreens = 0;
/** `tree` (see FIRST_SCREENS) as DOM nodes, ids under `prefix`, the heading at `level`. */
function build(tree, prefix, level) {
  if (typeof tree === 'string') return document.createTextNode(tree);
  const [tag, attributes, ...children] = tree;
  const node = document.createElement(/^h[1-6]$/.test(tag) ? `h${level}` : tag);
  for (let i = 0; i + 1 < attributes.length; i += 2) {
    node.setAttribute(attributes[i], attributes[i + 1].replaceAll('\u0000', prefix));
  }
  for (const child of children) node.append(build(child, prefix, level));
  return node;
}

/** Draws the first screen for `look` in `container` (in place of what it held), or, with
 *  no look, the default one hidden, which only keeps the widget's space. */
function drawFirstScreen(container, look) {
  const shown = look ?? { lang: 'en', theme: 'light', level: 2, accent: null };
  firstScreens += 1;
  const root = build(FIRST_SCREENS[shown.lang], `kcp${firstScreens}-`, shown.level);
  root.setAttribute('data-theme', shown.theme);
  if (shown.accent) container.style.setProperty('--knee-check-accent', shown.accent);
  else container.style.removeProperty('--knee-check-accent');
  container.classList.toggle('kc-placeholder', !look);
  container.inert = !look;
  container.replaceChildren(root);
}

/** The path of child indexes from `ancestor` down to `node`, or null if not inside. */
function pathTo(ancestor, node) {
  const path = [];
  for (let at = node; at && at !== ancestor; at = at.parentNode) {
    if (!at.parentNode) return null;
    path.unshift([...at.parentNode.childNodes].indexOf(at));
  }
  return path;
}

/** Calls `start` once, when `element` comes within a screen's height of the viewport or
 *  the reader first touches, clicks, types in or tabs into `container`. Returns
 *  `{ now, cancel }`: start at once, or never. Without IntersectionObserver, at once. */
function startWhenNear(element, container, start) {
  const events = ['pointerdown', 'keydown', 'focusin'];
  let observer = null;
  let waiting = true;
  const cancel = () => {
    if (!waiting) return;
    waiting = false;
    try {
      observer?.disconnect();
    } catch {
      // A host that broke IntersectionObserver: nothing more to undo.
    }
    for (const type of events) apply(removeEventListener, container, [type, now, true]);
  };
  const now = () => {
    if (!waiting) return;
    cancel();
    start();
  };
  for (const type of events) apply(addEventListener, container, [type, now, true]);
  try {
    observer = new NativeIntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && now(), {
      rootMargin: '100% 0px',
    });
    observer.observe(element);
  } catch {
    // No IntersectionObserver (or one a host replaced and broke): start at once.
    now();
  }
  return { now, cancel };
}

const INERT = Object.freeze({ update() {}, destroy() {} });

/** The closed shadow root the loader made on `element`, made now if there is none. */
function shadowOf(element) {
  let shadow = shadows.get(element);
  if (!shadow) {
    shadow = apply(attachShadow, element, [{ mode: 'closed' }]);
    shadows.set(element, shadow);
  }
  return shadow;
}

/**
 * Checks `options` (attribute names or camelCase keys) by the widget's own rules
 * (src/options.rs, in the wasm), for the embed configurator. Resolves to
 * `{ 'attribute-name': 'why it would be ignored' }`, empty when every option is good.
 */
export async function checkOptions(options = {}) {
  await startWasm();
  // Read as mount() reads them: a value that is not text is refused before the rules.
  const { values, refused } = readOptions(options);
  const flat = [...refused, ...checkByWidgetRules(optionList(values))];
  const problems = {};
  for (let i = 0; i + 1 < flat.length; i += 2) problems[flat[i]] = flat[i + 1];
  return problems;
}

/**
 * For a preview, the answers that reach each screen of the built-in check, found when the
 * widget was built: `[{ screen, answers }]`, `screen` an outcome id (`back-likely`,
 * `red-flag-emergency`, ...), `answers` the codes to choose on each question in turn.
 * Comes from the questionnaire checker's wasm, which only pages that ask load.
 */
export async function previewRoutes() {
  await startChecker();
  return builtInRoutes()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [screen, ...answers] = line.split('\u001f');
      return { screen, answers: answers.map((codes) => codes.split('\u001e').filter(Boolean)) };
    });
}

/**
 * Mounts a widget in `element` with `options` (attribute names or camelCase keys).
 * Returns a handle with `update(options)` and `destroy()`. Never throws. A second
 * mount() on the same element replaces the widget there: the earlier one is destroyed
 * and its handle does nothing from then on.
 */
export function mount(element, options = {}) {
  try {
    return mountIn(element, options);
  } catch (error) {
    logError(
      '[knee-check] cannot mount in this element (give mount() an element that can hold a shadow root, ' +
        `such as an empty <div>, without one of its own): ${describe(error)}`,
    );
    return INERT;
  }
}

/** A fresh box for the widget in its shadow root. */
function newContainer() {
  const container = document.createElement('div');
  container.className = 'kc-mount';
  // The app's event delegation (yew) listens on its root. Page code that wraps
  // EventTarget.prototype.addEventListener after this module ran (zone.js does) must
  // not be handed the widget's events, so the root keeps the functions taken at load.
  container.addEventListener = addEventListener;
  container.removeEventListener = removeEventListener;
  return container;
}

function mountIn(element, options) {
  let widget = null;
  let destroyed = false;
  let { values, refused } = readOptions(options);
  const shadow = shadowOf(element);
  current.get(element)?.destroy();
  adoptStyles(shadow);
  let container = newContainer();
  shadow.append(container);
  const entry = { element, container, values };
  live.add(entry);
  // The first screen drawn at build time, shown (or, hidden, keeping the widget's space)
  // until the wasm has rendered; a Start or language click made on it meanwhile.
  let firstScreen = null;
  const meanwhile = { start: false, lang: null };
  if (FIRST_SCREENS) {
    firstScreen = container;
    drawFirstScreen(firstScreen, lookOf(element, values, refused));
    apply(addEventListener, firstScreen, [
      'click',
      (event) => {
        // Nothing to do once the wasm took over or the widget was destroyed (a host may
        // keep and click a button of the removed first screen).
        const button = event.target.closest?.('button');
        if (!button || !firstScreen || firstScreen.inert) return;
        if (button.classList.contains('kc-lang-button')) {
          // Switch the drawn screen now; the wasm is switched the same way when it takes over.
          const path = pathTo(firstScreen, button);
          meanwhile.lang = button.lang;
          drawFirstScreen(firstScreen, { ...lookOf(element, values, refused), lang: button.lang });
          let again = firstScreen;
          for (const index of path) again = again?.childNodes[index];
          again?.focus?.();
        } else if (button.classList.contains('kc-primary')) {
          meanwhile.start = true;
          firstScreen.firstChild?.setAttribute('aria-busy', 'true');
        }
      },
    ]);
  }
  // Hands over from the first screen to the wasm's own, once it has rendered (hidden)
  // beside it: in one task, so no frame shows both or neither. Never between a press and
  // its release (a pointer or a key): the browser would send the click to neither
  // button, so a hand-over that comes then waits for the release, and the click, first.
  let pressed = false;
  let waitingRoot = null;
  const handOver = (root) => {
    if (pressed) {
      waitingRoot = root;
      // A release the browser never reports (a key held while focus left) waits no longer.
      later(() => {
        pressed = false;
        if (waitingRoot && !destroyed) handOver(waitingRoot);
      }, 1000);
      return;
    }
    const drawn = firstScreen;
    firstScreen = null;
    waitingRoot = null;
    const path = pathTo(drawn, shadow.activeElement);
    drawn.remove();
    root.classList.remove('kc-pending');
    if (meanwhile.lang) root.querySelector(`.kc-lang-button[lang="${meanwhile.lang}"]`)?.click();
    if (path?.length) {
      let target = root;
      for (const index of path) target = target?.childNodes[index];
      target?.focus?.({ preventScroll: true });
    }
    if (meanwhile.start) root.querySelector('.kc-intro .kc-primary')?.click();
  };
  if (firstScreen) {
    const press = () => (pressed = true);
    const release = () => {
      pressed = false;
      // After this event's click, if it brings one (a task later).
      if (waitingRoot) later(() => waitingRoot && !destroyed && handOver(waitingRoot));
    };
    for (const [type, listener] of [
      ['pointerdown', press],
      ['keydown', press],
      ['pointerup', release],
      ['pointercancel', release],
      ['keyup', release],
      // A click ends a press too (some drivers send it without pointer events).
      ['click', release],
    ]) {
      apply(addEventListener, firstScreen, [type, listener, true]);
    }
  }
  // The custom questionnaire of the options last applied: its script id, and the promise
  // of what the checker made of it.
  let prepared = { id: undefined, result: null };
  // Applies the options once the wasm (and any custom questionnaire) is ready. Only the
  // newest options are applied: a call overtaken by a later update does nothing.
  const applyOptions = async () => {
    const applied = values;
    const id = questionnaireId(applied);
    if (id !== prepared.id || !prepared.result) {
      const result = checkQuestionnaireIn(element, id).catch((error) => ({ problem: describe(error) }));
      prepared = { id, result };
    }
    const result = prepared.result;
    await startWasm();
    const { form, problem } = await result;
    if (destroyed || trapped || applied !== values) return;
    if (widget) {
      widget.update(optionList(applied), refused, form, problem);
    } else {
      // The wasm renders into a new box after the first screen (or in a reused root that
      // takes that box's place).
      let target = container;
      if (firstScreen) {
        target = newContainer();
        firstScreen.after(target);
      }
      widget = mountWidget(element, target, optionList(applied), refused, form, problem);
      container = widget.root;
      entry.container = container;
      if (firstScreen) {
        const root = container;
        root.classList.add('kc-pending');
        const rendered = new NativeMutationObserver(() => {
          rendered.disconnect();
          if (firstScreen) handOver(root);
        });
        rendered.observe(root, { childList: true, subtree: true, characterData: true });
      }
    }
  };
  let begun = false;
  const run = () => {
    begun = true;
    applyOptions().catch((error) => {
      // The notice takes the first screen's place (or, after a hand-over, the root's).
      if (firstScreen !== container) firstScreen?.remove();
      firstScreen = null;
      container.classList.remove('kc-placeholder', 'kc-pending');
      container.inert = false;
      showFailure(element, container, values, error);
    });
  };
  // The wasm is fetched when the widget comes near the screen, unless the host wants it now.
  const eager = () => String(values[LOADING] ?? '').trim().toLowerCase() === 'eager';
  const start = startWhenNear(element, container, run);
  if (eager()) start.now();
  const handle = {
    update(next = {}) {
      try {
        if (destroyed) return;
        ({ values, refused } = readOptions(next));
        entry.values = values;
        if (trapped) return;
        if (eager()) start.now();
        if (begun) run();
        else if (firstScreen) drawFirstScreen(firstScreen, lookOf(element, values, refused));
      } catch (error) {
        logError(`[knee-check] could not update: ${describe(error)}`);
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      live.delete(entry);
      if (current.get(element) === handle) current.delete(element);
      container.classList.remove('kc-pending');
      try {
        if (!trapped) widget?.destroy();
      } catch (error) {
        logError(`[knee-check] could not tear down cleanly: ${describe(error)}`);
      }
      widget = null;
      start.cancel();
      firstScreen?.remove();
      firstScreen = null;
      container.remove();
    },
  };
  current.set(element, handle);
  return handle;
}

function attributeOptions(element) {
  const options = {};
  for (const name of [...OPTION_NAMES, LOADING]) {
    const value = element.getAttribute(name);
    if (value !== null) options[name] = value;
  }
  return options;
}

/** Marks the loader's own element classes, so a second copy of the loader (another URL,
 *  another module) knows the name is taken by the widget itself. */
const OWN = Symbol.for('knee-check.element');

/** `<knee-check>`: mounts when connected, follows attribute changes, frees itself when
 *  removed (a move within the page keeps the reader's answers). */
export class KneeCheckElement extends HTMLElement {
  static observedAttributes = [...OPTION_NAMES, LOADING];

  static [OWN] = true;

  #handle = null;

  connectedCallback() {
    this.#handle ??= mount(this, attributeOptions(this));
  }

  disconnectedCallback() {
    queueTask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle = null;
      }
    });
  }

  attributeChangedCallback() {
    this.#handle?.update(attributeOptions(this));
  }
}

// Each option is also a property in camelCase (`element.clinicName = '…'`) that reflects
// its attribute, as in most web components; `lang` already is one (HTMLElement's).
for (const name of [...OPTION_NAMES, LOADING]) {
  const property = name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
  if (property in HTMLElement.prototype) continue;
  Object.defineProperty(KneeCheckElement.prototype, property, {
    configurable: true,
    get() {
      return this.getAttribute(name);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, String(value));
    },
  });
}

/** Defines `<knee-check>`, or says in one line why it cannot and what to do instead. */
function define() {
  const advice = 'use mount() on a <div>, or the iframe mode (README, "Embedding")';
  try {
    const registry = globalThis.customElements;
    if (!registry) {
      logError(`[knee-check] this browser has no custom elements, so <knee-check> shows nothing; ${advice}`);
      return;
    }
    const existing = registry.get('knee-check');
    if (existing) {
      if (!existing[OWN]) {
        logError(
          '[knee-check] another script on this page already defined <knee-check>, so these elements are not ' +
            `the self-check; remove that script, or ${advice}`,
        );
      }
      return;
    }
    registry.define('knee-check', KneeCheckElement);
  } catch (error) {
    logError(`[knee-check] could not define <knee-check> (${describe(error)}); ${advice}`);
  }
}
define();
