/**
 * `runGreedyEpisode`: the target policy at work, argmax Q without ε or updates, on a map small
 * enough to follow step by step.
 */
import { describe, expect, it } from 'vitest';
import { createEnv, sampleOutcome } from '../../src/rl/env';
import { createRngState, nextInt, nextUniform } from '../../src/rl/rng';
import { runGreedyEpisode } from '../../src/rl/target-policy';

const LEFT = 0;
const DOWN = 1;
const RIGHT = 2;

/** A Q table on `nS` states preferring `prefer[s]` in state s (1 there, 0 elsewhere). */
function preferring(prefer: readonly number[]): Float64Array {
  const q = new Float64Array(prefer.length * 4);
  prefer.forEach((a, s) => (q[s * 4 + a] = 1));
  return q;
}

describe('runGreedyEpisode on dry ice', () => {
  // S F / H G: state 0 S, 1 F, 2 H, 3 G.
  const env = createEnv({ map: ['SF', 'HG'], isSlippery: false });

  it('follows argmax Q to the goal: Right, then Down, paying the goal’s 1', () => {
    const q = preferring([RIGHT, DOWN, LEFT, LEFT]);
    const before = q.slice();
    const run = runGreedyEpisode(env, q, createRngState(1), 'first', 4);
    expect(Array.from(run.states)).toEqual([0, 1, 3]);
    expect(Array.from(run.actions)).toEqual([RIGHT, DOWN]);
    expect(Array.from(run.directions)).toEqual([RIGHT, DOWN]);
    expect(Array.from(run.explored)).toEqual([0, 0]);
    expect(Array.from(run.rewards)).toEqual([0, 1]);
    expect(run).toMatchObject({
      length: 2,
      return: 1,
      terminated: true,
      truncated: false,
      episode: 4,
      reachedGoal: true,
    });
    expect(q).toEqual(before);
  });

  it('ends in a hole without reaching the goal', () => {
    const run = runGreedyEpisode(env, preferring([DOWN, DOWN, LEFT, LEFT]), createRngState(1));
    expect(Array.from(run.states)).toEqual([0, 2]);
    expect(run).toMatchObject({ terminated: true, reachedGoal: false, episode: -1 });
  });

  it('with every action tied and the first rule walks Left into the border until the time limit', () => {
    const limited = createEnv({ map: ['SF', 'HG'], isSlippery: false, maxSteps: 5 });
    const run = runGreedyEpisode(limited, new Float64Array(16), createRngState(1));
    expect(Array.from(run.actions)).toEqual([LEFT, LEFT, LEFT, LEFT, LEFT]);
    expect(Array.from(run.states)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(run).toMatchObject({
      length: 5,
      return: 0,
      terminated: false,
      truncated: true,
      reachedGoal: false,
    });
  });

  it('with the random rule draws the tied action, then the ice’s uniform, from its generator', () => {
    const limited = createEnv({ map: ['SF', 'HG'], isSlippery: false, maxSteps: 3 });
    const rng = createRngState(9);
    const copy = rng.slice();
    const run = runGreedyEpisode(limited, new Float64Array(16), rng, 'random');
    // Replays the draws: per step one pick among the four tied actions and one uniform.
    const want: number[] = [];
    let s = 0;
    for (let t = 0; t < run.length; t++) {
      const a = nextInt(copy, 4);
      nextUniform(copy);
      want.push(a);
      s = limited.outNext[(s * 4 + a) * 3]!;
      expect(run.states[t + 1]).toBe(s);
    }
    expect(Array.from(run.actions)).toEqual(want);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });

  it('with the random rule draws nothing extra where one action is the greedy one', () => {
    const rng = createRngState(3);
    const copy = rng.slice();
    const run = runGreedyEpisode(env, preferring([RIGHT, DOWN, LEFT, LEFT]), rng, 'random');
    expect(Array.from(run.actions)).toEqual([RIGHT, DOWN]);
    nextUniform(copy);
    nextUniform(copy);
    expect(Array.from(rng)).toEqual(Array.from(copy));
  });
});

describe('runGreedyEpisode on slippery ice', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])(
    'moves as the uniform draws the outcome (seed %i): the direction moved may differ from the action',
    (seed) => {
      const env = createEnv({ map: ['SF', 'HG'] });
      const rng = createRngState(seed);
      const copy = rng.slice();
      const run = runGreedyEpisode(env, preferring([RIGHT, DOWN, LEFT, LEFT]), rng);
      let s = 0;
      for (let t = 0; t < run.length; t++) {
        const u = nextUniform(copy);
        const base = (s * 4 + run.actions[t]!) * 3;
        const k = sampleOutcome(env, s, run.actions[t]!, u);
        expect(run.directions[t]).toBe(env.outDirection[base + k]);
        s = env.outNext[base + k]!;
        expect(run.states[t + 1]).toBe(s);
      }
      expect(run.reachedGoal).toBe(env.goal[s] === 1);
    },
  );
});
