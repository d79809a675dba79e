/**
 * What `npm run sweep` reads and writes, apart from running it: the flags → a checked sweep plan,
 * and the results → JSON and CSV. Kept apart from `scripts/sweep.ts` so tests run the command
 * line's own code path.
 */
import { LESSON_EPISODES, LESSON_PARAMS } from '../src/rl/params';
import {
  AXIS_INFO,
  expandSweep,
  parseAxisValues,
  parseSeeds,
  SWEEP_AXES,
  sweepErrors,
  type SweepJobResult,
  type SweepPlan,
  type SweepSpec,
  type SweepValues,
} from '../src/rl/sweep';
import { summarizeSweep, type SweepSummary } from '../src/rl/sweep-summary';
import {
  booleanFlag,
  ENV_FLAGS,
  envFromFlags,
  jsonFlag,
  numberFlag,
  PARAM_LIMITS,
  parseFlags,
  UsageError,
} from './cli';
import { parseShard, shardPlan, type ShardId } from './sweep-shard';

/** Every flag `npm run sweep` takes. */
export const SWEEP_FLAGS = [
  ...ENV_FLAGS,
  ...SWEEP_AXES.map((axis) => AXIS_INFO[axis].flag),
  'epsilon',
  'min-epsilon',
  'seeds',
  'threads',
  'shard',
  'out',
  'json',
  'help',
] as const;

/** `npm run sweep -- --help`. */
export const SWEEP_USAGE = `Trains one agent per setting × seed on all cores and reports the exact success
probability of each greedy policy (median, quartiles, min and max per setting).

npm run -s sweep -- [flags]

  --map 4x4|8x8|ROWS        the map (default 4x4; rows such as SFFF,FHFH,FFFH,HFFG)
  --slippery true|false     slippery ice (default true)
  --success-rate P          chance a slippery move goes the intended way (default 1/3)
  --reward-schedule G,H,F   rewards for entering the goal, a hole, a frozen tile (default 1,0,0)
  --max-steps N             time limit per episode (default Gymnasium's: 100 or 200)
  --alpha LIST              learning rates, e.g. 0.05,0.1,0.2 (default 0.1)
  --gamma LIST              discounts (default 0.99)
  --epsilon-decay LIST      ε decays per step, e.g. 1e-4,2e-7 (default 1e-4)
  --episodes LIST           episodes per agent (default 10000)
  --tie-break LIST          first and/or random (default first)
  --epsilon X               starting ε of every agent (default 1)
  --min-epsilon X           floor of ε (default 0.01)
  --seeds LIST              seeds and ranges, e.g. 0-9 or 0-3,7 (default 0-9)
  --threads N               worker threads (default: every core)
  --shard K/N               run only the K-th of N equal parts of the agents; --out writes PREFIX.json
  --out PREFIX              also write PREFIX.json (everything) and PREFIX.csv (one row per setting)
  --json                    print the JSON on stdout instead of a table
  --help                    this text

npm run -s sweep -- --merge FILE... [--out PREFIX] [--json]

  joins the JSON files of every --shard K/N run into the report of the whole sweep

A LIST is values separated by commas. Progress goes to stderr.`;

