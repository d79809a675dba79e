/**
 * When does a learner first become good enough? Trains episode by episode and evaluates the
 * greedy policy exactly (`evaluateGreedy`: the probability of reaching the goal within the time
 * limit, no sampling) after every episode in which that policy changed — the evaluation depends
 * on Q only through π(s) = argmax_a Q(s, a), so the episodes in between cannot cross the bar.
 * This is the lesson's third objective ("compute": how much experience it takes) as one number,
 * the environment steps taken when the bar is first reached, read at episode ends.
 */
import type { QAgent } from './agent';
import type { Algorithm } from './algorithms/registry';
import { evaluateGreedy } from './evaluation';
import { greedyPolicy } from './tables';
import { runAlgorithm } from './training';

/** When the greedy policy first reached the bar, or nulls if it never did. */
export interface FirstReach {
  /** Environment steps taken at the end of the episode that reached it (planning not counted). */
  steps: number | null;
  /** Episodes finished then. */
  episodes: number | null;
  /** The exact success of the greedy policy after the last episode. */
  finalSuccess: number;
}

/**
 * Trains `agent` with `algorithm` for `episodes` more episodes; reports when its greedy policy's
 * exact success first reached `threshold` (its starting policy counts: 0 steps).
 */
export function trainUntilReach(
  agent: QAgent,
  algorithm: Algorithm,
  episodes: number,
  threshold: number,
): FirstReach {
  const { env, q } = agent;
  let policy = greedyPolicy(q);
  let success = evaluateGreedy(env, q).successProbability;
  let reach: Pick<FirstReach, 'steps' | 'episodes'> =
    success >= threshold
      ? { steps: agent.totalSteps, episodes: agent.episode }
      : { steps: null, episodes: null };
  const target = agent.episode + episodes;
  while (agent.episode < target) {
    runAlgorithm(agent, algorithm, Number.MAX_SAFE_INTEGER, 1);
    const now = greedyPolicy(q);
    if (now.every((a, s) => a === policy[s])) continue;
    policy = now;
    success = evaluateGreedy(env, q).successProbability;
    if (reach.steps === null && success >= threshold)
      reach = { steps: agent.totalSteps, episodes: agent.episode };
  }
  return { ...reach, finalSuccess: success };
}
