/**
 * `parseRunRecord` field by field: each refusal's words, the map given by name, on one line or
 * as a single row, the step bounds of changes and of `totalSteps` (0 and `MAX_REPLAY_STEPS`
 * allowed, one past refused), and `copyChange` / `settingsAgent`.
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS, type QParams } from '../../src/rl/params';
import {
  copyChange,
  MAX_REPLAY_STEPS,
  parseRunRecord,
  replayRun,
  type ParamChangeRecord,
  type RunRecord,
} from '../../src/rl/replay';

const SETTINGS: RunRecord['settings'] = {
  map: [...MAPS['4x4']],
  isSlippery: true,
  successRate: 1 / 3,
  maxSteps: 100,
  seed: 3,
  episodes: 1_000,
  frameInterval: 100,
  params: { ...LESSON_PARAMS },
};

/** A record of `SETTINGS` with `settings` fields and top-level fields replaced. */
function recordWith(
  settings: Record<string, unknown>,
  top: Record<string, unknown> = {},
): Record<string, unknown> {
  return { settings: { ...SETTINGS, ...settings }, changes: [], totalSteps: 10, ...top };
}

/** The errors of a refused record (fails the test if it was accepted). */
function errorsOf(data: unknown): string[] {
  const parsed = parseRunRecord(data);
  if (parsed.ok) throw new Error('expected the record to be refused');
  return parsed.errors;
}

/** The record of an accepted one (fails the test if it was refused). */
function recordOf(data: unknown): RunRecord {
  const parsed = parseRunRecord(data);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.record;
}

describe('parseRunRecord, what is not a record', () => {
  it('says a non-object is not a run record, and a record without settings has none', () => {
    expect(errorsOf('run')).toEqual(['The file is not a run record (a JSON object).']);
    expect(errorsOf({ changes: [], totalSteps: 0 })).toEqual([
      '"settings" is missing or not an object.',
    ]);
  });
});

describe('parseRunRecord, the map', () => {
  it('reads a named map as its rows', () => {
    expect(recordOf(recordWith({ map: '8x8' })).settings.map).toEqual([...MAPS['8x8']]);
  });

  it('reads a map written on one line', () => {
    expect(recordOf(recordWith({ map: 'sf,fg' })).settings.map).toEqual(['SF', 'FG']);
  });

  it('reads a map of one row as rows, not as a map name', () => {
    expect(recordOf(recordWith({ map: ['SFG'] })).settings.map).toEqual(['SFG']);
  });

  it('reads a list of one map name as that map, not as a row', () => {
    expect(recordOf(recordWith({ map: ['8x8'] })).settings.map).toEqual([...MAPS['8x8']]);
  });

  it('reads a map name among several rows as a bad row', () => {
    expect(errorsOf(recordWith({ map: ['4x4', 'SFFF'] }))).toEqual([
      '"settings.map": Unknown tile "4" at row 1, column 1: use S (start), F (frozen), H (hole) or G (goal).',
    ]);
  });

  it('refuses rows that are not all strings, and a map that is neither rows nor text', () => {
    for (const map of [['SF', 3], 7, null])
      expect(errorsOf(recordWith({ map }))).toEqual([
        '"settings.map" must be rows of S, F, H and G.',
      ]);
  });

  it('checks the map’s rules only once the other fields are good', () => {
    expect(errorsOf(recordWith({ map: ['SF', 'FF'], seed: -1 }))).toEqual([
      expect.stringMatching(/^"settings\.seed": Seed must be /),
    ]);
  });
});

describe('parseRunRecord, settings', () => {
  it('names a slippery switch that is not true or false', () => {
    expect(errorsOf(recordWith({ isSlippery: 'yes' }))).toEqual([
      '"settings.isSlippery": Slippery ice must be true or false; got "yes".',
    ]);
  });

  it('refuses params that are not an object, and names the missing ones', () => {
    expect(errorsOf(recordWith({ params: 3 }))).toEqual(['"settings.params" must be an object.']);
    const partial: Partial<QParams> = { ...LESSON_PARAMS };
    delete partial.gamma;
    delete partial.tieBreak;
    expect(errorsOf(recordWith({ params: partial }))).toEqual([
      '"settings.params" is missing gamma, tieBreak.',
    ]);
  });

  it('refuses a learner that is not an object', () => {
    for (const learner of [3, [], null])
      expect(errorsOf(recordWith({ learner }))).toEqual([
        '"settings.learner" must be an object (it may be empty).',
      ]);
  });
});

