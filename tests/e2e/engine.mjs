// The engine's verdicts from the native CLI: what the widget shows must match what
// `knee-check score` says for the same answers, and what the questionnaire check page
// lists must match what `knee-check validate` says of the same file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `knee-check score questionnaires/knee-or-back.json ANSWERS` and returns its report. */
export function scoreWithCli(answers) {
  const dir = mkdtempSync(join(tmpdir(), 'kc-answers-'));
  const file = join(dir, 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  try {
    const out = execFileSync(
      'cargo',
      ['run', '-q', '--bin', 'knee-check', '--', 'score', 'questionnaires/knee-or-back.json', file],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return JSON.parse(out);
  } catch (error) {
    throw new Error(`knee-check score failed for ${JSON.stringify(answers)}:\n${error.stderr || error.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `knee-check validate FILE` and returns its problems, one line each (none for a
 *  sound file). */
export function validateWithCli(file) {
  let out;
  try {
    out = execFileSync('cargo', ['run', '-q', '--bin', 'knee-check', '--', 'validate', file], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // Exit status 1: the file has problems, listed on stderr after a first line.
    if (error.status !== 1) throw new Error(`knee-check validate failed for ${file}:\n${error.stderr || error.message}`);
    out = error.stderr;
  }
  return out.split('\n').slice(1).filter(Boolean);
}
