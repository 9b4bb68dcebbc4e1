// Reading pixels of a screenshot, for what only the eye can tell (a propagated
// decoration, how a checked radio looks). The PNG is decoded by the browser itself, in
// a blank page of the same context (no CSP there).

/** `{ width, height, data }` (RGBA bytes as a plain array) of a PNG buffer. */
export async function decodePng(context, png) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      return { width: image.width, height: image.height, data: Array.from(data) };
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

/** The colour at (x, y) as [r, g, b]. */
export function pixel(image, x, y) {
  const i = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

/** WCAG contrast ratio of two [r, g, b] colours. */
export function contrast(a, b) {
  const lum = ([r, g, bl]) => {
    const lin = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** How many pixels of a PNG buffer are magenta (#ff00ff and near it), counted in the
 *  browser: a whole widget's pixels are too many to send back. */
export async function magentaPixels(context, png) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] > 200 && data[i + 1] < 90 && data[i + 2] > 200) count++;
      }
      return count;
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}
