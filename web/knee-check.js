// knee-check: the <knee-check> custom element and the mount() API.
//
// This is the module a host page loads. scripts/assemble-dist.mjs fills in the names
// written in double underscores (hashed file names, the integrity values of the two wasm
// modules, the stylesheet's text), bundles it with the two wasm-bindgen glues it imports
// and writes it, minified, to dist/ under a content-hashed name. The widget's wasm is
// fetched for every page; the questionnaire checker's only for a page that names its
// own questionnaire, when the widget starts.
//
// The widget renders into an open shadow root with its stylesheet adopted there, so the
// host's CSS cannot break it and its CSS cannot leak out. It never throws into the host
// page: if the wasm cannot load (404, wrong MIME type, blocked by CSP, tampered bytes),
// the element shows a polite message and logs one `[knee-check]` console error.
//
// Public API (also in README.md):
//   <knee-check clinic-name clinic-phone booking-url evaluation-name emergency-number
//               lang theme accent heading-level questionnaire></knee-check>
//   mount(element, options) -> { update(options), destroy() }
//   checkOptions(options), previewRoutes(): for the embed configurator (the widget's
//   own option rules; the answers that reach each screen, for its preview)
//   events: knee-check:start, knee-check:complete (detail: { outcome }), bubbling, composed

import init, { mountWidget, checkOptions as checkByWidgetRules } from './__GLUE__';
import initChecker, { checkQuestionnaire, previewRoutes as builtInRoutes } from './__CHECKER_GLUE__';

const WASM_URL = new URL('./__WASM__', import.meta.url);
const WASM_INTEGRITY = '__WASM_INTEGRITY__';
// The questionnaire checker, a second wasm fetched only for a custom questionnaire.
const CHECKER_URL = new URL('./__CHECKER_WASM__', import.meta.url);
const CHECKER_INTEGRITY = '__CHECKER_WASM_INTEGRITY__';
const CSS_URL = new URL('./__CSS__', import.meta.url);
const CSS_TEXT = __CSS_TEXT__;

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

/** Starts the wasm once for every widget on the page; its bytes are integrity-checked. */
function startWasm() {
  started ??= init({ module_or_path: fetch(WASM_URL, { integrity: WASM_INTEGRITY }) });
  return started;
}

let checkerStarted = null;
/** Starts the questionnaire checker once, the first time a widget names a questionnaire. */
function startChecker() {
  checkerStarted ??= initChecker({ module_or_path: fetch(CHECKER_URL, { integrity: CHECKER_INTEGRITY }) });
  return checkerStarted;
}

/** The script id named by the `questionnaire` option. Whether it is a usable name is
 *  src/options.rs's to say: the widget ignores what the loader found for one it refuses. */
function questionnaireId(options) {
  const id = options.questionnaire;
  return typeof id === 'string' && id !== '' ? id : undefined;
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
    return { problem: `no <script type="application/json" id="${id}"> holds the questionnaire` };
  }
  try {
    await startChecker();
  } catch (error) {
    return { problem: `the questionnaire checker could not load: ${error}` };
  }
  try {
    return { form: checkQuestionnaire(id, script.textContent) };
  } catch (problem) {
    return { problem: String(problem) };
  }
}

/** Options as the wasm takes them: `[name, value, …]`, values as text; values of other
 *  types are left out (src/options.rs then treats the option as not given). */
