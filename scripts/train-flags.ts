/**
 * `npm run train`'s flags → what to train: a function of the argument list (no process, no
 * output; `--replay` reads its file), so tests read a command line exactly as the script does. A bad flag throws
 * `UsageError` naming it (one line on stderr, exit code 2, in `runCli`).
 */
import type { IceMazeEnv } from '../src/rl/env';
import {
  isTieBreak,
  LESSON_EPISODES,
  LESSON_PARAMS,
  PARAM_LIMITS,
  RUN_LIMITS,
  type QParams,
} from '../src/rl/params';
import { type Algorithm, ALGORITHMS, isAlgorithm } from '../src/rl/algorithms/registry';
import type { LearnerOptions } from '../src/rl/learner-options';
import { ENV_FLAGS, envFromFlags, jsonFlag, numberFlag, parseFlags, UsageError } from './cli';
import { LEARNER_FLAGS, learnerOptionsFromFlags } from './learner-flags';
import { checkReplayFlags, recordFile } from './train-replay';
import type { RunRecord } from '../src/rl/replay';

/** The flags `train` takes. */
export const TRAIN_FLAGS = [
  ...ENV_FLAGS,
  'seed',
  'episodes',
  'alpha',
  'gamma',
  'epsilon',
  'epsilon-decay',
  'min-epsilon',
  'tie-break',
  'algorithm',
  ...LEARNER_FLAGS,
  'replay',
  'json',
] as const;

/** What a `train` command line asks for. */
export interface TrainRequest {
  env: IceMazeEnv;
  algorithm: Algorithm;
  params: QParams;
  /** Exploration, step size, Q₀ and the algorithm's own knobs. */
  options: LearnerOptions;
  seed: number;
  episodes: number;
  json: boolean;
  /** `--replay FILE`: the run record to train along instead (every other setting is the record's). */
  replay: RunRecord | null;
}

/** Reads `train`'s flags (`argv` without the node and script paths). */
export function trainRequest(argv: readonly string[]): TrainRequest {
  const flags = parseFlags(argv, TRAIN_FLAGS);
  const replayFile = flags.get('replay');
  if (replayFile !== undefined) checkReplayFlags(flags);
  // Read here, so a file that is missing or not a record is refused like any bad flag.
  const replay = replayFile === undefined ? null : recordFile(replayFile);
  const algorithm = flags.get('algorithm') ?? 'q-learning';
  if (!isAlgorithm(algorithm))
    throw new UsageError(
      `--algorithm must be one of ${ALGORITHMS.join(', ')}; got "${algorithm}".`,
    );
  const env = envFromFlags(flags);
  const tieBreak = flags.get('tie-break') ?? 'first';
  if (!isTieBreak(tieBreak))
    throw new UsageError(`--tie-break must be first or random; got "${tieBreak}".`);
  const params: QParams = {
    alpha: numberFlag(flags, 'alpha', PARAM_LIMITS.alpha, LESSON_PARAMS.alpha),
    gamma: numberFlag(flags, 'gamma', PARAM_LIMITS.gamma, LESSON_PARAMS.gamma),
    epsilon: numberFlag(flags, 'epsilon', PARAM_LIMITS.epsilon, LESSON_PARAMS.epsilon),
    epsilonDecay: numberFlag(
      flags,
      'epsilon-decay',
      PARAM_LIMITS.epsilonDecay,
      LESSON_PARAMS.epsilonDecay,
    ),
    minEpsilon: numberFlag(flags, 'min-epsilon', PARAM_LIMITS.minEpsilon, LESSON_PARAMS.minEpsilon),
    tieBreak,
  };
  return {
    env,
    algorithm,
    params,
    options: learnerOptionsFromFlags(flags),
    seed: numberFlag(flags, 'seed', RUN_LIMITS.seed, 0),
    episodes: numberFlag(flags, 'episodes', RUN_LIMITS.episodes, LESSON_EPISODES),
    json: jsonFlag(flags),
    replay,
  };
}
