// A host script that mounts the widget with the JS API, camelCase options included,
// and leaves the handle where the test can reach it.
import { widget } from './loader.js';

const slot = document.getElementById('slot');
window.kneeCheckHandle = widget.mount(slot, {
  clinicName: 'API Clinic',
  bookingUrl: 'https://example.org/api',
  headingLevel: 3,
  questionnaire: 'minimal-check',
  theme: 'light',
});
window.kneeCheckMount = widget.mount;
