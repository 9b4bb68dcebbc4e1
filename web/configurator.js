// The embed configurator: an editor fills in the options, sees every screen of the widget
// with them, and copies a snippet. Each field is checked by the widget's own option rules
// (checkOptions, src/options.rs in the wasm): nothing here repeats them. The preview
// reaches each screen by pressing the widget's own buttons with the answers the build
// found for it (previewRoutes), so it follows the questionnaire, whatever it holds.
// Everything happens in this page; nothing is sent anywhere.

import { checkOptions, mount, previewRoutes } from './{{knee-check.js}}';

const VERSION = '{{version}}';
const LOADER_FILE = '{{knee-check.js}}';
const LOADER_INTEGRITY = '{{integrity:knee-check.js}}';
/** The npm package's stable entry: the same bytes as the hashed loader, so the same SRI. */
const CDN_URL = `https://cdn.jsdelivr.net/npm/knee-check@${VERSION}/knee-check.js`;
/** A first height for the iframe, before frame-host.js fits it: the intro on a phone. */
const FRAME_HEIGHT = 640;
/** The height of a frame that never changes it (`height=fixed`): the intro, or one
 *  question with its answers, on a phone, with the rest scrolled inside. */
const FIXED_FRAME_HEIGHT = 720;
/** WCAG 2 AA: normal text needs 4.5:1 against its background. */
const AA = 4.5;
/** Text on the accent in each theme (styles/knee-check.css); the dark theme mixes the
 *  accent 40% with white. */
const LIGHT_ON_ACCENT = [255, 255, 255];
const DARK_ON_ACCENT = [0x0a, 0x1f, 0x33];

const form = document.getElementById('options');
const fields = [...form.querySelectorAll('.field [name]')];
const previewBox = document.getElementById('preview');
const screensBox = document.getElementById('screens');
const filesAddress = document.getElementById('files-address');
const elementSnippet = document.getElementById('element-snippet');
const iframeSnippet = document.getElementById('iframe-snippet');
const frameFixed = document.getElementById('frame-fixed');
const status = document.getElementById('copy-status');
const contrastBox = document.getElementById('accent-contrast');
const contrastText = document.getElementById('accent-contrast-text');
const suggestionButton = document.getElementById('accent-suggestion');

// The files' own folder is the default address for self-hosting: right when this page is
// opened on the server that hosts them.
filesAddress.value = new URL('./', location.href).href;

const escapeAttribute = (value) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The fields' values as `[name, value]`, empty ones left out. */
function enteredOptions() {
  return fields.flatMap((field) => (field.value.trim() ? [[field.name, field.value.trim()]] : []));
}

/** Shows (or clears) the message beside a field. */
function showProblem(field, message) {
  const id = `${field.id}-problem`;
  let line = document.getElementById(id);
  if (!message) {
    line?.remove();
    field.removeAttribute('aria-invalid');
    field.setAttribute('aria-describedby', describedBy(field));
    return;
  }
  if (!line) {
    line = document.createElement('p');
    line.id = id;
    line.className = 'problem';
    field.before(line);
  }
  line.textContent = message;
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', `${id} ${describedBy(field)}`.trim());
}

const describedBy = (field) => (document.getElementById(`${field.id}-hint`) ? `${field.id}-hint` : '');

// --- Contrast: the accent against the text drawn on it, in both themes. -----------------

const probe = document.createElement('span');
probe.hidden = true;
document.body.append(probe);

/** The colour as { rgb: [r, g, b], alpha }, as the browser reads it; null for something
 *  else. */
function rgbOf(colour) {
  probe.style.color = '';
  probe.style.color = colour;
  if (!probe.style.color) return null;
  probe.hidden = false;
  const value = getComputedStyle(probe).color;
  probe.hidden = true;
  const parts = value.match(/[\d.]+/g)?.map(Number);
  return parts ? { rgb: parts.slice(0, 3), alpha: parts[3] ?? 1 } : null;
}

