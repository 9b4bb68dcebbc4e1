// The embed configurator: an editor fills in the options, sees the live widget, and
// copies a snippet. Everything happens in this page; nothing is sent anywhere.

const LOADER_URL = new URL('{{knee-check.js}}', location.href).href;
const LOADER_INTEGRITY = '{{integrity:knee-check.js}}';
const FRAME_URL = new URL('embed.html', location.href).href;
const FRAME_HOST_URL = new URL('frame-host.js', location.href).href;

const form = document.getElementById('options');
const preview = document.getElementById('preview');
const elementSnippet = document.getElementById('element-snippet');
const iframeSnippet = document.getElementById('iframe-snippet');
const status = document.getElementById('copy-status');

const escapeAttribute = (value) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function chosenOptions() {
  const options = [];
  for (const field of form.querySelectorAll('input[name], select[name]')) {
    const value = field.value.trim();
    if (value) options.push([field.name, value]);
  }
  return options;
}

function update() {
  const options = chosenOptions();
  for (const field of form.querySelectorAll('input[name], select[name]')) {
    if (field.name === 'heading-level' && !field.value) continue;
    const value = field.value.trim();
    if (value) preview.setAttribute(field.name, value);
    else preview.removeAttribute(field.name);
  }
  const attributes = options.map(([name, value]) => `\n  ${name}="${escapeAttribute(value)}"`).join('');
  elementSnippet.value =
    `<script type="module" src="${LOADER_URL}"\n  integrity="${LOADER_INTEGRITY}" crossorigin="anonymous"></script>\n` +
    `<knee-check${attributes}></knee-check>`;
  // The options travel in the fragment, which browsers never send to a server. Its `&`
  // separators are escaped like any other attribute text.
  const fragment = new URLSearchParams(options).toString();
  const frameSrc = escapeAttribute(`${FRAME_URL}${fragment ? `#${fragment}` : ''}`);
  iframeSnippet.value =
    `<iframe class="knee-check-frame" title="Knee pain self-check"\n  src="${frameSrc}"\n  sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"\n  loading="lazy"></iframe>\n` +
    `<script src="${FRAME_HOST_URL}" defer></script>`;
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
