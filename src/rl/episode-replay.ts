/**
 * The episode scrubber's replay: one episode of a run, step by step, rebuilt exactly from the
 * run's record (`rl/replay`: settings, seed, hyperparameter changes with the step each took effect).
 *
 * The run is replayed at full speed up to the first step of the episode, applying each change
 * after its `atStep` steps as `replayRun` does, then one step at a time through the episode, so
 * every step's record (state, action, explored or not, the move actually made, reward, TD target,
 * TD error, Q before and after) is the one the run itself computed: the generator, ε and Q are the
 * run's at every step. It learns with the record's algorithm and learner options, as the run did
 * (`runAlgorithm`: the lesson's Q-learning on the fast loop, any other on the readable one).
 *
 * Pure: no DOM, no clock.
 */
import { DEFAULT_ALGORITHM } from './algorithm-names';
import type { IceMazeEnv } from './env';
import { applyChange, recordEnv, settingsAgent, type RunRecord } from './replay';
import { lastStepRecord, type StepRecord } from './step-record';
import { runAlgorithm } from './training';

/** One episode, replayed. */
export interface EpisodeReplay {
  /** The episode (0-based). */
  episode: number;
  /** Steps the run had taken before the episode's first step. */
  firstStep: number;
  /** Its steps in order; `steps[k]` is step k + 1 of the episode. */
  steps: StepRecord[];
  /** False when the record stops before the episode ends (the episode under way). */
  complete: boolean;
}

/** A replayed episode, or why there is none. */
export type EpisodeReplayResult =
  { ok: true; replay: EpisodeReplay } | { ok: false; error: string };

/**
 * Replays episode `episode` (0-based, as the step inspector numbers them) of `record`. Refused with a message when the run never
 * started that episode (it took `record.totalSteps` steps in all).
 */
export function replayEpisode(
  record: RunRecord,
  episode: number,
  env: IceMazeEnv = recordEnv(record),
): EpisodeReplayResult {
  if (!Number.isInteger(episode) || episode < 0)
    return { ok: false, error: `Episode must be a whole number from 0; got ${episode}.` };
  const agent = settingsAgent(record.settings, env);
  const algorithm = record.settings.algorithm ?? DEFAULT_ALGORITHM;
  const { changes, totalSteps } = record;
  let next = 0;
  /** Applies every change that takes effect after exactly the steps taken so far. */
  const applyDue = (): void => {
    while (next < changes.length && changes[next]!.atStep === agent.totalSteps)
      applyChange(agent, changes[next++]!);
  };
  applyDue();
  while (agent.episode < episode && agent.totalSteps < totalSteps) {
    const until = next < changes.length ? changes[next]!.atStep : totalSteps;
    runAlgorithm(agent, algorithm, until - agent.totalSteps, episode - agent.episode);
    applyDue();
  }
  if (agent.episode < episode || agent.totalSteps === totalSteps)
    return {
      ok: false,
      error: `The run has not started episode ${episode}: it finished ${agent.episode} episodes.`,
    };
  const firstStep = agent.totalSteps;
  const steps: StepRecord[] = [];
  let complete = false;
  while (!complete && agent.totalSteps < totalSteps) {
    runAlgorithm(agent, algorithm, 1);
    const record = lastStepRecord(agent);
    steps.push(record);
    applyDue();
    complete = record.terminated || record.truncated;
  }
  return { ok: true, replay: { episode, firstStep, steps, complete } };
}
