/**
 * The episode scrubber's replay (issue 21): every step's TD error equals a replay of the run
 * record in Node up to that step, and the TD rule recomputed from the Q table just before it.
 */
import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { runSteps } from '../../src/rl/fast-loop';
import { LESSON_PARAMS } from '../../src/rl/params';
import { replayEpisode } from '../../src/rl/episode-replay';
import { replayRun, type RunRecord } from '../../src/rl/replay';
import { lastStepRecord } from '../../src/rl/step-record';

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

/** The episode `run` of `steps` steps is in at a step count, found by stepping a live agent. */
function episodeStarts(totalSteps: number): number[] {
  const agent = createAgent(createEnv({ map: SETTINGS.map }), SETTINGS.params, SETTINGS.seed);
  const starts = [0];
  while (agent.totalSteps < totalSteps) {
    runSteps(agent, 1);
    if (agent.t === 0) starts.push(agent.totalSteps);
  }
  return starts;
}

/** A record whose changes fall inside episodes, as a teacher's slider drags do. */
function recordWithChanges(totalSteps: number): RunRecord {
  const starts = episodeStarts(totalSteps);
  // Mid-episode 40 and 41 (and two changes at one step), and at the start of episode 60.
  const mid = (e: number) => starts[e]! + 2;
  return {
    settings: SETTINGS,
    changes: [
      { atStep: mid(40), params: { alpha: 0.5 } },
      { atStep: mid(40), params: { gamma: 0.9 } },
      { atStep: mid(41), params: { epsilon: 0.2 } },
      { atStep: starts[60]!, params: { alpha: 0.05 } },
    ],
    totalSteps,
  };
}

/** The record cut after `steps` steps, with the changes made by then (as the lab records them). */
function cutAt(record: RunRecord, steps: number): RunRecord {
  return { ...record, changes: record.changes.filter((c) => c.atStep <= steps), totalSteps: steps };
}

