// The questionnaire check: a clinician who adapted the questionnaire file chooses it and
// sees every problem the widget would refuse it for, each with its place in the file, or,
// when there is none, the widget running with it. The checker is the widget's own
// (src/questionnaire/validate.rs, in the checker wasm, src/browser/checker.rs), so this
// page and a host page can never disagree. The file is read in this page and sent
// nowhere.
//
// scripts/assemble-dist.mjs bundles this module with the checker's glue and fills in the
// checker wasm's file name and integrity value.

import initChecker, { checkQuestionnaire } from './__CHECKER_GLUE__';

const CHECKER_URL = new URL('./__CHECKER_WASM__', import.meta.url);
const CHECKER_INTEGRITY = '__CHECKER_WASM_INTEGRITY__';
/** The most characters of a questionnaire the widget reads (README, `questionnaire`). */
const MAX_CHARS = 256 * 1024;
/** The id of the script element the preview widget reads the questionnaire from. */
const SCRIPT_ID = 'kc-checked-questionnaire';

const fileInput = document.getElementById('file');
const report = document.getElementById('report');
const heading = document.getElementById('report-heading');
const said = document.getElementById('report-text');
const list = document.getElementById('problems');
const preview = document.getElementById('preview');

let checker = null;
const startChecker = () => {
  checker ??= initChecker({ module_or_path: fetch(CHECKER_URL, { integrity: CHECKER_INTEGRITY }) }).catch((error) => {
    checker = null;
    throw error;
  });
  return checker;
};

/** A path into the file as the checker writes it: `items[3].answerOption[1]`. */
const PATH = /^([A-Za-z]\w*(?:\[\d+\]|\.[A-Za-z]\w*)*): (.*)$/s;

/**
 * Every problem the widget's checker finds in `json`, as `[path, message]` (`path` empty
 * for the file as a whole); none when the widget can use it. The checker's message is
 * the one a host page's console gets: a first line, then one problem per line.
 */
function problemsIn(json) {
  try {
    checkQuestionnaire('file', json);
    return [];
  } catch (message) {
    return String(message)
      .split('\n')
      .slice(1)
      .map((line) => {
        const [, path, said] = line.match(PATH) ?? [null, '', line];
        // The checker quotes names in backticks, for consoles; curly quotes here.
        return [path, said.replace(/`([^`]*)`/g, '“$1”')];
      });
  }
}

/** Shows the verdict: a heading, a sentence, and the problems as `[path, message]`. */
function show(title, text, problems = []) {
  heading.textContent = title;
  said.textContent = text;
  list.replaceChildren(
    ...problems.map(([path, message]) => {
      const item = document.createElement('li');
      if (path) {
        const where = document.createElement('code');
        where.textContent = path;
        item.append(where, ': ');
      }
      item.append(message);
      return item;
    }),
  );
  list.hidden = problems.length === 0;
  report.hidden = false;
  heading.focus();
}

/** Runs the widget with the checked questionnaire, in place of any earlier preview. */
function showPreview(json) {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = SCRIPT_ID;
  script.textContent = json;
  const widget = document.createElement('knee-check');
  widget.setAttribute('questionnaire', SCRIPT_ID);
  widget.setAttribute('loading', 'eager');
  preview.append(script, widget);
}

async function check(file) {
  // The earlier preview goes first: its widget is torn down, its script removed.
  preview.replaceChildren();
  const json = await file.text();
  if (json.length > MAX_CHARS) {
    show(
      `${file.name} is too long`,
      `It holds ${Math.ceil(json.length / 1024)} KB of text; the widget reads at most ${MAX_CHARS / 1024} KB. Check that this is the questionnaire file.`,
    );
    return;
  }
  try {
    await startChecker();
  } catch (error) {
    show('The checker could not load', `${error?.message ?? error}. Reload the page and choose the file again.`);
    return;
  }
  const problems = problemsIn(json);
  if (problems.length > 0) {
    show(
      `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${file.name}`,
      'A page with this file would show the widget’s failure notice instead of the check. Each problem names its place in the file. Fix them, save the file and choose it again.',
      problems,
    );
    return;
  }
  show(
    `No problems in ${file.name}`,
    'The widget can use this file. Below it runs with your questionnaire: answer it as a reader would, in both languages, and look at every result you wrote.',
  );
  showPreview(json);
}

fileInput.addEventListener('change', () => {
  const [file] = fileInput.files;
  if (!file) return;
  // Cleared, so that choosing the same file again after fixing it checks it again.
  fileInput.value = '';
  check(file).catch((error) => show('The file could not be read', `${error?.message ?? error}. Choose it again.`));
});
