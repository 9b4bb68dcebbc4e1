//! The widget's own words (buttons, progress, notices), in every language. The
//! questionnaire's words live in its file; these are the frame around them.
//!
//! Each language is one [`Strings`] value, so a missing translation is a compile error.
//! Strings with a `{…}` slot are filled by the small helpers below, never by formatting
//! user text into markup.

use crate::lang::Lang;

/// Every string the widget shows outside the questionnaire.
#[derive(Debug)]
pub struct Strings {
    /// Lead paragraph of the intro.
    pub intro_lead: &'static str,
    /// Intro points: what the check is and is not.
    pub intro_points: [&'static str; 3],
    /// The start button.
    pub start: &'static str,
    /// "Question {n} of {total}".
    pub progress: &'static str,
    /// Back button.
    pub back: &'static str,
    /// Continue button.
    pub continue_label: &'static str,
    /// Error summary title.
    pub error_title: &'static str,
    /// The error when continuing without an answer.
    pub error_no_answer: &'static str,
    /// Prefix read before an inline error message.
    pub error_prefix: &'static str,
    /// "Call {number}" on the red-flag card.
    pub call: &'static str,
    /// Go back from the red-flag card.
    pub mistake: &'static str,
    /// Heading over the four signs.
    pub signs_heading: &'static str,
    /// Heading over the clues outside the four signs (hip, knee, context).
    pub context_heading: &'static str,
    /// A sign that matched.
    pub matched: &'static str,
    /// A sign that did not match.
    pub not_matched: &'static str,
    /// A sign whose questions were answered "Not sure".
    pub sign_not_sure: &'static str,
    /// Heading over the "why" part of the result.
    pub why_heading: &'static str,
    /// Heading over the safety net.
    pub safety_net_heading: &'static str,
    /// Heading over the meanwhile advice.
    pub meanwhile_heading: &'static str,
    /// On the today card: the emergency number as the second choice, "{number}".
    pub today_unwell: &'static str,
    /// "Content reviewed on {date} by {reviewer}."
    pub reviewed: &'static str,
    /// Said in the take-along when no clinician has reviewed the content.
    pub not_reviewed: &'static str,
    /// "Sign {n}".
    pub sign_number: &'static str,
    /// Heading over what an evaluation may include.
    pub evaluation_heading: &'static str,
    /// Heading over the call to action.
    pub next_step_heading: &'static str,
    /// The evaluation's name when the host gives none.
    pub default_evaluation: &'static str,
    /// With a clinic: "{clinic} offers {evaluation}."
    pub cta_clinic: &'static str,
    /// Without a clinic: neutral advice naming the evaluation.
    pub cta_neutral: &'static str,
    /// "Call {clinic}" / phone link text.
    pub cta_call: &'static str,
    /// Booking link text.
    pub cta_book: &'static str,
    /// Note that the booking link carries no answers.
    pub cta_private: &'static str,
    /// Heading over the answers list.
    pub answers_heading: &'static str,
    /// "Change" button, followed by hidden text naming the question.
    pub change: &'static str,
    /// Hidden text after "Change".
    pub change_hidden: &'static str,
    /// The disclaimer.
    pub disclaimer: &'static str,
    /// "Content version {content}, scoring version {scoring}".
    pub versions: &'static str,
    /// Start again button.
    pub start_again: &'static str,
    /// Label of the language switcher.
    pub language: &'static str,
    /// The privacy promise, shown on the intro.
    pub privacy: &'static str,
    /// Shown when the widget cannot start.
    pub failure: &'static str,
    /// Shown when some options were ignored.
    pub options_ignored: &'static str,
    /// Summary: "Date of the check: {date}".
    pub summary_date: &'static str,
    /// Summary: "Result: {result}".
    pub summary_result: &'static str,
    /// Summary: heading over the matched signs.
    pub summary_matched: &'static str,
    /// Summary: no sign matched.
    pub summary_none: &'static str,
    /// Heading over the take-it-along actions.
    pub take_along_heading: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Download the FHIR answers.
    pub download_fhir: &'static str,
    /// Download the text summary.
    pub download_text: &'static str,
    /// Copy the summary.
    pub copy: &'static str,
    /// Shown after copying.
    pub copied: &'static str,
    /// Shown when the clipboard is blocked.
    pub copy_blocked: &'static str,
    /// Explains that the files are made on the device.
    pub take_along_note: &'static str,
    /// Caption under the body map's figure seen from the front.
    pub body_front: &'static str,
    /// Caption under the body map's figure seen from the back.
    pub body_back: &'static str,
}

const EN: Strings = Strings {
    intro_lead: "Knee pain does not always start in the knee. Nerves from the lower back and problems in the hip can be felt at the knee. A few short questions show whether your pain has signs that point beyond the knee, and what to do next.",
    intro_points: [
        "It takes about two minutes.",
        "It is not a diagnosis and does not replace a visit to a clinician.",
        "Your answers stay on this device. Nothing is sent or saved.",
    ],
    start: "Start the check",
    progress: "Question {n} of {total}",
    back: "Back",
    continue_label: "Continue",
    error_title: "There is a problem",
    error_no_answer: "Choose an answer to continue",
    error_prefix: "Error:",
    call: "Call {number}",
    mistake: "I answered this by mistake",
    signs_heading: "The four signs, and what your answers showed",
    context_heading: "Other things you told us",
    matched: "Fits your answers",
    not_matched: "Does not fit your answers",
    sign_not_sure: "Not sure from your answers",
    why_heading: "Why",
    safety_net_heading: "Watch for these changes",
    meanwhile_heading: "Meanwhile",
    today_unwell: "If you feel very unwell, call {number}",
    reviewed: "Content reviewed on {date} by {reviewer}.",
    not_reviewed: "This content has not yet had a clinical review.",
    sign_number: "Sign {n}",
    evaluation_heading: "What the evaluation may include",
    next_step_heading: "Next step",
    default_evaluation: "an evaluation by a physical therapist",
    cta_clinic: "{clinic} offers {evaluation}.",
    cta_neutral: "You can ask for {evaluation}.",
    cta_call: "Call {phone}",
    cta_book: "Book an appointment",
    cta_private: "The booking link does not share your answers.",
    answers_heading: "Your answers",
    change: "Change",
    change_hidden: "your answer to: {question}",
    disclaimer: "This check gives general information. It cannot diagnose you and does not replace care from a clinician. If your symptoms get worse or new ones appear, get medical help.",
    versions: "Content version {content}, scoring version {scoring}.",
    start_again: "Start again",
    language: "Language",
    privacy: "Your answers stay on this device. Nothing is sent or saved.",
    failure: "Sorry, this self-check could not start. Please try again later. If your knee pain is severe or getting worse, contact a clinician.",
    options_ignored: "Some settings of this self-check were not valid and were ignored.",
    summary_date: "Date of the check: {date}",
    summary_result: "Result: {result}",
    summary_matched: "Signs that fit your answers:",
    summary_none: "None of the signs",
    take_along_heading: "Take your answers to your appointment",
    print: "Print or save as PDF",
    download_fhir: "Download my answers (FHIR file for clinics)",
    download_text: "Download a text summary",
    copy: "Copy summary",
    copied: "Summary copied. You can paste it into a message or a note.",
    copy_blocked: "Copying is blocked here. The summary is selected below: copy it with your device's copy command.",
    take_along_note: "These files are made on this device. Nothing is sent.",
    body_front: "Front",
    body_back: "Back",
};

const ES: Strings = Strings {
    intro_lead: "El dolor de rodilla no siempre nace en la rodilla. Los nervios de la parte baja de la espalda y los problemas de cadera pueden sentirse en la rodilla. Unas pocas preguntas muestran si su dolor tiene señales que apuntan más allá de la rodilla, y qué hacer después.",
    intro_points: [
        "Toma unos dos minutos.",
        "No es un diagnóstico y no reemplaza una consulta con un profesional de la salud.",
        "Sus respuestas se quedan en este dispositivo. No se envía ni se guarda nada.",
    ],
    start: "Empezar",
    progress: "Pregunta {n} de {total}",
    back: "Atrás",
    continue_label: "Continuar",
    error_title: "Hay un problema",
    error_no_answer: "Elija una respuesta para continuar",
    error_prefix: "Error:",
    call: "Llamar al {number}",
    mistake: "Respondí esto por error",
    signs_heading: "Las cuatro señales y lo que mostraron sus respuestas",
    context_heading: "Otras cosas que nos contó",
    matched: "Coincide con sus respuestas",
    not_matched: "No coincide con sus respuestas",
    sign_not_sure: "Sus respuestas no lo aclaran",
    why_heading: "Por qué",
    safety_net_heading: "Esté atento a estos cambios",
    meanwhile_heading: "Mientras tanto",
    today_unwell: "Si se siente muy mal, llame al {number}",
    reviewed: "Contenido revisado el {date} por {reviewer}.",
    not_reviewed: "Este contenido todavía no ha tenido una revisión clínica.",
    sign_number: "Señal {n}",
    evaluation_heading: "Lo que puede incluir la evaluación",
    next_step_heading: "Siguiente paso",
    default_evaluation: "una evaluación con un fisioterapeuta (terapeuta físico)",
    cta_clinic: "{clinic} ofrece {evaluation}.",
    cta_neutral: "Puede pedir {evaluation}.",
    cta_call: "Llamar al {phone}",
    cta_book: "Pedir una cita",
    cta_private: "El enlace para pedir cita no comparte sus respuestas.",
    answers_heading: "Sus respuestas",
    change: "Cambiar",
    change_hidden: "su respuesta a: {question}",
    disclaimer: "Esta autoevaluación da información general. No puede darle un diagnóstico y no reemplaza la atención de un profesional de la salud. Si sus síntomas empeoran o aparecen otros nuevos, busque ayuda médica.",
    versions: "Versión del contenido {content}, versión del cálculo {scoring}.",
    start_again: "Empezar de nuevo",
    language: "Idioma",
    privacy: "Sus respuestas se quedan en este dispositivo. No se envía ni se guarda nada.",
    failure: "Lo sentimos, esta autoevaluación no pudo iniciarse. Inténtelo más tarde. Si el dolor de rodilla es fuerte o empeora, consulte a un profesional de la salud.",
    options_ignored: "Algunos ajustes de esta autoevaluación no eran válidos y se ignoraron.",
    summary_date: "Fecha de la autoevaluación: {date}",
    summary_result: "Resultado: {result}",
    summary_matched: "Señales que coinciden con sus respuestas:",
    summary_none: "Ninguna de las señales",
    take_along_heading: "Lleve sus respuestas a la cita",
    print: "Imprimir o guardar como PDF",
    download_fhir: "Descargar mis respuestas (archivo FHIR para clínicas)",
    download_text: "Descargar un resumen en texto",
    copy: "Copiar el resumen",
    copied: "Resumen copiado. Puede pegarlo en un mensaje o una nota.",
    copy_blocked: "Aquí no se puede copiar. El resumen está seleccionado abajo: cópielo con la función de copiar de su dispositivo.",
    take_along_note: "Estos archivos se crean en este dispositivo. No se envía nada.",
    body_front: "De frente",
    body_back: "De espaldas",
};

/// The strings for a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// Fills `{name}` slots in a template with plain text values.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass: a value is never searched for slots itself.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        match slot {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_named_slot_and_leaves_the_rest() {
        let values = [("clinic", "Knee {n} & Co"), ("n", "3")];
        assert_eq!(
            fill("{clinic} offers {n}, {n}; {missing} {", &values),
            "Knee {n} & Co offers 3, 3; {missing} {"
        );
        assert_eq!(fill("no slots", &values), "no slots");
        assert_eq!(fill("{n}", &[]), "{n}");
    }

    #[test]
    fn slots_are_filled_and_the_same_in_every_language() {
        for lang in Lang::ALL {
            let s = strings(lang);
            let progress = fill(s.progress, &[("n", "3"), ("total", "9")]);
            assert!(
                progress.contains('3') && progress.contains('9'),
                "{progress}"
            );
            assert!(!progress.contains('{'));
            for (template, slots) in [
                (s.call, &["number"][..]),
                (s.today_unwell, &["number"][..]),
                (s.reviewed, &["date", "reviewer"][..]),
                (s.cta_clinic, &["clinic", "evaluation"][..]),
                (s.cta_neutral, &["evaluation"][..]),
                (s.cta_call, &["phone"][..]),
                (s.versions, &["content", "scoring"][..]),
                (s.change_hidden, &["question"][..]),
                (s.sign_number, &["n"][..]),
            ] {
                for slot in slots {
                    assert!(
                        template.contains(&format!("{{{slot}}}")),
                        "{lang:?}: {template}"
                    );
                }
            }
        }
    }

    #[test]
    fn spanish_differs_from_english() {
        assert_ne!(strings(Lang::En).start, strings(Lang::Es).start);
        assert_ne!(strings(Lang::En).disclaimer, strings(Lang::Es).disclaimer);
    }
}
