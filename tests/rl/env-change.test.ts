import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { createAgent } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runSteps } from '../../src/rl/fast-loop';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import {
  applyChange,
  applyEnvChange,
  parseRunRecord,
  replayRun,
  type ParamChangeRecord,
  type RunRecord,
} from '../../src/rl/replay';
import { parseEnvChange } from '../../src/rl/env-change';

const SETTINGS: RunRecord['settings'] = {
  map: ['SFFF', 'FHFH', 'FFFH', 'HFFG'],
  isSlippery: true,
  successRate: 1 / 3,
  rewardSchedule: [1, 0, 0],
  maxSteps: 100,
  seed: 5,
  episodes: 10_000,
  frameInterval: 1000,
  params: { ...LESSON_PARAMS },
};

const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer.slice(0)));

/** Changes of rewards and ice at odd moments, mid-episode, with a slider change at the same step. */
const CHANGES: ParamChangeRecord[] = [
  { atStep: 999, params: {}, env: { rewardSchedule: [1, -1, -0.01] } },
  { atStep: 4321, params: { alpha: 0.3 }, env: { successRate: 0.8 } },
  { atStep: 9000, params: {}, env: { successRate: 1, rewardSchedule: [2, -0.5, 0] } },
];

describe('a live change of rewards and success rate', () => {
  it('acts from the next step: the step onto frozen ice after a step cost earns −0.01', () => {
    const agent = createAgent(createEnv({ map: SETTINGS.map, isSlippery: false }), {
      epsilon: 0,
    });
    runSteps(agent, 1); // first-index ties: Left from S stays on S (frozen), reward 0
    expect(agent.last.reward).toBe(0);
    applyEnvChange(agent, { rewardSchedule: [1, 0, -0.01] });
    runSteps(agent, 1);
    expect(agent.last.reward).toBe(-0.01);
    expect(agent.current.return).toBe(-0.01);
  });

  it('keeps Q, ε, the generator and the episode under way', () => {
    const agent = createAgent(createEnv({ map: SETTINGS.map }), LESSON_PARAMS, 3);
    runSteps(agent, 37);
    const before = { q: bits(agent.q), eps: agent.epsilon, rng: [...agent.rng], t: agent.t };
    applyEnvChange(agent, { successRate: 0.8, rewardSchedule: [1, -1, 0] });
    expect(bits(agent.q)).toEqual(before.q);
    expect(agent.epsilon).toBe(before.eps);
    expect([...agent.rng]).toEqual(before.rng);
    expect(agent.t).toBe(before.t);
    expect(agent.env.successRate).toBe(0.8);
    expect(agent.env.rewardSchedule).toEqual([1, -1, 0]);
    expect(agent.env.desc).toEqual(SETTINGS.map);
  });

  it('replays bit for bit: a readable-loop run with changes equals replayRun (fast loop)', () => {
    // tieBreak 'first' sends replayRun through the fast loop; the live run takes the readable one.
    const live = createAgent(
      createEnv({ map: SETTINGS.map, rewardSchedule: SETTINGS.rewardSchedule }),
      SETTINGS.params,
      SETTINGS.seed,
    );
    for (const change of CHANGES) {
      runAlgorithmSteps(live, 'q-learning', change.atStep - live.totalSteps);
      applyChange(live, change);
    }
    runAlgorithmSteps(live, 'q-learning', 20_000 - live.totalSteps);
    const replayed = replayRun({ settings: SETTINGS, changes: CHANGES, totalSteps: 20_000 });
    expect(bits(replayed.q)).toEqual(bits(live.q));
    expect(Array.from(replayed.rng)).toEqual(Array.from(live.rng));
    expect(replayed.episode).toBe(live.episode);
    expect(replayed.env.rewardSchedule).toEqual([2, -0.5, 0]);
    expect(replayed.env.successRate).toBe(1);
  });

  it('changes what is learned: the same record without its changes gives another Q', () => {
    const withChanges = replayRun({ settings: SETTINGS, changes: CHANGES, totalSteps: 20_000 });
    const without = replayRun({ settings: SETTINGS, changes: [], totalSteps: 20_000 });
    expect(bits(withChanges.q)).not.toEqual(bits(without.q));
  });

  it('starts from the settings’ own schedule', () => {
    const costly = replayRun({
      settings: { ...SETTINGS, rewardSchedule: [1, 0, -0.5] },
      changes: [],
      totalSteps: 500,
    });
    expect(Math.min(...costly.q)).toBeLessThan(0);
  });
});

describe('parseEnvChange', () => {
  it('reads a success rate and a schedule', () => {
    expect(parseEnvChange({ successRate: 0.8 })).toEqual({ successRate: 0.8 });
    expect(parseEnvChange({ rewardSchedule: [1, -1, -0.01] })).toEqual({
      rewardSchedule: [1, -1, -0.01],
    });
  });

  it('refuses what is out of range, unknown or empty, naming it', () => {
    expect(parseEnvChange({ successRate: 1.5 })).toBe(
      'Success rate of a move must be from 0 to 1; got 1.5.',
    );
    expect(parseEnvChange({ rewardSchedule: [1, 'x', 0] })).toBe(
      'Reward for a hole must be from -100 to 100; got "x".',
    );
    expect(parseEnvChange({ map: 'x' })).toBe('Unknown setting "map".');
    expect(parseEnvChange({})).toMatch(/changes nothing/);
    expect(parseEnvChange(null)).toMatch(/must be/);
  });
});

describe('parseRunRecord with rewards and environment changes', () => {
  const record = { settings: SETTINGS, changes: CHANGES, totalSteps: 20_000 };

  it('keeps the schedule and the changes, and replays them', () => {
    const parsed = parseRunRecord(JSON.parse(JSON.stringify(record)));
    expect(parsed).toEqual({ ok: true, record });
  });

  it('reads a record made before schedules as Gymnasium’s (1, 0, 0)', () => {
    const old: Partial<RunRecord['settings']> = { ...SETTINGS };
    delete old.rewardSchedule;
    const parsed = parseRunRecord({ settings: old, changes: [], totalSteps: 10 });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.record.settings.rewardSchedule).toBeUndefined();
  });

  it('names a bad schedule and a bad change', () => {
    const parsed = parseRunRecord({
      settings: { ...SETTINGS, rewardSchedule: [1, 0] },
      changes: [{ atStep: 3, params: {}, env: { successRate: -1 } }],
      totalSteps: 10,
    });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        '"settings.rewardSchedule": Rewards (goal, hole, frozen) must be three numbers such as 1,-1,-0.01; got a list.',
        '"changes[0].env": Success rate of a move must be from 0 to 1; got -1.',
      ],
    });
  });
});
