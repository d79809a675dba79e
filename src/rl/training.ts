/**
 * Training an agent with any algorithm on the fastest loop that gives its numbers: Q-learning on
 * the fast `runSteps` (bit for bit the readable loop's numbers, only faster), every other
 * algorithm on the readable loop.
 */
import { createAgent, type QAgent } from './agent';
import type { Algorithm } from './algorithms/registry';
import type { IceMazeEnv } from './env';
import { runEpisodes, runSteps } from './fast-loop';
import { actsAsLesson } from './learner-options';
import { type LearnerOptions } from './learner-values';
import { LESSON_EPISODES, type QParams } from './params';
import { runAlgorithmEpisodes, runAlgorithmSteps } from './readable-loop';

/**
 * Up to `maxSteps` steps of `algorithm`, stopping after `maxEpisodes` episodes end; returns the
 * steps taken (`runAlgorithmSteps`' contract, on the fast loop for Q-learning with the lesson's
 * ε-greedy behaviour and constant α, the only case the fast loop writes).
 */
export function runAlgorithm(
  agent: QAgent,
  algorithm: Algorithm,
  maxSteps: number,
  maxEpisodes = Infinity,
): number {
  return algorithm === 'q-learning' && actsAsLesson(agent.options)
    ? runSteps(agent, maxSteps, maxEpisodes)
    : runAlgorithmSteps(agent, algorithm, maxSteps, maxEpisodes);
}

/**
 * Trains a fresh agent for `episodes` episodes with `algorithm` and learner `options` (Q-learning
 * acting as the lesson's on the fast loop).
 */
export function trainAlgorithm(
  env: IceMazeEnv,
  algorithm: Algorithm,
  params: Partial<QParams> = {},
  seed = 0,
  episodes = LESSON_EPISODES,
  options: Partial<LearnerOptions> = {},
): QAgent {
  const agent = createAgent(env, params, seed, options);
  if (algorithm === 'q-learning' && actsAsLesson(agent.options)) runEpisodes(agent, episodes);
  else runAlgorithmEpisodes(agent, algorithm, episodes);
  return agent;
}

/** Trains a fresh agent for `episodes` episodes with the lesson's Q-learning (its whole loop). */
export function train(
  env: IceMazeEnv,
  params: Partial<QParams> = {},
  seed = 0,
  episodes = LESSON_EPISODES,
): QAgent {
  return trainAlgorithm(env, 'q-learning', params, seed, episodes);
}
