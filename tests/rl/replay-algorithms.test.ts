/**
 * A run of any algorithm is defined by its record: the algorithm and the learner's options in its
 * settings, and the live option changes (λ, n, exploration, τ, c, α schedule) at their steps beside
 * the slider changes. `replayRun` gives the live run's numbers bit for bit, and `parseRunRecord`
 * checks the new fields with the core's limits and says what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../src/rl/algorithms/registry';
import { setLearnerOptions } from '../../src/rl/agent';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import {
  applyParamChange,
  parseRunRecord,
  recordEnv,
  replayRun,
  settingsAgent,
} from '../../src/rl/replay';
import { lessonSettings } from '../../src/shared/lesson-run';
import { algorithmRecord } from './algorithm-record';

const bits = (a: Float64Array) => Array.from(new Uint32Array(a.slice().buffer));

describe('replayRun with an algorithm and live learner options', () => {
  it.each(ALGORITHMS)('%s: the record replays the live run bit for bit', (algorithm) => {
    const record = algorithmRecord(algorithm);
    // The live run: the readable loop one step at a time, each change applied at its step.
    const live = settingsAgent(record.settings, recordEnv(record));
    for (const change of record.changes) {
      while (live.totalSteps < change.atStep) runAlgorithmSteps(live, algorithm, 1);
      applyParamChange(live, change.params);
      setLearnerOptions(live, change.learner!);
    }
    while (live.totalSteps < record.totalSteps) runAlgorithmSteps(live, algorithm, 1);

    const replayed = replayRun(record);
    expect(bits(replayed.q)).toEqual(bits(live.q));
    expect(replayed.epsilon).toBe(live.epsilon);
    expect(replayed.totalSteps).toBe(1900);
    expect(replayed.episode).toBe(live.episode);
    expect(Array.from(replayed.rng)).toEqual(Array.from(live.rng));
    expect(replayed.options).toEqual(live.options);
  });

  it('a record without an algorithm is Q-learning, and the algorithm matters', () => {
    const { settings, changes, totalSteps } = algorithmRecord('q-learning');
    const old = { ...settings };
    delete old.algorithm;
    const asOld = replayRun({ settings: old, changes, totalSteps });
    expect(bits(asOld.q)).toEqual(bits(replayRun({ settings, changes, totalSteps }).q));
    expect(bits(asOld.q)).not.toEqual(bits(replayRun(algorithmRecord('sarsa')).q));
  });

  it('Q₀ from the settings starts every non-terminal pair there', () => {
    const agent = replayRun({ ...algorithmRecord('sarsa'), changes: [], totalSteps: 0 });
    expect(agent.q[0]).toBe(0.05);
    expect(agent.q[5 * 4]).toBe(0); // state 5 is a hole
  });
});

describe('parseRunRecord: the algorithm and the learner', () => {
  const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

  it('keeps the algorithm, the options and the live changes through JSON', () => {
    const record = algorithmRecord('dyna-q');
    const parsed = parseRunRecord(json(record));
    expect(parsed).toEqual({ ok: true, record });
  });

  it('still reads a record made before the picker (no algorithm, no learner)', () => {
    const parsed = parseRunRecord(
      json({ settings: lessonSettings('4x4', 1), changes: [], totalSteps: 10 }),
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.record.settings.algorithm).toBeUndefined();
      expect(parsed.record.settings.learner).toBeUndefined();
    }
  });

  it('names a bad algorithm, a bad option, and a start-only option changed mid-run', () => {
    const record = json(algorithmRecord('sarsa')) as {
      settings: Record<string, unknown>;
      changes: Record<string, unknown>[];
    };
    record.settings.algorithm = 'td-gammon';
    record.settings.learner = { lambda: 2, traces: 'dutch', nope: 1 };
    record.changes[0]!.learner = { initialQ: 1 };
    record.changes[1]!.learner = { temperature: 0 };
    const parsed = parseRunRecord(record);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      expect.stringMatching(
        /^"settings\.algorithm": Algorithm must be one of q-learning, .*got "td-gammon"\.$/,
      ),
      expect.stringMatching(/^"settings\.learner": Trace decay λ must be .*got 2/),
      '"settings.learner": Traces must be replacing or accumulating; got "dutch".',
      '"settings.learner": Unknown learner option "nope".',
      '"changes[0].learner": "initialQ" cannot change during a run; it takes a new run.',
      expect.stringMatching(/^"changes\[1\]\.learner": Temperature τ must be /),
    ]);
  });
});
