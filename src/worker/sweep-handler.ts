/**
 * The sweep worker's message handler, apart from any real worker: `post` and `now` are injected,
 * so the page's Web Worker (`sweep.worker.ts`), the command line's worker threads
 * (`scripts/sweep-worker.ts`) and the tests (a fake port in Node) all run this same code.
 *
 * A message is untrusted data: its shape is checked here and its values against the limits of
 * `rl/params` (through `sweepErrors`) before an agent is trained; a bad one is answered with
 * `job-failed` and a message that names what is wrong.
 */
import { paramErrors } from '../rl/params';
import { runSweepJob, sweepErrors, type SweepEnvSpec, type SweepJob } from '../rl/sweep';
import { createEnvCache } from '../rl/sweep-env';
import type { RewardSchedule } from '../rl/env';
import type { Algorithm } from '../rl/algorithms/registry';
import { bandLearnerErrors } from '../rl/band-plan';
import { BAND_CHECKPOINTS, seedCurve, type BandLearner } from '../rl/seed-curve';
import { isRecord } from './message-shape';
import type { SweepCommand, SweepEvent } from './sweep-protocol';

/** What the handler needs from its host. */
export interface SweepEndpoint {
  post(event: SweepEvent): void;
  /** A clock in ms (`performance.now`), to time each job. */
  now(): number;
}

/** A handler: give it every message the worker receives. */
export interface SweepHandler {
  handle(message: unknown): void;
}

const isNumber = (x: unknown): x is number => typeof x === 'number';

/** The command, or what is wrong with its shape (values are checked by `sweepErrors`). */
export function parseSweepCommand(message: unknown): SweepCommand | string {
  if (!isRecord(message) || message.type !== 'run-job')
    return 'A sweep worker only takes "run-job" messages.';
  const { sweepId, env, job } = message;
  if (!isNumber(sweepId)) return 'A "run-job" message needs a numeric sweepId.';
  if (
    !isRecord(env) ||
    !Array.isArray(env.map) ||
    !Array.from(env.map).every((r) => typeof r === 'string') ||
    typeof env.isSlippery !== 'boolean' ||
    !isNumber(env.successRate) ||
    !isNumber(env.maxSteps)
  )
    return 'A "run-job" message needs env = { map: rows, isSlippery, successRate, maxSteps }.';
  if (
    !isRecord(job) ||
    !isNumber(job.id) ||
    !isNumber(job.settingIndex) ||
    !isNumber(job.seed) ||
    !isNumber(job.episodes) ||
    !isRecord(job.params)
  )
    return 'A "run-job" message needs job = { id, settingIndex, seed, params, episodes }.';
  const spec: SweepEnvSpec = {
    map: [...(env.map as string[])],
    isSlippery: env.isSlippery,
    successRate: env.successRate,
    maxSteps: env.maxSteps,
    // Checked by sweepErrors with the other values.
    ...(Array.isArray(env.rewardSchedule)
      ? { rewardSchedule: [...env.rewardSchedule] as unknown as RewardSchedule }
      : {}),
  };
  const params = { ...(job.params as unknown as SweepJob['params']) };
  const copy: SweepJob = {
    id: job.id,
    settingIndex: job.settingIndex,
    seed: job.seed,
    episodes: job.episodes,
    params,
  };
  const { checkpoints, learner } = message;
  if (checkpoints === undefined) {
    if (learner !== undefined)
      return 'Only a band\'s "run-job" (with checkpoints) takes a learner.';
    return { type: 'run-job', sweepId, env: spec, job: copy };
  }
  if (!Array.isArray(checkpoints) || !checkpoints.every(isNumber))
    return 'A band\'s "run-job" message needs checkpoints = [episode counts].';
  const band: SweepCommand = {
    type: 'run-job',
    sweepId,
    env: spec,
    job: copy,
    checkpoints: [...checkpoints],
  };
  if (learner === undefined) return band;
  if (
    !isRecord(learner) ||
    (learner.algorithm !== undefined && typeof learner.algorithm !== 'string') ||
    (learner.options !== undefined && !isRecord(learner.options))
  )
    return "A band's learner must be { algorithm: a name, options: { … } }.";
  // The name and the options' values are checked with the job's values (bandLearnerErrors).
  return {
    ...band,
    learner: {
      ...(learner.algorithm === undefined ? {} : { algorithm: learner.algorithm as Algorithm }),
      ...(learner.options === undefined
        ? {}
        : { options: { ...learner.options } as BandLearner['options'] }),
    },
  };
}

