// The iframe mode's own script: reads options from the URL fragment, mounts the
// widget, and reports the document's height to the parent page with postMessage.
// The message carries a height only, never an answer.
//
// Each screen has its own height, and so has each outcome: a page script that watches
// the frame's height could tell which result the reader got. With `height=fixed` in the
// fragment the frame sends nothing at all; the host gives the frame a height in its CSS
// and the widget scrolls inside it (README, "Iframe mode").

const OPTION_NAMES = [
  'clinic-name', 'clinic-phone', 'booking-url', 'evaluation-name', 'emergency-number',
  'lang', 'theme', 'accent', 'heading-level',
];

const params = new URLSearchParams(location.hash.slice(1));
const element = document.createElement('knee-check');
for (const name of OPTION_NAMES) {
  const value = params.get(name);
  if (value !== null) element.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
document.getElementById('widget').append(element);

const fixedHeight = params.get('height') === 'fixed';
if (params.has('height') && !fixedHeight) {
  console.warn(`[knee-check] ignored options: height: \`${params.get('height').slice(0, 40)}\` is not fit or fixed`);
}

let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'knee-check:height', height }, '*');
  }
};
if (!fixedHeight) {
  new ResizeObserver(report).observe(document.documentElement);
  report();
}
