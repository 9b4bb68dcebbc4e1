// The engine's verdict on a set of answers, from the native CLI: what the widget shows
// must match what `knee-check score` says for the same answers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
  }
}
