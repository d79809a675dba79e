import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { createAgent } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runSteps } from '../../src/rl/fast-loop';
import { applyParamChange, parseRunRecord, replayRun, type RunRecord } from '../../src/rl/replay';

const SETTINGS: RunRecord['settings'] = {
  map: ['SFFF', 'FHFH', 'FFFH', 'HFFG'],
  isSlippery: true,
  successRate: 1 / 3,
  maxSteps: 100,
  seed: 11,
  episodes: 10_000,
  frameInterval: 1000,
  params: { ...LESSON_PARAMS },
};

const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer.slice(0)));

describe('replayRun', () => {
  it('reproduces a run with live changes bit for bit', () => {
    const env = createEnv({ map: SETTINGS.map });
    const live = createAgent(env, SETTINGS.params, SETTINGS.seed);
    const changes: RunRecord['changes'] = [];
    // Changes at odd moments, mid-episode, as a teacher dragging sliders would make them.
    for (const [atStep, params] of [
      [1234, { alpha: 0.5 }],
      [1234, { gamma: 0.9 }],
      [20_001, { epsilon: 0.3, epsilonDecay: 0.00002 }],
      [77_777, { alpha: 0.05, tieBreak: 'random' as const }],
    ] as const) {
      runSteps(live, atStep - live.totalSteps);
      applyParamChange(live, params);
      changes.push({ atStep, params });
    }
    runSteps(live, 150_000 - live.totalSteps);
    const replayed = replayRun({ settings: SETTINGS, changes, totalSteps: 150_000 });
    expect(bits(replayed.q)).toEqual(bits(live.q));
    expect(replayed.epsilon).toBe(live.epsilon);
    expect(replayed.episode).toBe(live.episode);
    expect(Array.from(replayed.rng)).toEqual(Array.from(live.rng));
    expect(Array.from(replayed.previous.codes.slice(0, replayed.previous.length))).toEqual(
      Array.from(live.previous.codes.slice(0, live.previous.length)),
    );
  });

  it('without changes equals a plain run of the same length', () => {
    const env = createEnv({ map: SETTINGS.map });
    const plain = createAgent(env, SETTINGS.params, SETTINGS.seed);
    runSteps(plain, 5000);
    expect(bits(replayRun({ settings: SETTINGS, changes: [], totalSteps: 5000 }).q)).toEqual(
      bits(plain.q),
    );
  });
});

describe('parseRunRecord', () => {
  const good = {
    settings: SETTINGS,
    changes: [{ atStep: 10, params: { alpha: 0.2 } }],
    totalSteps: 50,
  };

  it('accepts an exported record (after a JSON round trip)', () => {
    const parsed = parseRunRecord(JSON.parse(JSON.stringify(good)));
    expect(parsed).toEqual({ ok: true, record: good });
  });

  it('names every bad field', () => {
    const bad = {
      settings: {
        ...SETTINGS,
        map: ['SFFF', 'FHFH', 'FFFH', 'HFFF'],
        seed: -1,
        params: { ...SETTINGS.params, alpha: 2 },
      },
      changes: [
        { atStep: 5, params: { gamma: 'x' } },
        { atStep: 2, params: {} },
      ],
      totalSteps: 1.5,
    };
    const parsed = parseRunRecord(bad);
    expect(parsed.ok).toBe(false);
    const text = parsed.ok ? '' : parsed.errors.join('\n');
    expect(text).toMatch(/settings\.seed/);
    expect(text).toMatch(/Learning rate α/);
    expect(text).toMatch(/changes\[0\].*Discount γ/);
    expect(text).toMatch(/changes\[1\]\.atStep.*step order/);
    expect(text).toMatch(/totalSteps/);
  });

  it('reports a map without a goal with the core message', () => {
    const parsed = parseRunRecord({ ...good, settings: { ...SETTINGS, map: ['SF', 'FF'] } });
    expect(parsed.ok ? '' : parsed.errors.join(' ')).toMatch(/no goal/);
  });

  it('refuses what is not a record at all', () => {
    for (const x of [null, 3, 'run', [], { settings: 1 }]) expect(parseRunRecord(x).ok).toBe(false);
  });
});
