// The widget renders in a closed shadow root, which Playwright's locators (like every
// page script) cannot enter. Specs that drive the widget through its screens add this
// init script: it runs before any page script and makes every attachShadow() open.
//
// That is exactly the remaining limit README's privacy section names: a script that runs
// before the loader can patch the page to see inside the in-page widget. The privacy
// specs that prove what a page script cannot read run without it, against the real
// closed root.

/** An init script (for page.addInitScript or context.addInitScript). */
export function OPEN_SHADOW_ROOTS() {
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attachShadow.call(this, { ...init, mode: 'open' });
  };
}