const luminance = ([r, g, b]) => {
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const mix = (a, b, share) => a.map((c, i) => c * share + b[i] * (1 - share));
const hex = (rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
/** The worst contrast of `rgb` as the accent: light theme (white text on it), dark theme
 *  (dark text on it mixed 40% with white). */
const worstContrast = (rgb) =>
  Math.min(contrast(rgb, LIGHT_ON_ACCENT), contrast(mix(rgb, [255, 255, 255], 0.4), DARK_ON_ACCENT));

/** The nearest colour that passes in both themes: the same hue, darkened (or lightened)
 *  by the smallest step that reaches 4.5:1. */
function nearestPassing(rgb) {
  for (let step = 1; step <= 100; step += 1) {
    for (const toward of [[0, 0, 0], [255, 255, 255]]) {
      const candidate = mix(rgb, toward, 1 - step / 100).map(Math.round);
      if (worstContrast(candidate) >= AA) return hex(candidate);
    }
  }
  return null;
}

let suggestion = null;
function checkContrast(accent) {
  const colour = accent && rgbOf(accent);
  suggestion = null;
  if (!colour) {
    contrastBox.hidden = true;
    return;
  }
  const { rgb } = colour;
  if (colour.alpha < 1) {
    contrastBox.hidden = false;
    suggestionButton.hidden = true;
    contrastText.textContent = 'This colour is see-through, so its contrast depends on the page behind it. Choose a solid colour.';
    return;
  }
  const light = contrast(rgb, LIGHT_ON_ACCENT);
  const dark = contrast(mix(rgb, [255, 255, 255], 0.4), DARK_ON_ACCENT);
  if (Math.min(light, dark) >= AA) {
    contrastBox.hidden = true;
    return;
  }
  suggestion = nearestPassing(rgb);
  const which = light < AA
    ? `White text on this colour has a contrast of ${light.toFixed(1)}:1`
    : `In dark mode, text on this colour has a contrast of ${dark.toFixed(1)}:1`;
  contrastText.textContent = `${which}. It needs at least 4.5:1 to be easy to read (WCAG AA).${suggestion ? ` The nearest colour that passes is ${suggestion}.` : ''}`;
  suggestionButton.hidden = !suggestion;
  suggestionButton.textContent = suggestion ? `Use ${suggestion}` : '';
  contrastBox.hidden = false;
}

suggestionButton.addEventListener('click', () => {
  if (!suggestion) return;
  const accent = document.getElementById('accent');
  accent.value = suggestion;
  accent.dispatchEvent(new Event('input', { bubbles: true }));
  accent.focus();
});

// --- The preview: one screen of the widget at a time, with the entered options. ---------

let screen = 'intro';
let preview = null;
let shownOptions = {};
/** Screen name -> the codes to choose on each question to reach it. */
const routes = new Map([['intro', null], ['question', []]]);
let showing = 0;

/** Resolves to what `find()` returns once it returns something, checking once a frame;
 *  null after about three seconds. */
async function when(find) {
  for (let frame = 0; frame < 180; frame += 1) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return null;
}

/** Presses the widget's own buttons to reach a screen: Start, then on each question the
 *  route's answers and Continue. Stops if another screen was asked for meanwhile. */
async function drive(root, answers, mine) {
  const still = () => mine === showing;
  // On the intro, Start is the widget's only button part.
  const start = await when(() => root.querySelector('.kc-mount [part~="button"]'));
  if (!start || !still()) return;
  start.click();
  for (const codes of answers) {
    const form = await when(() => root.querySelector('.kc-mount form'));
    if (!form || !still()) return;
    const before = form.textContent;
    for (const code of codes) {
      const choice = await when(() => form.querySelector(`input[value="${CSS.escape(code)}"]`));
      if (!choice || !still()) return;
      choice.click();
    }
    form.querySelector('[type="submit"]')?.click();
    // The next question, or the end (no form).
    await when(() => root.querySelector('.kc-mount form')?.textContent !== before || null);
  }
}

async function showScreen(name) {
  screen = name;
  const mine = ++showing;
  // The widget moves focus to each new step's heading; give it back to the editor.
  const focused = document.activeElement;
  preview?.destroy();
  preview = mount(previewBox, shownOptions);
  const answers = routes.get(name);
  if (answers) await drive(previewBox.shadowRoot, answers, mine);
  if (mine === showing) focused?.focus({ preventScroll: true });
}

/** A name a person can read for a preview screen (an outcome id otherwise). */
function screenLabel(name) {
  if (name === 'intro') return 'Start';
  if (name === 'question') return 'A question';
  // Ids have no apostrophes: `cant-tell` is the result "can't tell".
  const words = name.replaceAll('-', ' ').replace(/\bcant\b/, 'can’t');
  if (name.startsWith('red-flag-')) return `Warning card: ${words.slice('red flag '.length)}`;
  return name === 'under-18' ? 'Card: under 18' : `Result: ${words}`;
}

async function listScreens() {
  for (const { screen: name, answers } of await previewRoutes()) routes.set(name, answers);
  for (const name of routes.keys()) {
    const id = `screen-${name}`;
    const choice = document.createElement('div');
    choice.className = 'choice';
    const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'screen', id, value: name, checked: name === screen });
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: screenLabel(name) });
    radio.addEventListener('change', () => showScreen(name));
    choice.append(radio, label);
    screensBox.append(choice);
  }
}

