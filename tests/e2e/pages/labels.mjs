// What the reader reads: the widget's own words (src/i18n.rs) and the questionnaire's
// (questionnaires/knee-or-back.json), so page objects can find things by the text a
// screen reader would announce, in either language.
import { readFileSync } from 'node:fs';

/** The built-in questionnaire, as shipped. */
export const QUESTIONNAIRE = JSON.parse(
  readFileSync(new URL('../../../questionnaires/knee-or-back.json', import.meta.url), 'utf8'),
);

/** The widget's frame strings, per language (kept in step with src/i18n.rs). */
export const LABELS = {
  en: {
    start: 'Start the check',
    notDiagnosis: 'It is not a diagnosis',
    privacy: 'Your answers stay on this device.',
    continue: 'Continue',
    back: 'Back',
    progress: (n, total) => `Question ${n} of ${total}`,
    errorTitle: 'There is a problem',
    errorNoAnswer: 'Choose an answer to continue',
    call: (number) => `Call ${number}`,
    mistake: 'I answered this by mistake',
    signsHeading: 'The four signs, and what your answers showed',
    sign: (n) => `Sign ${n}`,
    matched: 'Fits your answers',
    notMatched: 'Does not fit your answers',
    evaluationHeading: 'What the evaluation may include',
    why: 'Why',
    notSure: 'Not sure from your answers',
    todayUnwell: (number) => `If you feel very unwell, call ${number}`,
    safetyNet: 'Watch for these changes',
    meanwhile: 'Meanwhile',
    notReviewed: 'This content has not yet had a clinical review.',
    nextStep: 'Next step',
    disclaimer: 'It cannot diagnose you',
    startAgain: 'Start again',
    language: 'Language',
  },
  es: {
    start: 'Empezar',
    notDiagnosis: 'No es un diagnóstico',
    privacy: 'Sus respuestas se quedan en este dispositivo.',
    continue: 'Continuar',
    back: 'Atrás',
    progress: (n, total) => `Pregunta ${n} de ${total}`,
    errorTitle: 'Hay un problema',
    errorNoAnswer: 'Elija una respuesta para continuar',
    call: (number) => `Llamar al ${number}`,
    mistake: 'Respondí esto por error',
    signsHeading: 'Las cuatro señales y lo que mostraron sus respuestas',
    sign: (n) => `Señal ${n}`,
    matched: 'Coincide con sus respuestas',
    notMatched: 'No coincide con sus respuestas',
    evaluationHeading: 'Lo que puede incluir la evaluación',
    why: 'Por qué',
    notSure: 'Sus respuestas no lo aclaran',
    todayUnwell: (number) => `Si se siente muy mal, llame al ${number}`,
    safetyNet: 'Esté atento a estos cambios',
    meanwhile: 'Mientras tanto',
    notReviewed: 'Este contenido todavía no ha tenido una revisión clínica.',
    nextStep: 'Siguiente paso',
    disclaimer: 'No puede darle un diagnóstico',
    startAgain: 'Empezar de nuevo',
    language: 'Idioma',
  },
};

/** The question with `linkId`. */
export function item(linkId) {
  const found = QUESTIONNAIRE.items.find((i) => i.linkId === linkId);
  if (!found) throw new Error(`no question ${linkId}`);
  return found;
}

/** The text of answer `code` of question `linkId` in `lang`. */
export function optionText(linkId, code, lang) {
  const option = item(linkId).answerOption.find((o) => o.code === code);
  if (!option) throw new Error(`question ${linkId} has no answer ${code}`);
  return option.text[lang];
}

/** The heading shown for an outcome id (`knee-likely`, `red-flag-today`, `under-18`, ...). */
export function outcomeHeading(id, lang) {
  const redFlag = id.match(/^red-flag-(.+)$/);
  if (redFlag) return QUESTIONNAIRE.cards[redFlag[1]].heading[lang];
  if (id === 'under-18') return QUESTIONNAIRE.cards.under18.heading[lang];
  const band = QUESTIONNAIRE.outcomes.find((o) => o.id === id);
  if (!band) throw new Error(`no outcome ${id}`);
  return band.heading[lang];
}
