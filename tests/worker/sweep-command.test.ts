/**
 * The sweep worker's reading of a `run-job` message, field by field (`parseSweepCommand`), and
 * the handler's answers to a refused one: which sweep and job it names, which check's words it
 * sends. Small jobs on a 2x2 map, so each case takes milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_PARAMS } from '../../src/rl/params';
import { seedCurve } from '../../src/rl/seed-curve';
import { runSweepJob, sweepEnv } from '../../src/rl/sweep';
import { createSweepHandler, parseSweepCommand } from '../../src/worker/sweep-handler';
import type { SweepEvent } from '../../src/worker/sweep-protocol';

const ENV = { map: ['SF', 'FG'], isSlippery: false, successRate: 1 / 3, maxSteps: 20 };
const JOB = { id: 9, settingIndex: 2, seed: 4, params: { ...LESSON_PARAMS }, episodes: 30 };
const MESSAGE = { type: 'run-job', sweepId: 6, env: ENV, job: JOB };

const ENV_SHAPE =
  'A "run-job" message needs env = { map: rows, isSlippery, successRate, maxSteps }.';
const JOB_SHAPE = 'A "run-job" message needs job = { id, settingIndex, seed, params, episodes }.';

/** The handler with a clock that moves 3 ms per read; `send` returns what one message got. */
function handler() {
  const posted: SweepEvent[] = [];
  let time = 100;
  const h = createSweepHandler({ post: (e) => posted.push(e), now: () => (time += 3) });
  return {
    send(message: unknown): SweepEvent[] {
      posted.length = 0;
      h.handle(message);
      return [...posted];
    },
  };
}

describe('parseSweepCommand: the shape of a run-job message', () => {
  it('refuses anything but a run-job record', () => {
    const only = 'A sweep worker only takes "run-job" messages.';
    expect(parseSweepCommand(null)).toBe(only);
    expect(parseSweepCommand([MESSAGE])).toBe(only);
    expect(parseSweepCommand({ ...MESSAGE, type: 'run' })).toBe(only);
  });

  it('needs a numeric sweepId', () => {
    expect(parseSweepCommand({ ...MESSAGE, sweepId: '6' })).toBe(
      'A "run-job" message needs a numeric sweepId.',
    );
  });

  it('names the env fields when any one of them is missing or of the wrong type', () => {
    const bad = [
      'SFFG',
      { ...ENV, map: 'SF' },
      { ...ENV, map: ['SF', 7] },
      { ...ENV, isSlippery: 1 },
      { ...ENV, successRate: '1/3' },
      { ...ENV, maxSteps: null },
    ];
    for (const env of bad) expect(parseSweepCommand({ ...MESSAGE, env })).toBe(ENV_SHAPE);
  });

  it('names the job fields when any one of them is missing or of the wrong type', () => {
    const bad = [
      7,
      { ...JOB, id: '9' },
      { ...JOB, settingIndex: undefined },
      { ...JOB, seed: '4' },
      { ...JOB, episodes: [30] },
      { ...JOB, params: 'lesson' },
    ];
    for (const job of bad) expect(parseSweepCommand({ ...MESSAGE, job })).toBe(JOB_SHAPE);
  });

  it('returns copies of the map and the params, and no checkpoints key for a plain job', () => {
    const message = structuredClone(MESSAGE);
    const command = parseSweepCommand(message);
    if (typeof command === 'string') throw new Error(command);
    expect(command).toEqual({ type: 'run-job', sweepId: 6, env: ENV, job: JOB });
    expect('checkpoints' in command).toBe(false);
    expect('rewardSchedule' in command.env).toBe(false);
    message.env.map[0] = 'HH';
    message.job.params.alpha = 0.9;
    expect(command.env.map).toEqual(['SF', 'FG']);
    expect(command.job.params.alpha).toBe(LESSON_PARAMS.alpha);
  });

  it('passes a reward schedule on only when it is an array (its values are checked later)', () => {
    const schedule = [1, 0, 0];
    const withSchedule = parseSweepCommand({
      ...MESSAGE,
      env: { ...ENV, rewardSchedule: schedule },
    });
    if (typeof withSchedule === 'string') throw new Error(withSchedule);
    expect(withSchedule.env.rewardSchedule).toEqual(schedule);
    expect(withSchedule.env.rewardSchedule).not.toBe(schedule);
    const notArray = parseSweepCommand({ ...MESSAGE, env: { ...ENV, rewardSchedule: 'x' } });
    if (typeof notArray === 'string') throw new Error(notArray);
    expect('rewardSchedule' in notArray.env).toBe(false);
  });

  it("copies a band's checkpoints, and refuses ones that are not numbers", () => {
    const checkpoints = [10, 30];
    const command = parseSweepCommand({ ...MESSAGE, checkpoints });
    if (typeof command === 'string') throw new Error(command);
    expect(command).toEqual({ type: 'run-job', sweepId: 6, env: ENV, job: JOB, checkpoints });
    expect(command.checkpoints).not.toBe(checkpoints);
    const needs = 'A band\'s "run-job" message needs checkpoints = [episode counts].';
    expect(parseSweepCommand({ ...MESSAGE, checkpoints: null })).toBe(needs);
    expect(parseSweepCommand({ ...MESSAGE, checkpoints: [10, '30'] })).toBe(needs);
  });
});

