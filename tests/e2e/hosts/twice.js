// Two copies of the loader on one page (two embeds, or a CMS that adds the snippet
// twice): the second import is a separate module instance of the same file.
import { loaderUrl, widget } from './loader.js';

const again = await import(`${loaderUrl}?again`);
document.body.dataset.registeredBy = customElements.get('knee-check') === widget.KneeCheckElement ? 'first' : 'other';
document.body.dataset.secondCopy = again.KneeCheckElement === widget.KneeCheckElement ? 'same' : 'separate';
