/**
 * The target policy at work: one episode that follows the greedy policy of Q without learning
 * (no ε, no update), as the lesson does after training. It draws from its own generator, so
 * running it never changes the training run's random numbers.
 */
import { sampleOutcome, type IceMazeEnv } from './env';
import { nextInt, nextUniform, type RngState } from './rng';
import type { DecodedTrajectory } from './trajectory';
import type { TieBreak } from './params';
import { greedyAction, greedyActions } from './tables';

/** A greedy episode and how it ended. */
export interface GreedyEpisode extends DecodedTrajectory {
  reachedGoal: boolean;
}

/**
 * Runs one episode from the start with a = argmax_a Q(s, a) (ties as `tieBreak` says; the
 * `'random'` rule draws from `rng`), the environment sampled as Gymnasium does, until a hole, the
 * goal or the time limit. Q is only read.
 */
export function runGreedyEpisode(
  env: IceMazeEnv,
  q: Float64Array,
  rng: RngState,
  tieBreak: TieBreak = 'first',
  episode = -1,
): GreedyEpisode {
  const states = [env.start];
  const actions: number[] = [];
  const directions: number[] = [];
  const rewards: number[] = [];
  let s = env.start;
  let terminated = false;
  let ret = 0;
  while (!terminated && actions.length < env.maxSteps) {
    let a = greedyAction(q, s, env.nA);
    if (tieBreak === 'random') {
      const ties = greedyActions(q, s, env.nA);
      if (ties.length > 1) a = ties[nextInt(rng, ties.length)]!;
    }
    const i = (s * env.nA + a) * 3 + sampleOutcome(env, s, a, nextUniform(rng));
    s = env.outNext[i]!;
    terminated = env.outTerminated[i] === 1;
    actions.push(a);
    directions.push(env.outDirection[i]!);
    rewards.push(env.outReward[i]!);
    states.push(s);
    ret += env.outReward[i]!;
  }
  return {
    states: Int32Array.from(states),
    actions: Int8Array.from(actions),
    directions: Int8Array.from(directions),
    explored: new Uint8Array(actions.length),
    rewards: Float64Array.from(rewards),
    length: actions.length,
    return: ret,
    terminated,
    truncated: !terminated,
    episode,
    reachedGoal: terminated && env.goal[s] === 1,
  };
}
