import { describe, expect, it } from 'vitest';
import { createEnv } from '../../../src/rl/env';
import { createLearnerMemory } from '../../../src/rl/learner-memory';
import {
  actsAsLesson,
  isAlphaSchedule,
  isExploration,
  isTraceKind,
  learnerOptions,
} from '../../../src/rl/learner-options';

describe('fresh learner memory (slippery 4x4: 16 states, 64 pairs, time limit 100)', () => {
  // Built in each test, not once for the block: mutation testing switches a mutant on per test.
  const q = Float64Array.from({ length: 64 }, (_, i) => i / 64);
  const fresh = () => createLearnerMemory(createEnv(), q);

  it('no Double Q table written yet (−1), no cut, no first visit (−1 everywhere)', () => {
    const m = fresh();
    expect(m.lastTable).toBe(-1);
    expect(m.cutTraces).toBe(false);
    expect(m.firstVisitAt).toHaveLength(64);
    expect(m.firstVisitAt.every((t) => t === -1)).toBe(true);
  });

  it('Double Q’s two tables start as copies of Q, apart from it and each other', () => {
    const m = fresh();
    for (const table of m.tables) {
      expect(Array.from(table)).toEqual(Array.from(q));
      expect(table.buffer).not.toBe(q.buffer);
    }
    expect(m.tables[0].buffer).not.toBe(m.tables[1].buffer);
  });

  it('traces, the model and the returns are empty; the episode store holds the time limit', () => {
    const m = fresh();
    expect(m.traces.every((e) => e === 0)).toBe(true);
    expect([m.modelCounts.length, m.modelPairs.length, m.modelPairCount]).toEqual([192, 64, 0]);
    expect([m.episodeStates.length, m.episodeLength, m.lastReturn]).toEqual([100, 0, 0]);
  });
});

describe('learner option names and the lesson’s options', () => {
  it('knows each menu’s names and nothing else', () => {
    expect(['epsilon-greedy', 'softmax', 'ucb'].every(isExploration)).toBe(true);
    expect(['constant', 'visits'].every(isAlphaSchedule)).toBe(true);
    expect(['replacing', 'accumulating'].every(isTraceKind)).toBe(true);
    for (const bad of ['greedy', 'visits', '', undefined, 3])
      expect([isExploration(bad), isTraceKind(bad)]).toEqual([false, false]);
    expect([isAlphaSchedule('ucb'), isAlphaSchedule(null)]).toEqual([false, false]);
  });

  it('acts as the lesson under ε-greedy and a constant α only (Q₀ and the other knobs aside)', () => {
    expect(actsAsLesson(learnerOptions())).toBe(true);
    expect(actsAsLesson(learnerOptions({ initialQ: 1, lambda: 0.5, planningSteps: 9 }))).toBe(true);
    expect(actsAsLesson(learnerOptions({ exploration: 'softmax' }))).toBe(false);
    expect(actsAsLesson(learnerOptions({ exploration: 'ucb' }))).toBe(false);
    expect(actsAsLesson(learnerOptions({ alphaSchedule: 'visits' }))).toBe(false);
  });
});
