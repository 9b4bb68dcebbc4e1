// Answer paths through the default questionnaire, as [linkId, answer code or codes] in
// the order asked, shared by the specs that walk them. Each names the outcome it reaches
// (tests/cases.rs holds the clinical reasoning for stories like these).

const ADULT = [
  ['age', '50-64'],
  ['rf-emergency', 'no'],
  ['rf-today', 'no'],
  ['rf-soon', 'no'],
];

/** A knee story: kneecap pain on stairs, the shot and the exercises helped. */
export const KNEE_PATH = [
  ...ADULT,
  ['where', 'kneecap'],
  ['pain-quality', 'ache'],
  ['worse', ['stairs', 'squat']],
  ['back-move', 'no'],
  ['mechanical', 'none'],
  ['onset', 'gradual'],
  ['injection', 'clearly'],
  ['therapy', 'lot'],
  ['back-pain', 'no'],
  ['hip', 'none'],
];

/** A back story: tingling from the thigh to the inner knee that changes with back movement. */
export const BACK_PATH = [
  ...ADULT,
  ['where', ['front-thigh', 'inner-knee']],
  ['pain-quality', ['ache', 'tingling']],
  ['worse', 'none'],
  ['back-move', 'yes'],
  ['mechanical', 'none'],
  ['onset', 'gradual'],
  ['injection', 'little'],
  ['therapy', 'partly'],
  ['back-pain', 'yes'],
  ['hip', 'none'],
];

/** The knee story with groin pain and stiff hips: the hip should be checked. */
export const HIP_PATH = KNEE_PATH.map(([id, code]) =>
  id === 'where' ? [id, ['groin', 'kneecap']] : id === 'hip' ? [id, ['socks']] : [id, code],
);

/** The back story with groin pain. */
export const HIP_AND_BACK_PATH = BACK_PATH.map(([id, code]) =>
  id === 'where' ? [id, ['groin', 'front-thigh', 'inner-knee']] : [id, code],
);

/** Weak clues both ways. */
export const MIXED_PATH = KNEE_PATH.map(([id, code]) =>
  id === 'where' ? [id, ['kneecap', 'front-thigh']] : id === 'worse' ? [id, 'none'] : id === 'therapy' ? [id, 'not'] : [id, code],
);

/** "Not sure" to every scored question. */
export const CANT_TELL_PATH = KNEE_PATH.map(([id, code], i) => (i < ADULT.length ? [id, code] : [id, 'unsure']));

/** The knee story with a history of cancer: the result opens with the soon advice. */
export const SOON_PATH = KNEE_PATH.map(([id, code]) => (id === 'rf-soon' ? [id, 'yes'] : [id, code]));

/** Every result, with its outcome. */
export const RESULT_PATHS = [
  ['knee-likely', KNEE_PATH],
  ['back-likely', BACK_PATH],
  ['hip-possible', HIP_PATH],
  ['hip-and-back', HIP_AND_BACK_PATH],
  ['mixed', MIXED_PATH],
  ['cant-tell', CANT_TELL_PATH],
];

/** Every card, with the answers that stop at it. */
export const CARD_PATHS = [
  ['red-flag-emergency', [['age', '18-49'], ['rf-emergency', 'yes']]],
  ['red-flag-today', [['age', '65-plus'], ['rf-emergency', 'no'], ['rf-today', 'unsure']]],
  ['under-18', [['age', 'under-18']]],
];
