// The host page's own script, after the widget (contained.html, no-wasm-eval.html):
// it must run whatever happens to the widget, its button must keep working, and it
// records every uncaught error its window hears, as a host's error tracker would, and
// every `knee-check:error` the widget fires (the tag of its target).
window.hostErrors = [];
window.hostFailures = [];
document.addEventListener('knee-check:error', (event) => window.hostFailures.push(event.target.localName));
window.addEventListener('error', (event) => window.hostErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.hostErrors.push(String(event.reason)));
document.body.dataset.hostScriptRan = 'yes';
const button = document.getElementById('host-button');
const clicks = document.getElementById('host-clicks');
button.addEventListener('click', () => {
  clicks.textContent = String(Number(clicks.textContent) + 1);
});
