/**
 * One learner of a comparison: an agent of one algorithm, the moving window of its outcomes, the
 * exact evaluation of its greedy policy and the curve points not sent yet.
 *
 * Determinism. Each agent has its own generator, seeded with the run's seed, and only its own
 * loop draws from it; `runAlgorithm` (the readable loop, or `runSteps` for Q-learning, bit-identical)
 * give the same numbers however a run is cut into calls. So after N episodes each agent's Q is
 * exactly `trainAlgorithm(env, algorithm, params, seed, N).q`, at any speed and cadence.
 */
import type { IceMazeEnv } from '../rl/env';
import { createAgent, EPISODE_LOG_CAPACITY, type QAgent } from '../rl/agent';
import type { Algorithm } from '../rl/algorithms/registry';
import { expectedValue } from '../rl/policy';
import { runAlgorithm } from '../rl/training';
import { greedyMasks, stateValue, stateValues } from '../rl/tables';
import type { CompareAgentSnapshot, CompareCurvePoint, RunSettings } from './compare-protocol';
import { STATS_WINDOW_EPISODES } from './episode-ring';
import { createEvaluationCache } from './evaluation-cache';

/** One learner of a comparison run. */
export interface Learner {
  readonly agent: QAgent;
  readonly algorithm: Algorithm;
  /**
   * Advances by at most `maxSteps` steps, stopping at `goal` episodes or the next curve point
   * (every `curveInterval` episodes), whichever comes first. Returns the steps taken.
   */
  advance(maxSteps: number, goal: number): number;
  /** The learner's part of a snapshot (copies; buffers pushed onto `transfer`); takes the points. */
  snapshot(transfer: Transferable[]): CompareAgentSnapshot;
}

/** A learner of `algorithm` at Q = 0 with the run's settings and seed; `now` times evaluations. */
export function createLearner(
  env: IceMazeEnv,
  settings: RunSettings,
  algorithm: Algorithm,
  curveInterval: number,
  now: () => number,
): Learner {
  const agent = createAgent(env, { ...settings.params }, settings.seed);
  const evaluations = createEvaluationCache(env, now);
  /** Exact success of the greedy policy of `q`, re-evaluated only when that policy changed. */
  const successOf = (q: Float64Array) => evaluations.exact(q, agent.episode).successProbability;
  /** The last `STATS_WINDOW_EPISODES` outcomes: episode e at e mod window (1 reached the goal). */
  const window = new Uint8Array(STATS_WINDOW_EPISODES);
  let windowGoals = 0;
  let successes = 0;
  /** Next episode to read from `agent.log`. */
  let logRead = 0;
  let points: CompareCurvePoint[] = [];
  let lastPointEpisode = 0;

  /** Copies finished episodes from the agent's log into the moving window. */
  function drainLog(): void {
    const w = window.length;
    for (let e = logRead; e < agent.episode; e++) {
      const goal = agent.log.reachedGoal[e & (EPISODE_LOG_CAPACITY - 1)]!;
      // The window slot of e held episode e − w, which leaves the window as e enters it.
      if (e >= w) windowGoals -= window[e % w]!;
      window[e % w] = goal;
      windowGoals += goal;
      successes += goal;
    }
    logRead = agent.episode;
  }

  /** Success rate over the last min(window, episodes) episodes; NaN before the first. */
  function movingRate(): number {
    const n = Math.min(window.length, agent.episode);
    return n > 0 ? windowGoals / n : NaN;
  }

  return {
    agent,
    algorithm,
    advance(maxSteps, goal) {
      const toPoint = curveInterval - (agent.episode % curveInterval);
      const episodes = Math.min(goal - agent.episode, toPoint, EPISODE_LOG_CAPACITY);
      // Q-learning on the fast loop, the others on the readable one (the same numbers).
      const steps = runAlgorithm(agent, algorithm, maxSteps, episodes);
      drainLog();
      if (agent.episode % curveInterval === 0 && agent.episode > lastPointEpisode) {
        lastPointEpisode = agent.episode;
        points.push({
          episode: agent.episode,
          movingSuccessRate: movingRate(),
          successProbability: successOf(agent.q),
          startValue: stateValue(agent.q, env.start),
          epsilon: agent.epsilon,
        });
      }
      return steps;
    },
    snapshot(transfer) {
      // Copy the live table once; everything else derives from the copy.
      const q = agent.q.slice();
      const v = stateValues(q, env.nA);
      const greedyMask = greedyMasks(q, env.nA);
      transfer.push(q.buffer, v.buffer, greedyMask.buffer);
      const taken = points;
      points = [];
      return {
        algorithm,
        episode: agent.episode,
        totalSteps: agent.totalSteps,
        epsilon: agent.epsilon,
        q,
        v,
        greedyMask,
        startValue: v[env.start]!,
        startBehaviourValue: expectedValue(q, env.start, agent.epsilon),
        recentSuccessRate: movingRate(),
        window: Math.min(window.length, agent.episode),
        successes,
        successProbability: successOf(q),
        points: taken,
      };
    },
  };
}
