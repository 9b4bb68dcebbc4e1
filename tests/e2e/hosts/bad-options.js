// The host page's own script, after the widget: it must keep running whatever options
// the page gave the widget.
import './loader.js';

document.body.dataset.hostScriptRan = 'yes';
