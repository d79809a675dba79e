/**
 * One seed's learning curve for a seed band: a fresh agent (Q = 0, or Q₀; the seed's generator)
 * trained with the band's algorithm and learner options (the lesson's Q-learning by default, on
 * the fast loop), measured at checkpoints.
 *
 * Checkpoint b of P over E episodes ends at episode e_b = ⌊(b+1)·E/P⌋; over the episodes
 * (e_{b−1}, e_b] it records the success rate (the fraction of episodes that reached the goal) and
 * the mean episode length, and at e_b the exact probability that the greedy policy reaches the goal
 * within the time limit (`evaluateGreedy`, no sampling). Training in pieces gives the same agent as
 * one `trainAlgorithm(env, algorithm, params, seed, e_b, options)` call, so for the lesson's
 * Q-learning the exact success at e_b is the sweep's result for that seed with `episodes = e_b`,
 * bit for bit.
 *
 * Pure: no DOM, no clock, no globals.
 */
import { createAgent, EPISODE_LOG_CAPACITY } from './agent';
import { DEFAULT_ALGORITHM } from './algorithm-names';
import type { Algorithm } from './algorithms/registry';
import type { IceMazeEnv } from './env';
import { evaluateGreedy } from './evaluation';
import type { LearnerOptions } from './learner-values';
import type { QParams } from './params';
import { runAlgorithm } from './training';

/** What a band's seeds learn with: an algorithm and its options (absent: the lesson's). */
export interface BandLearner {
  algorithm?: Algorithm;
  options?: Partial<LearnerOptions>;
}

/** Most checkpoints of a band's curves (its x axis has at most this many points). */
export const BAND_CHECKPOINTS = 25;

/** One seed's curve: a value per checkpoint of each series. */
export interface SeedCurve {
  seed: number;
  /** Episodes finished at each checkpoint, e_b = ⌊(b+1)·E/P⌋, ascending. */
  episodes: number[];
  /** Fraction of the episodes (e_{b−1}, e_b] that reached the goal. */
  successRate: number[];
  /** Exact P(the greedy policy at e_b reaches the goal within the time limit). */
  exactSuccess: number[];
  /** Mean length in steps of the episodes (e_{b−1}, e_b]. */
  episodeLength: number[];
}

/** The checkpoints of a run of `episodes` episodes: P = min(points, E), e_b = ⌊(b+1)·E/P⌋. */
export function bandCheckpoints(episodes: number, points = BAND_CHECKPOINTS): number[] {
  const count = Math.min(points, episodes);
  return Array.from({ length: count }, (_, b) => Math.floor(((b + 1) * episodes) / count));
}

/**
 * Trains a fresh agent with `seed` and `learner`'s algorithm and options up to the last of
 * `checkpoints` (ascending episode counts) and measures each series at each checkpoint. The agent's episode log is a ring of
 * `EPISODE_LOG_CAPACITY` episodes, so training runs in pieces no longer than that and reads the
 * log after each.
 */
export function seedCurve(
  env: IceMazeEnv,
  params: QParams,
  seed: number,
  checkpoints: readonly number[],
  learner: BandLearner = {},
): SeedCurve {
  const agent = createAgent(env, params, seed, learner.options);
  const algorithm = learner.algorithm ?? DEFAULT_ALGORITHM;
  const mask = EPISODE_LOG_CAPACITY - 1;
  const curve: SeedCurve = {
    seed,
    episodes: [...checkpoints],
    successRate: [],
    exactSuccess: [],
    episodeLength: [],
  };
  for (const end of checkpoints) {
    const start = agent.episode;
    let goals = 0;
    let steps = 0;
    while (agent.episode < end) {
      const from = agent.episode;
      runAlgorithm(agent, algorithm, Infinity, Math.min(EPISODE_LOG_CAPACITY, end - from));
      for (let e = from; e < agent.episode; e++) {
        goals += agent.log.reachedGoal[e & mask]!;
        steps += agent.log.lengths[e & mask]!;
      }
    }
    const n = end - start;
    curve.successRate.push(goals / n);
    curve.episodeLength.push(steps / n);
    curve.exactSuccess.push(evaluateGreedy(env, agent.q).successProbability);
  }
  return curve;
}