/**
 * What is wrong with a band's checkpoints: 1 to `BAND_CHECKPOINTS` whole episode counts, strictly
 * ascending from at least 1, the last one the job's episodes.
 */
function checkpointErrors(checkpoints: readonly number[], episodes: number): string[] {
  const ascending = checkpoints.every(
    (e, i) => Number.isInteger(e) && e > (i === 0 ? 0 : checkpoints[i - 1]!),
  );
  const fits = checkpoints.length > 0 && checkpoints.length <= BAND_CHECKPOINTS;
  if (fits && ascending && checkpoints[checkpoints.length - 1] === episodes) return [];
  return [
    `A band's checkpoints must be 1 to ${BAND_CHECKPOINTS} whole episode counts, ascending, ` +
      `the last one the job's ${episodes} episodes.`,
  ];
}

/** Range errors of a job: its environment, hyperparameters, episodes and seed. */
function jobErrors(env: SweepEnvSpec, job: SweepJob): string[] {
  const { alpha, gamma, epsilonDecay, tieBreak } = job.params;
  const missing = ['alpha', 'gamma', 'epsilon', 'epsilonDecay', 'minEpsilon', 'tieBreak'].filter(
    (k) => !(k in job.params),
  );
  if (missing.length > 0) return [`The job's params are missing ${missing.join(', ')}.`];
  return [
    ...paramErrors(job.params),
    ...sweepErrors({
      env,
      base: job.params,
      values: {
        alpha: [alpha],
        gamma: [gamma],
        epsilonDecay: [epsilonDecay],
        episodes: [job.episodes],
        tieBreak: [tieBreak],
      },
      seeds: [job.seed],
    }),
  ].filter((e, i, all) => all.indexOf(e) === i);
}

/**
 * Creates the handler. A job's `env` is its setting's environment (`jobEnvSpec`); each distinct
 * (schedule, success rate) of a map is built once and kept (`createEnvCache`).
 */
export function createSweepHandler(endpoint: SweepEndpoint): SweepHandler {
  const envFor = createEnvCache();
  return {
    handle(message) {
      const command = parseSweepCommand(message);
      if (typeof command === 'string') {
        const m = isRecord(message) ? message : {};
        const job = isRecord(m.job) ? m.job : {};
        endpoint.post({
          type: 'job-failed',
          sweepId: isNumber(m.sweepId) ? m.sweepId : -1,
          jobId: isNumber(job.id) ? job.id : -1,
          message: command,
        });
        return;
      }
      const { sweepId, env, job, checkpoints, learner } = command;
      const errors = jobErrors(env, job);
      if (checkpoints && errors.length === 0)
        errors.push(...checkpointErrors(checkpoints, job.episodes), ...bandLearnerErrors(learner));
      if (errors.length > 0) {
        endpoint.post({ type: 'job-failed', sweepId, jobId: job.id, message: errors.join(' ') });
        return;
      }
      if (checkpoints) {
        const curve = seedCurve(envFor(env), job.params, job.seed, checkpoints, learner);
        endpoint.post({ type: 'band-done', sweepId, jobId: job.id, curve });
        return;
      }
      const result = runSweepJob(envFor(env), job, endpoint.now);
      endpoint.post({ type: 'job-done', sweepId, result });
    },
  };
}
