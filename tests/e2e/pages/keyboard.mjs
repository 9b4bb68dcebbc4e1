// Keyboard-only helpers for the page objects: move with Tab as a reader would, and
// check where focus is inside the widget's shadow root.

/** Whether `locator`'s element has focus (inside a shadow root too). */
export async function isFocused(locator) {
  return locator.evaluate((el) => el.getRootNode().activeElement === el && document.hasFocus());
}

/**
 * Presses Tab until `locator` has focus; fails after `max` presses, so a control that
 * cannot be reached by keyboard fails the test.
 */
export async function tabTo(page, locator, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press('Tab');
  }
  if (!(await isFocused(locator))) {
    throw new Error(`could not reach ${locator} with ${max} presses of Tab`);
  }
}
