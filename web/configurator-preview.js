// The configurator's preview (configurator.js) shows each screen by answering the
// widget's own questions, so it must see into the widget's shadow root. The loader
// closes every widget's root, to keep a reader's answers from the page's scripts
// (README, "What the in-page mode protects against"). This page holds no reader's
// answers, only the made-up ones of its preview, so it opens that one root. A classic
// script, it runs before the loader (a module) keeps its own copy of attachShadow.
(() => {
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attachShadow.call(this, this.id === 'preview' ? { ...init, mode: 'open' } : init);
  };
})();
