// The host-page snippet for the iframe mode: sizes each knee-check iframe to its content,
// and tells the page when a frame could not start. It only reads a number or a failure
// from the frame's messages; nothing is sent anywhere but a "hello" to the frames.
//
// A frame that could not start fires `knee-check:error` on its <iframe> (it bubbles):
// either the frame said so, or it loaded and said nothing within 3 seconds: no height,
// and no `knee-check:running` (what a `height=fixed` frame says instead); its scripts
// were refused, e.g. by a Content-Security-Policy that relies on 'self' (see README).
(() => {
  const FRAMES = 'iframe.knee-check-frame';
  const heard = new WeakSet();
  const failed = new WeakSet();

  const fail = (frame) => {
    if (failed.has(frame)) return;
    failed.add(frame);
    frame.dispatchEvent(new CustomEvent('knee-check:error', { bubbles: true }));
  };

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data.type !== 'string' || !data.type.startsWith('knee-check:')) return;
    for (const frame of document.querySelectorAll(FRAMES)) {
      if (frame.contentWindow !== event.source) continue;
      heard.add(frame);
      if (data.type === 'knee-check:height' && typeof data.height === 'number') {
        frame.style.height = `${Math.max(200, Math.min(data.height, 20000))}px`;
      } else if (data.type === 'knee-check:error') {
        fail(frame);
      }
    }
  });

  // `load` does not bubble, but it can be caught on its way down to each frame.
  document.addEventListener(
    'load',
    (event) => {
      const frame = event.target;
      if (!(frame instanceof HTMLIFrameElement) || !frame.matches(FRAMES)) return;
      frame.contentWindow?.postMessage({ type: 'knee-check:hello' }, '*');
      setTimeout(() => heard.has(frame) || fail(frame), 3000);
    },
    true,
  );

  // Frames that loaded before this script ran: ask them to speak again.
  for (const frame of document.querySelectorAll(FRAMES)) {
    frame.contentWindow?.postMessage({ type: 'knee-check:hello' }, '*');
  }
})();
