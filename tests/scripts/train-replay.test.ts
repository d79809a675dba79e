/**
 * `npm run -s train -- --replay FILE` trains along an exported run record of the lab, with its
 * algorithm, options and changes: the same Q bit for bit as the core's `replayRun` (and so as the
 * worker's). A bad record or a flag beside it is one line on stderr, exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/cli';
import { trainRequest } from '../../scripts/train-flags';
import { readRecord } from '../../scripts/train-replay';
import { replayRun } from '../../src/rl/replay';
import { algorithmRecord } from '../rl/algorithm-record';

// Starts Node and tsx: allow for a busy machine.
const SLOW = 60_000;

function train(args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/train.ts', ...args], { encoding: 'utf8' });
}

describe('train --replay', () => {
  it(
    'prints the record replayed: the algorithm, and Q bit for bit as replayRun',
    () => {
      const record = algorithmRecord('sarsa-lambda');
      const file = join(mkdtempSync(join(tmpdir(), 'replay-')), 'run.json');
      writeFileSync(file, JSON.stringify(record));
      const r = train(['--replay', file, '--json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as {
        algorithm: string;
        steps: number;
        q: number[][];
        epsilon: number;
      };
      const core = replayRun(record);
      expect(out.algorithm).toBe('sarsa-lambda');
      expect(out.steps).toBe(record.totalSteps);
      expect(out.epsilon).toBe(core.epsilon);
      // JSON writes each double's shortest text, which reads back as the same double.
      expect(out.q.flat()).toEqual(Array.from(core.q));
    },
    SLOW,
  );

  it(
    'refuses a bad record in one line, exit 2',
    () => {
      const file = join(mkdtempSync(join(tmpdir(), 'replay-')), 'bad.json');
      const record = { ...algorithmRecord('dyna-q'), totalSteps: -1 };
      writeFileSync(file, JSON.stringify(record));
      const r = train(['--replay', file]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`--replay ${file}: "totalSteps" must be a whole number`);
    },
    SLOW,
  );

  it('refuses training flags beside it, and text that is not a record', () => {
    expect(() =>
      trainRequest(['--replay', 'run.json', '--seed', '3', '--algorithm', 'sarsa']),
    ).toThrow(
      new UsageError('--replay takes every setting from the record; drop --seed --algorithm.'),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'replay-')), 'run.json');
    writeFileSync(file, JSON.stringify(algorithmRecord('q-lambda')));
    expect(trainRequest(['--replay', file, '--json']).replay).toEqual(algorithmRecord('q-lambda'));
    expect(() => trainRequest(['--replay', join(file, 'missing')])).toThrow(
      /^--replay .*missing: cannot read it/,
    );
    expect(() => readRecord('{"settings": 1}', 'x.json')).toThrow(
      new UsageError('--replay x.json: "settings" is missing or not an object.'),
    );
    expect(() => readRecord('nope', 'x.json')).toThrow(/^--replay x\.json: not JSON/);
  });
});
