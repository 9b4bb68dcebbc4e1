// Types for the knee-check package: the <knee-check> element, mount() and its handle,
// the options, and the two events. The module is the one in knee-check.js; importing it
// defines <knee-check> (once per page).

/** Every option, as attributes spell them. */
export type OptionName =
  | 'clinic-name'
  | 'clinic-phone'
  | 'booking-url'
  | 'evaluation-name'
  | 'emergency-number'
  | 'lang'
  | 'theme'
  | 'accent'
  | 'heading-level'
  | 'questionnaire';

/** An option's value: text, or a number or boolean (sent as text). */
export type OptionValue = string | number | boolean;

/**
 * The widget's options, for `mount()` and `update()`. Each is optional; an empty value
 * counts as not set. A value that does not fit is ignored (the default applies) and named
 * in one `[knee-check] ignored options:` console warning. Attribute names
 * (`'clinic-name'`) work as keys too.
 */
export interface KneeCheckOptions {
  /** The clinic's name in the call to action; up to 120 characters. */
  clinicName?: string;
  /** The clinic's phone: digits, spaces and `+ - ( ) .`, 1 to 20 digits. */
  clinicPhone?: string;
  /** An `https://` or `http://` address for booking; opens in a new tab. */
  bookingUrl?: string;
  /** What the evaluation is called, e.g. "a Beyond-the-Knee evaluation"; up to 120 characters. */
  evaluationName?: string;
  /** The number the emergency card calls; default `911`. */
  emergencyNumber?: string;
  /** `en` or `es` (region tags such as `es-MX` are fine); default: the page's language. */
  lang?: string;
  /** `light` (default), `dark` or `auto` (follows the reader's setting). */
  theme?: 'light' | 'dark' | 'auto' | (string & {});
  /** A CSS colour for buttons and links: hex, rgb()/hsl() with plain numbers, or a named colour. */
  accent?: string;
  /** The level of the widget's top headings, 1 to 6; default 2. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 | `${1 | 2 | 3 | 4 | 5 | 6}`;
  /** The id of an inline `<script type="application/json">` holding a questionnaire. */
  questionnaire?: string;
  /** When the loader fetches the wasm: `lazy` (default; when the widget nears the screen
   *  or the reader first touches it) or `eager` (at once). The loader's own setting. */
  loading?: 'lazy' | 'eager' | (string & {});
  /** The same options by their attribute names. */
  [attribute: string]: OptionValue | undefined;
}

/** What `mount()` returns. */
export interface KneeCheckHandle {
  /** Replaces all options; the reader's answers are kept. */
  update(options?: KneeCheckOptions): void;
  /** Unmounts the widget and frees it; calling it twice is harmless. */
  destroy(): void;
}

/**
 * Mounts the widget in a shadow root on `element` (a `div`, `section`, ... that can host
 * one). Never throws: without a usable element it logs one `[knee-check]` error and
 * returns a handle that does nothing.
 */
export function mount(element: Element, options?: KneeCheckOptions): KneeCheckHandle;

/**
 * Checks options by the widget's own rules without showing anything. Resolves to
 * `{ 'attribute-name': 'why it would be ignored' }`, empty when every option is good.
 */
export function checkOptions(options?: KneeCheckOptions): Promise<Partial<Record<OptionName | (string & {}), string>>>;

/** One way through the built-in check, for a preview: the codes to choose on each
 *  question in turn to reach `screen`, an outcome id. */
export interface PreviewRoute {
  screen: Outcome;
  answers: string[][];
}

/** The answers that reach each outcome of the built-in check (each result and each
 *  red-flag card), found when the widget was built. Loads the questionnaire checker. */
export function previewRoutes(): Promise<PreviewRoute[]>;

/** Every option name, as attributes spell them. */
export const OPTION_NAMES: readonly OptionName[];

/** An outcome id: a result band or a red-flag card. Other questionnaires may add their own. */
export type Outcome =
  | 'back-likely'
  | 'hip-and-back'
  | 'hip-possible'
  | 'mixed'
  | 'knee-likely'
  | 'cant-tell'
  | 'red-flag-emergency'
  | 'red-flag-today'
  | 'under-18'
  | (string & {});

/** `detail` of `knee-check:complete`: the outcome id only, never the answers. */
export interface KneeCheckCompleteDetail {
  outcome: Outcome;
}

/** The `<knee-check>` element. Its attributes are the options (see `OptionName`). */
export class KneeCheckElement extends HTMLElement {
  static observedAttributes: readonly (OptionName | 'loading')[];
  /** Each option as a property that reflects its attribute (null when absent). */
  clinicName: string | null;
  clinicPhone: string | null;
  bookingUrl: string | null;
  evaluationName: string | null;
  emergencyNumber: string | null;
  theme: string | null;
  accent: string | null;
  headingLevel: string | null;
  questionnaire: string | null;
  /** When the loader fetches the wasm: `lazy` (default) or `eager`. */
  loading: string | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'knee-check': KneeCheckElement;
  }
  interface HTMLElementEventMap {
    /** The reader left the intro for the first question. Bubbles, composed. */
    'knee-check:start': CustomEvent<null>;
    /** The reader reached a result or a red-flag card. Bubbles, composed. */
    'knee-check:complete': CustomEvent<KneeCheckCompleteDetail>;
    /** The widget shows its failure notice instead of the check. Bubbles, composed. */
    'knee-check:error': CustomEvent<null>;
  }
  interface DocumentEventMap {
    'knee-check:start': CustomEvent<null>;
    'knee-check:complete': CustomEvent<KneeCheckCompleteDetail>;
    'knee-check:error': CustomEvent<null>;
  }
  interface WindowEventMap {
    'knee-check:start': CustomEvent<null>;
    'knee-check:complete': CustomEvent<KneeCheckCompleteDetail>;
    'knee-check:error': CustomEvent<null>;
  }
}
