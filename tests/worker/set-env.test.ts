import { describe, expect, it } from 'vitest';
import { LESSON_PARAMS } from '../../src/rl/params';
import { replayRun, type RunRecord } from '../../src/rl/replay';
import { bestSuccessWithin, evaluateGreedy, valueIteration } from '../../src/rl/evaluation';
import { createEnv } from '../../src/rl/env';
import type { RunSettings, Snapshot, TrainerCommand } from '../../src/worker/protocol';
import { parseCommand } from '../../src/worker/parse-command';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint } from './fake-endpoint';

const MAP = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];
const SETTINGS: RunSettings = {
  map: MAP,
  isSlippery: true,
  successRate: 1 / 3,
  maxSteps: 100,
  seed: 7,
  episodes: 100_000,
  frameInterval: 1000,
  params: { ...LESSON_PARAMS },
};

const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));

/** A trainer on a fake port whose clock moves 1 ms per read: 3 ms slices of 100-step chunks. */
function started(settings: RunSettings = SETTINGS) {
  const port = createFakeEndpoint(1000, 1);
  const trainer = createTrainer(port, { chunkSteps: 100, sliceMs: 3 });
  const send = (command: TrainerCommand) => trainer.handle(command);
  send({ type: 'init', settings });
  const snap = (): Snapshot => {
    send({ type: 'request-snapshot' });
    return port.snapshots().at(-1)!;
  };
  return { port, send, snap };
}

describe('set-env: rewards and success rate, live', () => {
  it('acts at the next step: after a step cost, a step onto frozen ice reads r = −0.01', () => {
    // ε = 0 and Q = 0: the first of the tied actions, Left, from S into the wall: S again (frozen).
    const { port, send, snap } = started({
      ...SETTINGS,
      isSlippery: false,
      params: { ...LESSON_PARAMS, epsilon: 0 },
    });
    send({ type: 'step' });
    expect(snap().last!.reward).toBe(0);
    send({ type: 'set-env', change: { rewardSchedule: [1, 0, -0.01] } });
    const [applied] = port.events('params-applied');
    expect(applied!.change).toEqual({
      atStep: 1,
      params: {},
      env: { rewardSchedule: [1, 0, -0.01] },
    });
    send({ type: 'step' });
    const s = snap();
    expect(s.last!.reward).toBe(-0.01);
    expect(s.last!.tdTarget).toBe(-0.01); // Q = 0 everywhere: r + γ·0
  });

  it('posts the optimum of the changed environment (value iteration on the new table)', () => {
    const { port, send } = started();
    send({ type: 'set-env', change: { successRate: 0.8, rewardSchedule: [1, -1, -0.01] } });
    const optimum = port.events('optimum').at(-1)!.optimum;
    const expected = valueIteration(
      createEnv({ map: MAP, successRate: 0.8, rewardSchedule: [1, -1, -0.01] }),
      LESSON_PARAMS.gamma,
    );
    expect(bits(optimum.q)).toEqual(bits(expected.q));
    expect(optimum.bestWithinLimit).toBe(
      bestSuccessWithin(createEnv({ map: MAP, successRate: 0.8 }), 100),
    );
  });

  it('refuses a bad change with a message and changes nothing', () => {
    const { port, send } = started();
    send({ type: 'set-env', change: { successRate: 2 } });
    send({ type: 'set-env', change: { rewardSchedule: [1, 0] } as never });
    expect(port.events('error').map((e) => e.message)).toEqual([
      'Success rate of a move must be from 0 to 1; got 2.',
      'Rewards (goal, hole, frozen) must be three numbers such as 1,-1,-0.01; got a list.',
    ]);
    expect(port.events('params-applied')).toHaveLength(0);
  });

  it('a run with changes mid-run, during Play, replays bit for bit from its record', () => {
    const { port, send, snap } = started();
    send({ type: 'play' });
    port.advance(30);
    send({ type: 'set-env', change: { rewardSchedule: [1, -1, -0.01] } });
    port.advance(30);
    send({ type: 'set-params', params: { alpha: 0.3 } });
    send({ type: 'set-env', change: { successRate: 0.8 } });
    port.advance(30);
    send({ type: 'pause' });
    const s = snap();
    const changes = port.events('params-applied').map((e) => e.change);
    expect(changes.filter((c) => c.env)).toHaveLength(2);
    const record: RunRecord = { settings: SETTINGS, changes, totalSteps: s.totalSteps };
    expect(s.totalSteps).toBeGreaterThan(changes.at(-1)!.atStep);
    expect(bits(s.q)).toEqual(bits(replayRun(record).q));

    // And the worker's own replay of that record stands on the same Q, with the same changes.
    const again = started();
    again.send({ type: 'replay', record: JSON.parse(JSON.stringify(record)) as RunRecord });
    again.port.runAll(10_000);
    const ready = again.port.events('ready').at(-1)!;
    expect(ready.record.changes).toEqual(changes);
    expect(ready.settings.successRate).toBe(0.8);
    expect(ready.settings.rewardSchedule).toEqual([1, -1, -0.01]);
    expect(bits(again.snap().q)).toEqual(bits(s.q));
  });

  it('starts a run on the settings’ own schedule', () => {
    const { port, send, snap } = started({
      ...SETTINGS,
      isSlippery: false,
      rewardSchedule: [1, 0, -0.5],
    });
    expect(port.events('ready')[0]!.env.rewardSchedule).toEqual([1, 0, -0.5]);
    send({ type: 'step' });
    expect(snap().last!.reward).toBe(-0.5);
  });
});

describe('parseCommand: set-env', () => {
  it('takes a change object, leaving its values to the trainer', () => {
    expect(parseCommand({ type: 'set-env', change: { successRate: 0.5 } })).toEqual({
      ok: true,
      command: { type: 'set-env', change: { successRate: 0.5 } },
    });
    expect(parseCommand({ type: 'set-env', change: 3 })).toEqual({
      ok: false,
      error: 'Bad command: "set-env" needs a change object; got number.',
    });
  });

  it('refuses settings whose schedule is not a list', () => {
    const parsed = parseCommand({ type: 'init', settings: { ...SETTINGS, rewardSchedule: 'x' } });
    expect(parsed.ok).toBe(false);
  });
});

describe('the snapshot’s exact expected return', () => {
  it('is the greedy policy’s, under the schedule in force', () => {
    const { send, snap } = started({ ...SETTINGS, rewardSchedule: [1, -1, -0.01] });
    send({ type: 'step-episode' });
    const s = snap();
    const env = createEnv({ map: MAP, rewardSchedule: [1, -1, -0.01] });
    expect(s.greedyReturn).toBe(evaluateGreedy(env, s.q).expectedReturn);
    expect(s.greedyReturn).toBeLessThan(0);
  });
});