describe('the sweep handler: what a refusal names', () => {
  it('a malformed message names its sweep and job when it has numeric ones, else −1', () => {
    const h = handler();
    expect(h.send({ ...MESSAGE, env: 'x' })).toEqual([
      { type: 'job-failed', sweepId: 6, jobId: 9, message: ENV_SHAPE },
    ]);
    expect(h.send({ ...MESSAGE, sweepId: 'six', job: { ...JOB, id: 'nine' } })).toEqual([
      {
        type: 'job-failed',
        sweepId: -1,
        jobId: -1,
        message: 'A "run-job" message needs a numeric sweepId.',
      },
    ]);
    expect(h.send({ ...MESSAGE, job: 'x' })).toMatchObject([{ sweepId: 6, jobId: -1 }]);
    expect(h.send('x')).toMatchObject([{ sweepId: -1, jobId: -1 }]);
  });

  it("names the job's missing params, all of them, before any range check", () => {
    const [event] = handler().send({
      ...MESSAGE,
      job: { ...JOB, episodes: 0, params: { alpha: 0.5, epsilon: 1 } },
    });
    expect(event).toEqual({
      type: 'job-failed',
      sweepId: 6,
      jobId: 9,
      message: "The job's params are missing gamma, epsilonDecay, minEpsilon, tieBreak.",
    });
  });

  it('a job whose values are refused gets those words only, not the checkpoint rule too', () => {
    const [event] = handler().send({
      ...MESSAGE,
      job: { ...JOB, episodes: 0 },
      checkpoints: [5, 3],
    });
    expect(event).toEqual({
      type: 'job-failed',
      sweepId: 6,
      jobId: 9,
      message: 'Episodes must be a whole number from 1 to 100000000; got 0.',
    });
  });

  it('checkpoints from 1 are accepted; a first checkpoint of 0 or a negative one is not', () => {
    const h = handler();
    expect(h.send({ ...MESSAGE, checkpoints: [1, 30] })[0]?.type).toBe('band-done');
    expect(h.send({ ...MESSAGE, checkpoints: [30] })[0]?.type).toBe('band-done');
    expect(h.send({ ...MESSAGE, checkpoints: [-1, 30] })[0]?.type).toBe('job-failed');
    expect(h.send({ ...MESSAGE, checkpoints: [30, 30] })[0]?.type).toBe('job-failed');
  });

  it('accepts exactly BAND_CHECKPOINTS (25) checkpoints', () => {
    const checkpoints = Array.from({ length: 25 }, (_, i) => i + 6);
    const [event] = handler().send({ ...MESSAGE, checkpoints });
    expect(event).toEqual({
      type: 'band-done',
      sweepId: 6,
      jobId: 9,
      curve: seedCurve(sweepEnv(ENV), { ...LESSON_PARAMS }, 4, checkpoints),
    });
  });
});

describe('the sweep handler: the checkpoint rule and several reasons', () => {
  const RULE =
    "A band's checkpoints must be 1 to 25 whole episode counts, ascending, the last one the job's 30 episodes.";
  const refusal = (checkpoints: number[]) =>
    handler().send({ ...MESSAGE, checkpoints })[0] as Extract<SweepEvent, { type: 'job-failed' }>;

  it('refuses no checkpoints, 26 of them, or a last one short of the episodes, in its words', () => {
    expect(refusal([])).toEqual({ type: 'job-failed', sweepId: 6, jobId: 9, message: RULE });
    expect(refusal(Array.from({ length: 26 }, (_, i) => i + 5)).message).toBe(RULE);
    expect(refusal([10, 20]).message).toBe(RULE);
  });

  it('names every reason once, separated by a space', () => {
    const [event] = handler().send({
      ...MESSAGE,
      job: { ...JOB, episodes: 0, params: { ...LESSON_PARAMS, gamma: 2 } },
    });
    // γ = 2 is refused by both the parameter check and the sweep check: said once.
    expect(event).toEqual({
      type: 'job-failed',
      sweepId: 6,
      jobId: 9,
      message:
        'Discount γ must be from 0 to 1; got 2. Episodes must be a whole number from 1 to 100000000; got 0.',
    });
  });
});

describe('the sweep handler: what it answers', () => {
  it("a plain job: the core's result, timed between two reads of the clock", () => {
    const [event] = handler().send(MESSAGE);
    expect(event).toEqual({
      type: 'job-done',
      sweepId: 6,
      result: { ...runSweepJob(sweepEnv(ENV), JOB), ms: 3 },
    });
  });

  it("a job on a reward schedule of its own: the core's result in that environment", () => {
    const env = { ...ENV, rewardSchedule: [2, -1, -0.5] as const };
    const [event] = handler().send({ ...MESSAGE, env });
    const own = { ...runSweepJob(sweepEnv(env), JOB), ms: 3 };
    expect(event).toEqual({ type: 'job-done', sweepId: 6, result: own });
    expect(own).not.toEqual({ ...runSweepJob(sweepEnv(ENV), JOB), ms: 3 });
  });
});