describe('parseRunRecord, changes', () => {
  it('refuses changes that are not a list', () => {
    expect(errorsOf(recordWith({}, { changes: {} }))).toEqual([
      '"changes" must be a list (it may be empty).',
    ]);
  });

  it('refuses a change without an object, its params or a numeric step', () => {
    for (const change of [5, { atStep: 1 }, { atStep: 1, params: [] }, { atStep: '1', params: {} }])
      expect(errorsOf(recordWith({}, { changes: [change] }))).toEqual([
        '"changes[0]" must be { "atStep": number, "params": {…} }.',
      ]);
  });

  it('accepts two changes at one step and a change at MAX_REPLAY_STEPS, not one past it', () => {
    const at = (atStep: number) => ({ atStep, params: {} });
    expect(
      recordOf(
        recordWith(
          {},
          { changes: [at(4), at(4), at(MAX_REPLAY_STEPS)], totalSteps: MAX_REPLAY_STEPS },
        ),
      ).changes,
    ).toHaveLength(3);
    expect(
      errorsOf(
        recordWith({}, { changes: [at(MAX_REPLAY_STEPS + 1)], totalSteps: MAX_REPLAY_STEPS }),
      ),
    ).toEqual([
      `"changes[0].atStep" must be a whole number, in step order; got ${MAX_REPLAY_STEPS + 1}.`,
      '"changes" go past "totalSteps".',
    ]);
  });

  it('refuses a live learner change that is not an object', () => {
    expect(
      errorsOf(recordWith({}, { changes: [{ atStep: 1, params: {}, learner: 'fast' }] })),
    ).toEqual(['"changes[0].learner" must be an object.']);
  });

  it('keeps an environment change, and adds no env field to a change without one', () => {
    const changes = recordOf(
      recordWith(
        {},
        {
          changes: [
            { atStep: 1, params: {} },
            { atStep: 2, params: {}, env: { successRate: 0.5 } },
          ],
        },
      ),
    ).changes;
    expect('env' in changes[0]!).toBe(false);
    expect(changes[1]!.env).toEqual({ successRate: 0.5 });
  });

  it('refuses changes after the last step, not one at it', () => {
    const at = (atStep: number) => ({ atStep, params: {} });
    expect(recordOf(recordWith({}, { changes: [at(10)], totalSteps: 10 })).totalSteps).toBe(10);
    expect(errorsOf(recordWith({}, { changes: [at(11)], totalSteps: 10 }))).toEqual([
      '"changes" go past "totalSteps".',
    ]);
  });
});

describe('parseRunRecord, totalSteps', () => {
  const message = `"totalSteps" must be a whole number from 0 to ${MAX_REPLAY_STEPS}.`;

  it('accepts 0 and MAX_REPLAY_STEPS', () => {
    expect(recordOf(recordWith({}, { totalSteps: 0 })).totalSteps).toBe(0);
    expect(recordOf(recordWith({}, { totalSteps: MAX_REPLAY_STEPS })).totalSteps).toBe(
      MAX_REPLAY_STEPS,
    );
  });

  it('refuses text, a fraction, a negative count and one past MAX_REPLAY_STEPS', () => {
    for (const totalSteps of ['5', 1.5, -1, MAX_REPLAY_STEPS + 1])
      expect({ totalSteps, errors: errorsOf(recordWith({}, { totalSteps })) }).toEqual({
        totalSteps,
        errors: [message],
      });
  });
});

describe('copyChange', () => {
  it('copies a change’s params, learner and environment parts into fresh objects', () => {
    const change: ParamChangeRecord = {
      atStep: 7,
      params: { alpha: 0.3 },
      learner: { lambda: 0.5 },
      env: { successRate: 0.5, rewardSchedule: [1, -1, 0] },
    };
    const copy = copyChange(change);
    expect(copy).toEqual(change);
    expect(copy.params).not.toBe(change.params);
    expect(copy.learner).not.toBe(change.learner);
    expect(copy.env).not.toBe(change.env);
    expect(copy.env!.rewardSchedule).not.toBe(change.env!.rewardSchedule);
  });

  it('copies the params of a change without an environment part', () => {
    const change: ParamChangeRecord = { atStep: 2, params: { gamma: 0.9 } };
    const copy = copyChange(change);
    expect(copy).toStrictEqual(change);
    expect(copy.params).not.toBe(change.params);
  });

  it('adds no field a change does not have', () => {
    expect(copyChange({ atStep: 1, params: {} })).toStrictEqual({ atStep: 1, params: {} });
    expect(copyChange({ atStep: 1, params: {}, env: { successRate: 0.2 } })).toStrictEqual({
      atStep: 1,
      params: {},
      env: { successRate: 0.2 },
    });
    expect(copyChange({ atStep: 1, params: {}, env: { rewardSchedule: [1, 0, 0] } })).toStrictEqual(
      { atStep: 1, params: {}, env: { rewardSchedule: [1, 0, 0] } },
    );
  });
});

describe('replayRun with hyperparameters other than the lesson’s', () => {
  it('starts from the record’s own α, γ and ε', () => {
    const settings = {
      ...SETTINGS,
      params: { ...LESSON_PARAMS, alpha: 0.5, gamma: 0.9, epsilon: 0.5 },
    };
    const live = createAgent(createEnv({ map: settings.map }), settings.params, settings.seed);
    runSteps(live, 3_000);
    const replayed = replayRun({ settings, changes: [], totalSteps: 3_000 });
    expect(Array.from(replayed.q)).toEqual(Array.from(live.q));
    expect(replayed.params).toEqual(settings.params);
  });
});
