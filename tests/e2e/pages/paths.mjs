// Answer paths through the default questionnaire, as [linkId, answer code] in the order
// asked, shared by the specs that walk them.

/** Answers whose pattern points at the knee: no sign matches. */
export const KNEE_PATH = [
  ['rf-emergency', 'no'],
  ['rf-urgent', 'no'],
  ['pain-quality', 'ache'],
  ['spread', 'no'],
  ['injection', 'helped'],
  ['when', 'activity'],
  ['posture', 'neither'],
  ['therapy', 'lot'],
  ['back', 'no'],
];

/** Answers whose pattern points at the back: every sign matches. */
export const BACK_PATH = [
  ['rf-emergency', 'no'],
  ['rf-urgent', 'no'],
  ['pain-quality', 'tingling'],
  ['spread', 'yes'],
  ['injection', 'little'],
  ['when', 'random'],
  ['posture', 'both'],
  ['therapy', 'partly'],
  ['back', 'yes'],
];
