/**
 * One run of the training worker, from `init`, `reset` or `replay` to the next: the learner on
 * its environment, with everything kept beside it for the page — the episode ring, the cache of
 * exact evaluations, the frames, the convergence watch, the target policy's own generator — and
 * the record that replays it (its first settings and every parameter change, at its step).
 *
 * `advance` is the only place the agent is stepped, so a live run and a replay keep the same
 * books. Building a run touches nothing outside it: a refused `init` leaves the current run as
 * it was.
 */
import { createConvergenceWatch, type ConvergenceWatch } from '../rl/convergence';
import type { IceMazeEnv } from '../rl/env';
import { bestSuccessWithin } from '../rl/evaluation';
import { EPISODE_LOG_CAPACITY, setLearnerOptions, type QAgent } from '../rl/agent';
import { DEFAULT_ALGORITHM } from '../rl/algorithm-names';
import type { Algorithm } from '../rl/algorithms/registry';
import type { LiveLearnerChange } from '../rl/learner-options';
import {
  applyChange,
  applyEnvChange,
  applyParamChange,
  copyChange,
  settingsAgent,
  type EnvChange,
  type ParamChangeRecord,
  type RunRecord,
} from '../rl/replay';
import { runAlgorithm } from '../rl/training';
import { createRngState } from '../rl/rng';
import { runGreedyEpisode } from '../rl/target-policy';
import { createEpisodeRing, type EpisodeRing } from './episode-ring';
import { createEvaluationCache, type EvaluationCache } from './evaluation-cache';
import { createFrameQueue, episodesToFrame, type FrameQueue } from './frames';
import type { ParamChange, RunSettings, TrainerEvent } from './protocol';
import { checkSettings } from './run-checks';

/** Mixed into the seed of the target policy's generator. */
const GREEDY_SEED_SALT = 0x5eed_7a6e;

/** The `greedy-episode` event. */
export type GreedyEpisodeEvent = Extract<TrainerEvent, { type: 'greedy-episode' }>;

/** One run and its books. */
export interface TrainingRun {
  readonly id: number;
  /** The settings, with `params` kept equal to the live `agent.params`. */
  settings: RunSettings;
  /** The settings the run started with: with `changes`, enough to replay it exactly. */
  readonly initialSettings: RunSettings;
  readonly changes: ParamChangeRecord[];
  /** The environment in force: replaced, with the books built on it, by `setEnv`. */
  env: IceMazeEnv;
  readonly agent: QAgent;
  /** The algorithm it learns with (the settings' or Q-learning); a new one takes a new run. */
  readonly algorithm: Algorithm;
  /** Best success probability within the time limit (depends on the success rate, not on γ). */
  bestWithinLimit: number;
  /** Q* for the run's γ (the posted optimum's buffers are transferred, so the run keeps a copy). */
  optimalQ: Float64Array;
  readonly episodes: EpisodeRing;
  evaluations: EvaluationCache;
  readonly frames: FrameQueue;
  /** Judges the greedy policy for the convergence notice (see `rl/convergence`). */
  convergence: ConvergenceWatch;
  /**
   * Up to `maxSteps` steps, stopping after `maxEpisodes` episodes end (never more than the log
   * holds) and right after a frame's episode; `lastEpisode` is where the current Play stops (its
   * last episode gets a frame). Returns the steps taken.
   */
  advance(maxSteps: number, maxEpisodes: number, lastEpisode: number): number;
  /**
   * Trains along a record for at most `maxSteps` more steps: to each change's step, the change,
   * on to `totalSteps`. True once the run stands where the record ends (call again until then).
   * The changes applied so far are the run's own `changes`, so it resumes where it stopped.
   */
  replaySome(record: RunRecord, maxSteps: number): boolean;
  /** Applies a checked change from the next step and records it. */
  setParams(change: ParamChange): ParamChangeRecord;
  /** Applies a checked change of the learner's live options from the next step and records it. */
  setLearner(change: LiveLearnerChange): ParamChangeRecord;
  /**
   * Applies a checked change of rewards and/or success rate from the next step (Q kept), rebuilds
   * what was computed from the old environment (the ceiling, the evaluation cache, the
   * convergence watch; the caller recomputes the optimum) and records it.
   */
  setEnv(change: EnvChange): ParamChangeRecord;
  /** One episode of the target (greedy) policy: no learning, its own generator, counted apart. */
  greedyEpisode(): GreedyEpisodeEvent;
}

