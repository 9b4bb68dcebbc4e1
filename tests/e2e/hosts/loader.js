// Test host pages load the built widget through this module. dist/'s loader has a
// content hash in its name, so the name is read from dist/manifest.json; pages that
// show the exact snippet an editor pastes are written by the tests instead.
const manifest = await (await fetch('/manifest.json')).json();
export const loaderUrl = new URL(`/${manifest.files['knee-check.js'].file}`, location.href).href;
export const widget = await import(loaderUrl);
