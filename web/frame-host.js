// The host-page snippet for the iframe mode: sizes each knee-check iframe to its content.
// It only reads a number from the frame's message; nothing is sent anywhere.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'knee-check:height' || typeof data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe.knee-check-frame')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.max(200, Math.min(data.height, 20000))}px`;
    }
  }
});
