/**
 * The learner's flags on `train` (and `compare`): each read into `LearnerOptions`, each bad value
 * refused naming its flag, and a run from the command line gives the core's numbers bit for bit.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/cli';
import { trainRequest } from '../../scripts/train-flags';
import { DEFAULT_LEARNER_OPTIONS } from '../../src/rl/learner-values';
import { qRows } from '../../src/rl/tables';
import { trainAlgorithm } from '../../src/rl/training';

const SLOW = 60_000;

function refusal(argv: string[]): string {
  try {
    trainRequest(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('the learner flags', () => {
  it('default to the lesson’s learner', () => {
    expect(trainRequest([]).options).toEqual(DEFAULT_LEARNER_OPTIONS);
  });

  it('read every option', () => {
    const r = trainRequest([
      '--algorithm=q-lambda',
      '--exploration',
      'softmax',
      '--temperature',
      '0.2',
      '--ucb-c',
      '2',
      '--initial-q',
      '1',
      '--alpha-schedule',
      'visits',
      '--lambda',
      '0.5',
      '--traces',
      'accumulating',
      '--planning-steps',
      '10',
      '--first-visit',
    ]);
    expect(r.algorithm).toBe('q-lambda');
    expect(r.options).toEqual({
      exploration: 'softmax',
      temperature: 0.2,
      ucbC: 2,
      initialQ: 1,
      alphaSchedule: 'visits',
      lambda: 0.5,
      traces: 'accumulating',
      planningSteps: 10,
      firstVisit: true,
    });
  });

  it('refuse bad values, naming the flag', () => {
    expect(refusal(['--exploration', 'greedy'])).toBe(
      '--exploration must be epsilon-greedy or softmax or ucb; got "greedy".',
    );
    expect(refusal(['--traces', 'both'])).toMatch(/^--traces must be replacing or accumulating/);
    expect(refusal(['--alpha-schedule', '1/n'])).toMatch(/^--alpha-schedule must be constant/);
    expect(refusal(['--temperature', '0'])).toMatch(/^--temperature "0": Temperature τ must be/);
    expect(refusal(['--lambda', '1.5'])).toMatch(/^--lambda "1.5": Trace decay λ must be/);
    expect(refusal(['--planning-steps', '2.5'])).toMatch(/^--planning-steps "2.5": Planning/);
    expect(refusal(['--ucb-c', '-1'])).toMatch(/^--ucb-c "-1": UCB constant c must be/);
    expect(refusal(['--initial-q', 'high'])).toMatch(/^--initial-q "high": Initial Q must be/);
    expect(refusal(['--algorithm', 'td-lambda'])).toMatch(/monte-carlo; got "td-lambda"/);
  });

  it(
    'train --algorithm dyna-q from the command line is the core’s run bit for bit',
    () => {
      const args = ['--algorithm', 'dyna-q', '--planning-steps', '3', '--episodes', '300'];
      const r = spawnSync('npx', ['tsx', 'scripts/train.ts', ...args, '--seed', '4', '--json'], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { q: number[][]; planningUpdates: number };
      const { env, params, options } = trainRequest(args);
      const agent = trainAlgorithm(env, 'dyna-q', params, 4, 300, options);
      expect(out.q).toEqual(qRows(agent.q));
      expect(out.planningUpdates).toBe(agent.totalSteps * 3);
      const bad = spawnSync('npx', ['tsx', 'scripts/train.ts', '--traces', 'both'], {
        encoding: 'utf8',
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    },
    SLOW,
  );
});
