/**
 * `npm run dp`'s flags → what to solve: a pure function of the argument list, so tests read a
 * command line exactly as the script does. A bad flag throws `UsageError` naming it (one line on
 * stderr, exit code 2, in `runCli`). The environment's flags are the shared ones (`ENV_FLAGS`).
 */
import type { IceMazeEnv } from '../src/rl/env';
import { DP_DEFAULTS, DP_LIMITS, isDpMethod } from '../src/rl/dp/dp-limits';
import type { DpMethod } from '../src/rl/dp/dp-run';
import { runPolicyIteration } from '../src/rl/dp/policy-iteration';
import { runValueIteration } from '../src/rl/dp/sweep';
import { LESSON_PARAMS, PARAM_LIMITS } from '../src/rl/params';
import { qRows } from '../src/rl/tables';
import { ENV_FLAGS, envFromFlags, jsonFlag, numberFlag, parseFlags, UsageError } from './cli';

/** The flags `dp` takes. */
export const DP_FLAGS = [...ENV_FLAGS, 'gamma', 'method', 'sweeps', 'tolerance', 'json'] as const;

/** What a `dp` command line asks for. */
export interface DpRequest {
  env: IceMazeEnv;
  gamma: number;
  method: DpMethod;
  /** At most this many sweeps (evaluation sweeps for policy iteration). */
  sweeps: number;
  tolerance: number;
  json: boolean;
}

/** Reads `dp`'s flags (`argv` without the node and script paths). */
export function dpRequest(argv: readonly string[]): DpRequest {
  const flags = parseFlags(argv, DP_FLAGS);
  const method = flags.get('method') ?? 'value';
  if (!isDpMethod(method))
    throw new UsageError(`--method must be value or policy; got "${method}".`);
  return {
    env: envFromFlags(flags),
    gamma: numberFlag(flags, 'gamma', PARAM_LIMITS.gamma, LESSON_PARAMS.gamma),
    method,
    sweeps: numberFlag(flags, 'sweeps', DP_LIMITS.sweeps, DP_DEFAULTS.sweeps),
    tolerance: numberFlag(flags, 'tolerance', DP_LIMITS.tolerance, DP_DEFAULTS.tolerance),
    json: jsonFlag(flags),
  };
}

/** What `dp --json` prints: Q per state in Gymnasium's action order, terminal states 0. */
export interface DpOutput {
  V: number[];
  Q: number[][];
  policy: number[];
  /** Sweeps taken (evaluation sweeps for policy iteration). */
  sweeps: number;
  /** ‖V_k − V_{k−1}‖∞ of every sweep. */
  deltas: number[];
  /** Policy iteration only: improvement steps, the last of which changed nothing. */
  improvements?: number;
}

/** Solves the request's environment by its method. */
export function dpOutput(request: DpRequest): DpOutput {
  const limits = { tolerance: request.tolerance, maxSweeps: request.sweeps };
  const tables = (run: { v: Float64Array; q: Float64Array; policy: Int8Array }) => ({
    V: Array.from(run.v),
    Q: qRows(run.q),
    policy: Array.from(run.policy),
  });
  if (request.method === 'value') {
    const run = runValueIteration(request.env, request.gamma, limits);
    return { ...tables(run), sweeps: run.sweeps, deltas: run.deltas };
  }
  const run = runPolicyIteration(request.env, request.gamma, limits);
  return {
    ...tables(run),
    sweeps: run.sweeps,
    deltas: run.deltas,
    improvements: run.improvements,
  };
}
