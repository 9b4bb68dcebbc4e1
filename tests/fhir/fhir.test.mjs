// The FHIR exports, checked by an independent validator: the npm `fhir` package's R4
// structure definitions. The questionnaire is exported in both languages, and a
// QuestionnaireResponse for every answers fixture and for a spread of real answer paths
// (at least one per outcome); each must validate with no error or warning, and every
// answer must point at a question and an answer option of the exported Questionnaire.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fhirPackage from 'fhir';
import conformance from 'fhir/parseConformance.js';

const { Fhir, Versions } = fhirPackage;
// The package's cached R4 structure definitions (it ships them; nothing is downloaded).
const validator = new Fhir(new conformance.ParseConformance(true, Versions.R4));
const FILE = 'questionnaires/knee-or-back.json';
const work = mkdtempSync(join(tmpdir(), 'knee-check-fhir-'));

/** Runs the native CLI (built by cargo test) and returns its stdout. */
function cli(...args) {
  return execFileSync('cargo', ['run', '-q', '--bin', 'knee-check', '--', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, KNEE_CHECK_AUTHORED: '2026-11-25T10:00:00Z' },
  });
}

/** Validation messages that are real findings: errors and warnings. The validator
 *  reports an info for every value set it does not ship, which says nothing of ours. */
function findings(resource) {
  const result = validator.validate(resource);
  return result.messages.filter((m) => m.severity !== 'information' && m.severity !== 'info');
}

const questionnaires = Object.fromEntries(['en', 'es'].map((lang) => [lang, JSON.parse(cli('fhir', FILE, lang))]));

test('the exported Questionnaire is valid FHIR R4 in both languages', () => {
  for (const [lang, q] of Object.entries(questionnaires)) {
    assert.equal(q.resourceType, 'Questionnaire');
    assert.deepEqual(findings(q), [], `Questionnaire (${lang})`);
    assert.equal(q.language, lang);
    assert.ok(q.item.length >= 9, 'every question is exported');
  }
});

test('the Questionnaire carries the other language as a translation a clinician can read', () => {
  const first = questionnaires.en.item[0];
  const translation = first._text.extension[0].extension;
  assert.deepEqual(translation[0], { url: 'lang', valueCode: 'es' });
  assert.equal(translation[1].valueString, questionnaires.es.item[0].text);
});

/** Checks a response against the exported Questionnaire's linkIds and codes. */
function assertLinked(response, q, label) {
  const byLink = new Map(q.item.map((item) => [item.linkId, item]));
  assert.equal(response.questionnaire, `${q.url}|${q.version}`, label);
  for (const item of response.item) {
    const question = byLink.get(item.linkId);
    assert.ok(question, `${label}: ${item.linkId} is a question of the Questionnaire`);
    for (const { valueCoding } of item.answer) {
      assert.ok(
        question.answerOption.some(
          (o) => o.valueCoding.code === valueCoding.code && o.valueCoding.system === valueCoding.system,
        ),
        `${label}: ${item.linkId}=${valueCoding.code} is one of its answer options`,
      );
    }
  }
}

function response(answers, lang, label) {
  const path = join(work, `${label.replace(/[^\w-]/g, '_')}.json`);
  writeFileSync(path, JSON.stringify(answers));
  return JSON.parse(cli('response', FILE, path, lang));
}

test('a QuestionnaireResponse for each answers fixture is valid and linked', () => {
  const dir = 'tests/fixtures/answers';
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  let checked = 0;
  for (const name of files) {
    const answers = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    let resource;
    try {
      resource = response(answers, 'en', name);
    } catch {
      // A fixture the CLI refuses (misspelt codes) has no response to validate.
      continue;
    }
    assert.deepEqual(findings(resource), [], name);
    assertLinked(resource, questionnaires.en, name);
    checked += 1;
  }
  assert.ok(checked >= 3, `validated ${checked} fixture responses`);
});

/** Every outcome the questionnaire file can give: its result rules and its cards. */
function outcomeIds(file) {
  const q = JSON.parse(readFileSync(file, 'utf8'));
  const cards = q.items
    .map((item) => item.redFlag)
    .filter((urgency) => urgency && urgency !== 'soon')
    .map((urgency) => `red-flag-${urgency}`);
  const under18 = q.items.some((item) => item.answerOption?.some((o) => o.under18));
  return new Set([...q.outcomes.map((rule) => rule.id), ...cards, ...(under18 ? ['under-18'] : [])]);
}

/**
 * A spread of real paths: the first to each outcome (`knee-check paths --first`), and
 * every 997th of `knee-check paths` (millions of lines), read as it is written, until
 * `enough` are kept; then the walk is stopped.
 */
async function samplePaths(file, enough) {
  const wanted = outcomeIds(file);
  const byOutcome = new Map();
  const firsts = cli('paths', file, '--first').trim().split('\n');
  firsts.pop(); // the summary line
  for (const line of firsts) {
    const [steps, outcome] = line.split(' -> ');
    byOutcome.set(outcome, [steps]);
  }
  let kept = byOutcome.size;
  const child = spawn('cargo', ['run', '-q', '--bin', 'knee-check', '--', 'paths', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let i = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const [steps, outcome] = line.split(' -> ');
    if (outcome && i % 997 === 0) {
      byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), steps]);
      kept += 1;
    }
    i += 1;
    if (kept >= enough) break;
  }
  // Closing the pipe ends the walk (the CLI stops at a write error); cargo goes too.
  child.stdout.destroy();
  child.kill();
  return { wanted, byOutcome };
}

test('QuestionnaireResponses along real answer paths are valid, one or more per outcome', async () => {
  const { wanted, byOutcome } = await samplePaths(FILE, 20);
  assert.deepEqual([...byOutcome.keys()].sort(), [...wanted].sort(), 'every outcome has a path');
  let checked = 0;
  for (const [outcome, paths] of byOutcome) {
    for (const steps of paths) {
      const answers = Object.fromEntries(
        steps.split(' ').map((step) => {
          const [linkId, codes] = step.split('=');
          return [linkId, codes.split('+')];
        }),
      );
      for (const lang of ['en', 'es']) {
        const resource = response(answers, lang, `${outcome}-${checked}-${lang}`);
        assert.deepEqual(findings(resource), [], `${outcome}: ${steps}`);
        assertLinked(resource, questionnaires[lang], outcome);
        assert.equal(resource.extension.find((e) => e.url === 'urn:knee-check:outcome').valueCode, outcome);
        assert.equal(resource.item.length, steps.split(' ').length, 'every asked question is in the response');
      }
      checked += 1;
    }
  }
  assert.ok(checked >= 20, `validated ${checked} paths`);
});