describe('replayEpisode', () => {
  const record = recordWithChanges(2_000);

  it('every step’s TD error is the full replay’s up to that step, for episodes with changes', () => {
    let slips = 0;
    for (const episode of [0, 40, 41, 60, 61]) {
      const result = replayEpisode(record, episode);
      if (!result.ok) throw new Error(result.error);
      const { replay } = result;
      expect(replay.episode).toBe(episode);
      expect(replay.complete).toBe(true);
      replay.steps.forEach((s, k) => {
        const upTo = replayRun(cutAt(record, replay.firstStep + k + 1));
        expect(s).toEqual(lastStepRecord(upTo));
        expect(s.episode).toBe(episode);
        expect(s.t).toBe(k + 1);
        // The TD rule by hand, from the Q table just before the step (Q-learning's max).
        const before = replayRun(cutAt(record, replay.firstStep + k)).q;
        const next = s.nextState;
        const terminal = s.terminated;
        const max = terminal ? 0 : Math.max(...before.slice(next * 4, next * 4 + 4));
        const qBefore = before[s.state * 4 + s.action]!;
        expect(s.qBefore).toBe(qBefore);
        expect(s.tdError).toBe(s.reward + s.gamma * max - qBefore);
        if (s.slipped) slips++;
      });
      const last = replay.steps.at(-1)!;
      expect(last.terminated || last.truncated).toBe(true);
    }
    expect(slips).toBeGreaterThan(0);
  });

  it('a run of another algorithm, with its learner options, replays as that algorithm', () => {
    const runs: Pick<RunRecord['settings'], 'algorithm' | 'learner'>[] = [
      { algorithm: 'sarsa' },
      { algorithm: 'expected-sarsa', learner: { exploration: 'softmax', temperature: 0.3 } },
      { algorithm: 'double-q-learning' },
      { algorithm: 'sarsa-lambda', learner: { lambda: 0.7, traces: 'accumulating' } },
      { algorithm: 'q-lambda' },
      { algorithm: 'dyna-q', learner: { planningSteps: 3 } },
      { algorithm: 'monte-carlo', learner: { firstVisit: true } },
      {
        algorithm: 'q-learning',
        learner: { exploration: 'ucb', ucbC: 1, alphaSchedule: 'visits' },
      },
    ];
    for (const run of runs) {
      const other: RunRecord = {
        settings: { ...SETTINGS, ...run },
        changes: [{ atStep: 150, params: { epsilon: 0.3 } }],
        totalSteps: 400,
      };
      const result = replayEpisode(other, 12);
      if (!result.ok) throw new Error(result.error);
      result.replay.steps.forEach((s, k) =>
        expect(s, run.algorithm).toEqual(
          lastStepRecord(replayRun(cutAt(other, result.replay.firstStep + k + 1))),
        ),
      );
    }
    // Replayed as Q-learning, a SARSA run's episode would differ: once Q holds values, SARSA's
    // Q(s′,a′) is not always max Q(s′,·).
    const sarsa: RunRecord = {
      settings: { ...SETTINGS, algorithm: 'sarsa' },
      changes: [],
      totalSteps: 3000,
    };
    const lesson: RunRecord = { ...sarsa, settings: SETTINGS };
    const steps = (r: RunRecord) => {
      const e = replayEpisode(r, 150);
      return e.ok ? e.replay.steps : [];
    };
    expect(steps(sarsa).length).toBeGreaterThan(0);
    expect(steps(sarsa)).not.toEqual(steps(lesson));
  });

  it('a change of the ice mid-episode (success rate) acts from its step, as replayRun applies it', () => {
    const starts = episodeStarts(600);
    const atStep = starts[20]! + 1;
    const withIce: RunRecord = {
      settings: SETTINGS,
      changes: [{ atStep, params: {}, env: { successRate: 0.9 } }],
      totalSteps: 600,
    };
    const result = replayEpisode(withIce, 20);
    if (!result.ok) throw new Error(result.error);
    const { replay } = result;
    replay.steps.forEach((s, k) =>
      expect(s).toEqual(lastStepRecord(replayRun(cutAt(withIce, replay.firstStep + k + 1)))),
    );
    // Later episodes differ from the record without the change: the ice did change.
    const later = (r: RunRecord) => {
      const e = replayEpisode(r, 25);
      return e.ok ? e.replay.steps.map((s) => s.actual) : [];
    };
    expect(later(withIce)).not.toEqual(later({ ...withIce, changes: [] }));
  });

  it('the steps chain: each starts where the one before it ended, the first at the start', () => {
    const result = replayEpisode(record, 41);
    if (!result.ok) throw new Error(result.error);
    const { steps } = result.replay;
    expect(steps[0]!.state).toBe(0);
    for (let k = 1; k < steps.length; k++) expect(steps[k]!.state).toBe(steps[k - 1]!.nextState);
    // The change at episode 41's third step: ε set to 0.2 acts from that step.
    expect(steps[1]!.epsilonAfter).not.toBe(0.2);
    expect(steps[2]!.epsilon).toBe(0.2);
  });

  it('the episode under way replays up to the record’s last step, marked incomplete', () => {
    const starts = episodeStarts(2_000);
    const lastEpisode = starts.length - 1;
    const cut: RunRecord = {
      settings: SETTINGS,
      changes: [],
      totalSteps: starts[lastEpisode]! + 1,
    };
    const result = replayEpisode(cut, lastEpisode);
    if (!result.ok) throw new Error(result.error);
    expect(result.replay.steps).toHaveLength(1);
    expect(result.replay.complete).toBe(false);
  });

  it('refuses an episode the run never started, and a negative one', () => {
    const starts = episodeStarts(300);
    const episodes = starts.length - 1;
    const shortRecord: RunRecord = {
      settings: SETTINGS,
      changes: [],
      totalSteps: starts[episodes]!,
    };
    expect(replayEpisode(shortRecord, episodes)).toEqual({
      ok: false,
      error: `The run has not started episode ${episodes}: it finished ${episodes} episodes.`,
    });
    expect(replayEpisode(shortRecord, -1)).toEqual({
      ok: false,
      error: 'Episode must be a whole number from 0; got -1.',
    });
    expect(replayEpisode({ ...shortRecord, totalSteps: 0 }, 0).ok).toBe(false);
  });
});