// --- Snippets. ---------------------------------------------------------------------------

/** The address of the self-hosted files, ending in `/`, or null with a reason. */
function hostedBase() {
  const value = filesAddress.value.trim();
  let url;
  try {
    url = new URL(value.endsWith('/') ? value : `${value}/`);
  } catch {
    return { problem: 'Enter a web address starting with https://, for example https://www.example.org/knee-check/.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: 'Enter a web address starting with https://.' };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return { base: url.href, warning: local ? 'This address only works on this computer. Put the files on your web server and enter that address.' : null };
}

function writeSnippets(options) {
  const own = form.elements.source.value === 'own';
  const hosted = hostedBase();
  showProblem(filesAddress, hosted.problem ?? hosted.warning);
  const attributes = options.map(([name, value]) => `\n  ${name}="${escapeAttribute(value)}"`).join('');
  const loader = own ? (hosted.base ? new URL(LOADER_FILE, hosted.base).href : null) : CDN_URL;
  elementSnippet.value = loader
    ? `<script type="module" src="${escapeAttribute(loader)}"\n  integrity="${LOADER_INTEGRITY}" crossorigin="anonymous"></script>\n<knee-check${attributes}></knee-check>`
    : 'Enter the address of the files on your server first.';
  if (!hosted.base) {
    iframeSnippet.value = 'Enter the address of the files on your server first.';
    return;
  }
  // The options travel in the fragment, which browsers never send to a server. Its `&`
  // separators are escaped like any other attribute text. The frame carries its own
  // size and no border, so it needs no CSS from the page; frame-host.js then fits its
  // height to the widget. A fixed frame (`height=fixed`) sends no height and keeps the
  // snippet's; frame-host.js still tells the page if it cannot start.
  const fixed = frameFixed.checked;
  const fragment = new URLSearchParams(fixed ? [['height', 'fixed'], ...options] : options).toString();
  const frameSrc = escapeAttribute(`${new URL('embed.html', hosted.base).href}${fragment ? `#${fragment}` : ''}`);
  iframeSnippet.value =
    `<iframe class="knee-check-frame" title="Knee pain self-check"\n  src="${frameSrc}"\n  width="100%" height="${fixed ? FIXED_FRAME_HEIGHT : FRAME_HEIGHT}" frameborder="0"\n  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"\n  loading="lazy"></iframe>\n` +
    `<script src="${escapeAttribute(new URL('frame-host.js', hosted.base).href)}" defer></script>`;
}

// --- Checking and updating. -------------------------------------------------------------

let round = 0;
async function update() {
  const mine = ++round;
  const entered = enteredOptions();
  const problems = await checkOptions(Object.fromEntries(entered));
  // A later keystroke overtook this one.
  if (mine !== round) return;
  for (const field of fields) {
    const problem = problems[field.name];
    // The parser quotes values in backticks, for developers' consoles; curly quotes here.
    const said = problem?.replace(/`([^`]*)`/g, '“$1”');
    showProblem(field, said && field.value.trim() ? `This will be left out: ${said}.` : null);
  }
  const good = entered.filter(([name]) => !(name in problems));
  const accent = good.find(([name]) => name === 'accent')?.[1];
  checkContrast(accent);
  shownOptions = Object.fromEntries(good);
  if (preview) preview.update(shownOptions);
  else showScreen(screen);
  writeSnippets(good);
}

async function copy(textarea, what) {
  try {
    await navigator.clipboard.writeText(textarea.value);
    status.textContent = `Copied the ${what} snippet.`;
  } catch {
    // The clipboard can be blocked (permissions, insecure context): select the text so
    // the editor can copy it by hand.
    textarea.focus();
    textarea.select();
    status.textContent = `Copying was blocked. The ${what} snippet is selected: press Ctrl+C (or Cmd+C) to copy it.`;
  }
}

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
document.getElementById('copy-element').addEventListener('click', () => copy(elementSnippet, 'element'));
document.getElementById('copy-iframe').addEventListener('click', () => copy(iframeSnippet, 'iframe'));
update();
listScreens();
