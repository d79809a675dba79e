/**
 * A seed band's plan: the lab's settings on N seeds (the lab's seed and the N − 1 after it), one
 * sweep job per seed, each measured at the same checkpoints. The jobs are the sweep's
 * (`rl/sweep`), so the sweep's workers and checks run them unchanged.
 */
import { algorithmNameError, isAlgorithmName } from './algorithm-names';
import { checkLimit, type QParams } from './params';
import { BAND_SEED_LIMIT } from './band-limit';
import { learnerOptionErrors } from './learner-options';
import { bandSeeds } from './seed-band';
import { bandCheckpoints, type BandLearner } from './seed-curve';
import { sweepErrors, type SweepEnvSpec, type SweepJob, type SweepSpec } from './sweep';

/** What a band is asked for. */
export interface BandRequest {
  env: SweepEnvSpec;
  params: QParams;
  /** The lab's seed: the band's first seed, whose curve is the lab's run. */
  firstSeed: number;
  /** Seeds in the band (`BAND_SEED_LIMIT`: 2 to 64). */
  count: number;
  /** Episodes each seed trains. */
  episodes: number;
  /** The lab's algorithm and learner options (absent: the lesson's Q-learning). */
  learner?: BandLearner;
}

/** What is wrong with a band's algorithm name and learner options (nothing when absent). */
export function bandLearnerErrors(learner: BandLearner | undefined): string[] {
  if (!learner) return [];
  const { algorithm, options } = learner;
  return [
    ...(algorithm !== undefined && !isAlgorithmName(algorithm)
      ? [algorithmNameError(String(algorithm))]
      : []),
    ...(options ? learnerOptionErrors({ ...options }) : []),
  ];
}

/** A checked band: its seeds, its checkpoints and one job per seed (job id = seed index). */
export interface BandPlan {
  request: BandRequest;
  seeds: number[];
  checkpoints: number[];
  jobs: SweepJob[];
}

/** The sweep of one setting over the band's seeds: what the band trains, as a sweep. */
export function bandSweepSpec(request: BandRequest): SweepSpec {
  const { env, params, episodes } = request;
  return {
    env,
    base: params,
    values: {
      alpha: [params.alpha],
      gamma: [params.gamma],
      epsilonDecay: [params.epsilonDecay],
      episodes: [episodes],
      tieBreak: [params.tieBreak],
    },
    seeds: bandSeeds(request.firstSeed, request.count),
  };
}

/**
 * Checks a band and plans it, or every problem with it: the seed count against
 * `BAND_SEED_LIMIT`, then the sweep's checks (environment, settings, episodes, every seed).
 */
export function planBand(
  request: BandRequest,
): { ok: true; plan: BandPlan } | { ok: false; errors: string[] } {
  const tooMany = checkLimit(BAND_SEED_LIMIT, request.count);
  if (tooMany) return { ok: false, errors: [tooMany] };
  const spec = bandSweepSpec(request);
  const errors = [...sweepErrors(spec), ...bandLearnerErrors(request.learner)];
  if (errors.length > 0) return { ok: false, errors };
  const jobs = spec.seeds.map((seed, i): SweepJob => ({
    id: i,
    settingIndex: 0,
    seed,
    params: { ...request.params },
    episodes: request.episodes,
  }));
  return {
    ok: true,
    plan: { request, seeds: spec.seeds, checkpoints: bandCheckpoints(request.episodes), jobs },
  };
}