function optionList(options) {
  return Object.entries(options).flatMap(([name, value]) =>
    ['string', 'number', 'boolean'].includes(typeof value) ? [name, String(value)] : [],
  );
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

function languageOf(element, options) {
  const tag = options.lang || element.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
  return tag.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function showFailure(element, container, options, error, what = 'could not start') {
  const lang = languageOf(element, options);
  const message = document.createElement('p');
  message.className = 'kc-root kc-notice kc-failure';
  message.setAttribute('role', 'status');
  message.setAttribute('part', 'notice');
  message.lang = lang;
  message.textContent = FAILURE[lang];
  container.replaceChildren(message);
  if (!failureLogged) {
    failureLogged = true;
    console.error(`[knee-check] ${what}:`, error);
  }
}

// A panic inside the app ends in a wasm trap (`unreachable`) thrown out of whichever
// event handler was running, which would reach the host page's error handlers and its
// console as an uncaught error. The panic hook (src/browser/embed.rs) has already put the failure
// message in every widget and logged one `[knee-check]` line; this cancels the trap, so
// the browser reports no uncaught error and host listeners added after this module never
// hear it (those on window added before it still do: window runs its listeners in the
// order they were added, capturing or not). Where no hook ran (a trap without a panic, or panics that abort at
// once), the widgets are replaced and the one line logged here.
window.addEventListener(
  'error',
  (event) => {
    const error = event.error;
    if (!(error instanceof WebAssembly.RuntimeError) || !String(error.stack).includes(WASM_URL.href)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    trapped = true;
    for (const entry of live) {
      if (entry.container.querySelector('.kc-failure')) continue;
      // The hook's plain text becomes the same polite notice a failed start shows.
      if (Object.values(FAILURE).includes(entry.container.textContent)) failureLogged = true;
      showFailure(entry.element, entry.container, entry.options, error, 'stopped after an internal error');
    }
  },
  true,
);

/**
 * Checks `options` (attribute names or camelCase keys) by the widget's own rules
 * (src/options.rs, in the wasm), for the embed configurator. Resolves to
 * `{ 'attribute-name': 'why it would be ignored' }`, empty when every option is good.
 */
export async function checkOptions(options = {}) {
  await startWasm();
  const flat = checkByWidgetRules(optionList(options));
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
 * Returns a handle with `update(options)` and `destroy()`. Never throws.
 */
export function mount(element, options = {}) {
  let widget = null;
  let destroyed = false;
  let current = { ...options };
  let container = null;
  try {
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    adoptStyles(shadow);
    container = document.createElement('div');
    container.className = 'kc-mount';
    shadow.append(container);
  } catch (error) {
    console.error('[knee-check] cannot mount in this element:', error);
    return { update() {}, destroy() {} };
  }
  const entry = { element, container, options: current };
  live.add(entry);
  // The custom questionnaire of the options last applied: its script id, and the promise
  // of what the checker made of it.
  let prepared = { id: undefined, result: Promise.resolve({}) };
  // Applies `current` once the wasm (and any custom questionnaire) is ready. Only the
  // newest options are applied: a call overtaken by a later update does nothing.
  const apply = async () => {
    const options = current;
    const id = questionnaireId(options);
    if (id !== prepared.id) prepared = { id, result: checkQuestionnaireIn(element, id) };
    const [, { form, problem }] = await Promise.all([startWasm(), prepared.result]);
    if (destroyed || trapped || options !== current) return;
    if (widget) widget.update(optionList(options), form, problem);
    else widget = mountWidget(element, container, optionList(options), form, problem);
  };
  apply().catch((error) => showFailure(element, container, current, error));
  return {
    update(next = {}) {
      current = { ...next };
      entry.options = current;
      if (trapped) return;
      apply().catch((error) => showFailure(element, container, current, error));
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      live.delete(entry);
      try {
        if (!trapped) widget?.destroy();
      } catch (error) {
        console.error('[knee-check] could not tear down cleanly:', error);
      }
      widget = null;
      container.remove();
    },
  };
}

function attributeOptions(element) {
  const options = {};
  for (const name of OPTION_NAMES) {
    const value = element.getAttribute(name);
    if (value !== null) options[name] = value;
  }
  return options;
}

/** `<knee-check>`: mounts when connected, follows attribute changes, frees itself when
 *  removed (a move within the page keeps the reader's answers). */
export class KneeCheckElement extends HTMLElement {
  static observedAttributes = OPTION_NAMES;

  #handle = null;

  connectedCallback() {
    this.#handle ??= mount(this, attributeOptions(this));
  }

  disconnectedCallback() {
    queueMicrotask(() => {
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
for (const name of OPTION_NAMES) {
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

if (!customElements.get('knee-check')) {
  customElements.define('knee-check', KneeCheckElement);
}