/** The values of one axis from its flag, or the lesson's value when the flag is absent. */
function axisFlag<K extends keyof SweepValues>(
  flags: Map<string, string>,
  axis: K,
  fallback: SweepValues[K],
): SweepValues[K] {
  const flag = AXIS_INFO[axis].flag;
  const raw = flags.get(flag);
  if (raw === undefined) return fallback;
  const parsed = parseAxisValues(axis, raw);
  if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.error}`);
  return parsed.values as SweepValues[K];
}

/** What the command line asked for. */
export interface SweepRequest {
  plan: SweepPlan;
  threads: number | undefined;
  out: string | undefined;
  json: boolean;
  help: boolean;
  /** The part of the sweep this run holds (`--shard K/N`); its plan holds only that part's jobs. */
  shard: ShardId | undefined;
}

/** Reads the flags into a checked plan; a bad flag throws `UsageError` (one line, exit code 2). */
export function sweepRequest(argv: readonly string[]): SweepRequest | { help: true } {
  const flags = parseFlags(argv, SWEEP_FLAGS);
  if (booleanFlag(flags, 'help', 'Help', false)) return { help: true };
  const env = envFromFlags(flags);
  const seedsText = flags.get('seeds') ?? '0-9';
  const seeds = parseSeeds(seedsText);
  if (!seeds.ok) throw new UsageError(`--seeds: ${seeds.error}`);
  const spec: SweepSpec = {
    env: {
      map: [...env.desc],
      isSlippery: env.isSlippery,
      successRate: env.successRate,
      rewardSchedule: env.rewardSchedule,
      maxSteps: env.maxSteps,
    },
    base: {
      ...LESSON_PARAMS,
      epsilon: numberFlag(flags, 'epsilon', PARAM_LIMITS.epsilon, LESSON_PARAMS.epsilon),
      minEpsilon: numberFlag(
        flags,
        'min-epsilon',
        PARAM_LIMITS.minEpsilon,
        LESSON_PARAMS.minEpsilon,
      ),
    },
    values: {
      alpha: axisFlag(flags, 'alpha', [LESSON_PARAMS.alpha]),
      gamma: axisFlag(flags, 'gamma', [LESSON_PARAMS.gamma]),
      epsilonDecay: axisFlag(flags, 'epsilonDecay', [LESSON_PARAMS.epsilonDecay]),
      episodes: axisFlag(flags, 'episodes', [LESSON_EPISODES]),
      tieBreak: axisFlag(flags, 'tieBreak', [LESSON_PARAMS.tieBreak]),
    },
    seeds: seeds.values,
  };
  const errors = sweepErrors(spec);
  if (errors.length > 0) throw new UsageError(errors.join(' '));
  const threads = flags.has('threads')
    ? numberFlag(flags, 'threads', { label: 'Threads', min: 1, max: 256, integer: true }, 1)
    : undefined;
  const out = flags.get('out');
  if (out === 'true' || out === '') throw new UsageError('--out needs a file name prefix.');
  const shard = flags.has('shard') ? parseShard(flags.get('shard')!) : undefined;
  if (shard && !out && !flags.has('json'))
    throw new UsageError('--shard needs --out PREFIX (or --json) to write its part.');
  const plan = expandSweep(spec);
  return {
    plan: shard ? shardPlan(plan, shard) : plan,
    shard,
    threads,
    out,
    json: jsonFlag(flags),
    help: false,
  };
}

/** The JSON `npm run sweep` writes: the sweep, one summary per setting, one result per agent. */
export interface SweepReport {
  spec: SweepSpec;
  summaries: SweepSummary[];
  results: SweepJobResult[];
  threads: number;
  /** Wall-clock time of the whole sweep, in ms. */
  ms: number;
}

/** Builds the report of a finished sweep. */
export function sweepReport(
  plan: SweepPlan,
  results: SweepJobResult[],
  threads: number,
  ms: number,
): SweepReport {
  return { spec: plan.spec, summaries: summarizeSweep(plan, results), results, threads, ms };
}

const CSV_HEADER = [
  'alpha',
  'gamma',
  'epsilon_decay',
  'episodes',
  'tie_break',
  'agents',
  'median',
  'min',
  'q1',
  'q3',
  'max',
  'median_steps',
  'mean_ms',
];

/** The JSON text a sweep (or one part of it) writes to `PREFIX.json`. */
export function sweepJson(report: SweepReport): string {
  return JSON.stringify(report, null, 1) + '\n';
}

/** One CSV row per setting; success probabilities to 6 decimals, times to 0.1 ms. */
export function sweepCsv(summaries: readonly SweepSummary[]): string {
  const rows = summaries.map((s) =>
    [
      s.setting.alpha,
      s.setting.gamma,
      s.setting.epsilonDecay,
      s.setting.episodes,
      s.setting.tieBreak,
      s.n,
      ...[s.median, s.min, s.q1, s.q3, s.max].map((x) => x.toFixed(6)),
      s.medianSteps,
      s.meanMs.toFixed(1),
    ].join(','),
  );
  return [CSV_HEADER.join(','), ...rows].join('\n') + '\n';
}

/** A readable table of the summaries, one line per setting. */
export function sweepTable(summaries: readonly SweepSummary[]): string {
  const lines = summaries.map((s) => {
    const { alpha, gamma, epsilonDecay, episodes, tieBreak } = s.setting;
    const f = (x: number) => x.toFixed(4);
    return (
      `α ${alpha}  γ ${gamma}  decay ${epsilonDecay}  episodes ${episodes}  ties ${tieBreak}: ` +
      `median ${f(s.median)}  IQR ${f(s.q1)}–${f(s.q3)}  range ${f(s.min)}–${f(s.max)}  (${s.n} agents)`
    );
  });
  return lines.join('\n') + '\n';
}