/** A copy of `settings` the run owns: the map as built, the agent's params, the learner's own object. */
function ownSettings(settings: RunSettings, env: IceMazeEnv, agent: QAgent): RunSettings {
  const { learner, ...rest } = settings;
  return {
    ...rest,
    map: [...env.desc],
    params: { ...agent.params },
    ...(learner ? { learner: { ...learner } } : {}),
  };
}

/** Builds run `id` from `settings`, or the messages why not; `now` times its evaluations. */
export function createTrainingRun(
  id: number,
  settings: RunSettings,
  now: () => number,
): TrainingRun | string {
  const { errors, env } = checkSettings(settings);
  if (!env) return errors.join(' ');
  const agent = settingsAgent(settings, env);
  const algorithm = settings.algorithm ?? DEFAULT_ALGORITHM;
  const greedyRng = createRngState((settings.seed ^ GREEDY_SEED_SALT) >>> 0);
  let greedyEpisodes = 0;
  let greedySuccesses = 0;
  const evaluations = createEvaluationCache(env, now);

  const run: TrainingRun = {
    id,
    settings: ownSettings(settings, env, agent),
    initialSettings: ownSettings(settings, env, agent),
    changes: [],
    env,
    agent,
    algorithm,
    bestWithinLimit: bestSuccessWithin(env, env.maxSteps),
    optimalQ: new Float64Array(0),
    episodes: createEpisodeRing(),
    evaluations,
    frames: createFrameQueue(id, env),
    convergence: createConvergenceWatch(env),

    advance(maxSteps, maxEpisodes, lastEpisode) {
      const interval = run.settings.frameInterval;
      const episodes = Math.min(
        maxEpisodes,
        EPISODE_LOG_CAPACITY,
        episodesToFrame(agent.episode, interval),
      );
      // Q-learning as the lesson's on the fast loop, the rest on the readable one (same numbers).
      const n = runAlgorithm(agent, algorithm, maxSteps, episodes);
      run.episodes.drain(agent);
      run.frames.capture(agent, interval, lastEpisode);
      return n;
    },

    replaySome(record, maxSteps) {
      // Changes already replayed keep their books (see setEnv) as a live run does.
      let budget = maxSteps;
      for (;;) {
        const change = record.changes[run.changes.length];
        const to = change ? change.atStep : record.totalSteps;
        if (agent.totalSteps < to) {
          if (budget <= 0) return false;
          budget -= run.advance(Math.min(budget, to - agent.totalSteps), Infinity, Infinity);
        } else if (change) {
          applyChange(agent, change);
          if (change.env) adoptEnv();
          run.changes.push(copyChange(change));
        } else {
          run.settings = { ...run.settings, params: { ...agent.params } };
          return true;
        }
      }
    },

    setParams(change) {
      // ε in the lesson's sense: the exploration rate from now on, not only the starting one.
      applyParamChange(agent, change);
      run.settings = { ...run.settings, params: { ...agent.params } };
      const record: ParamChangeRecord = { atStep: agent.totalSteps, params: { ...change } };
      run.changes.push(record);
      return record;
    },

    setLearner(change) {
      setLearnerOptions(agent, change);
      run.settings = { ...run.settings, learner: { ...run.settings.learner, ...change } };
      const record: ParamChangeRecord = {
        atStep: agent.totalSteps,
        params: {},
        learner: { ...change },
      };
      run.changes.push(record);
      return record;
    },

    setEnv(change) {
      applyEnvChange(agent, change);
      adoptEnv();
      const record: ParamChangeRecord = copyChange({
        atStep: agent.totalSteps,
        params: {},
        env: change,
      });
      run.changes.push(record);
      return record;
    },

    greedyEpisode() {
      const { tieBreak } = agent.params;
      const ep = runGreedyEpisode(run.env, agent.q, greedyRng, tieBreak, agent.episode);
      greedyEpisodes++;
      if (ep.reachedGoal) greedySuccesses++;
      const { reachedGoal, ...trajectory } = ep;
      return {
        type: 'greedy-episode',
        runId: id,
        trajectory,
        reachedGoal,
        episodes: greedyEpisodes,
        successes: greedySuccesses,
      };
    },
  };

  /** The run's books follow the agent onto its changed environment. */
  function adoptEnv(): void {
    const next = agent.env;
    if (next.successRate !== run.env.successRate)
      run.bestWithinLimit = bestSuccessWithin(next, next.maxSteps);
    run.env = next;
    run.evaluations = createEvaluationCache(next, now);
    run.convergence = createConvergenceWatch(next);
    run.settings = {
      ...run.settings,
      successRate: next.successRate,
      rewardSchedule: next.rewardSchedule,
    };
  }
  return run;
}
