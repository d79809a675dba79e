/**
 * What `npm run sweep` reads and writes, apart from running it: the flags → a checked sweep plan,
 * and the results → JSON and CSV. Kept apart from `scripts/sweep.ts` so tests run the command
 * line's own code path.
 */
import { LESSON_EPISODES, LESSON_PARAMS } from '../src/rl/params';
import { AXIS_INFO, axisWords, parseAxisValues } from '../src/rl/sweep-axes';
import {
  expandSweep,
  parseSeeds,
  SWEEP_PARAM_AXES,
  sweepErrors,
  type SweepAxisValue,
  type SweepJobResult,
  type SweepPlan,
  type SweepSpec,
  type SweepValues,
} from '../src/rl/sweep';
import { sweepHasRewards, type SweepEnvAxis } from '../src/rl/sweep-env';
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
  ...SWEEP_PARAM_AXES.map((axis) => AXIS_INFO[axis].flag),
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
  --success-rate LIST       chances a slippery move goes the intended way, e.g. 0.6,0.8,1
                            (default 1/3)
  --reward-schedule LIST    rewards for entering the goal, a hole, a frozen tile, G,H,F; several
                            separated by semicolons, e.g. "1,0,0;1,0,-0.01" (default 1,0,0)
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

A LIST is values separated by commas (schedules by semicolons). With several schedules the
report adds the greedy policy's exact expected return. Progress goes to stderr.`;

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

/**
 * The values of an environment's axis (`--reward-schedule`, `--success-rate`) when its flag lists
 * several, and the flag then taken out of `envFlags`; one value stays in `envFlags` for
 * `envFromFlags`, which reads and refuses it exactly as every other script does.
 */
function envAxisFlag<K extends SweepEnvAxis>(
  envFlags: Map<string, string>,
  axis: K,
): SweepAxisValue<K>[] | undefined {
  const flag = AXIS_INFO[axis].flag;
  const raw = envFlags.get(flag);
  if (raw === undefined || axisWords(axis, raw).length <= 1) return undefined;
  const parsed = parseAxisValues(axis, raw);
  if (!parsed.ok) throw new UsageError(`--${flag} ${JSON.stringify(raw)}: ${parsed.error}`);
  envFlags.delete(flag);
  return parsed.values;
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
  const envFlags = new Map(flags);
  const schedules = envAxisFlag(envFlags, 'rewardSchedule');
  const rates = envAxisFlag(envFlags, 'successRate');
  const env = envFromFlags(envFlags);
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
      ...(schedules ? { rewardSchedule: schedules } : {}),
      ...(rates ? { successRate: rates } : {}),
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

/** One CSV column: its header and a summary's cell. */
interface CsvColumn {
  header: string;
  cell(s: SweepSummary): string | number;
}

const f6 = (x: number) => x.toFixed(6);

/**
 * The CSV's columns for a sweep. The environment's axes get columns only when swept (the rewards
 * as three, goal, hole, frozen) and the median return only when some rewards are not Gymnasium's
 * (`sweepHasRewards`), so a sweep without them writes the columns it always wrote.
 */
function csvColumns(spec: SweepSpec): CsvColumn[] {
  const schedule = (i: number) => (s: SweepSummary) => s.setting.rewardSchedule![i]!;
  return [
    ...(spec.values.rewardSchedule
      ? ['reward_goal', 'reward_hole', 'reward_frozen'].map((header, i) => ({
          header,
          cell: schedule(i),
        }))
      : []),
    ...(spec.values.successRate
      ? [{ header: 'success_rate', cell: (s: SweepSummary) => s.setting.successRate! }]
      : []),
    { header: 'alpha', cell: (s) => s.setting.alpha },
    { header: 'gamma', cell: (s) => s.setting.gamma },
    { header: 'epsilon_decay', cell: (s) => s.setting.epsilonDecay },
    { header: 'episodes', cell: (s) => s.setting.episodes },
    { header: 'tie_break', cell: (s) => s.setting.tieBreak },
    { header: 'agents', cell: (s) => s.n },
    { header: 'median', cell: (s) => f6(s.median) },
    { header: 'min', cell: (s) => f6(s.min) },
    { header: 'q1', cell: (s) => f6(s.q1) },
    { header: 'q3', cell: (s) => f6(s.q3) },
    { header: 'max', cell: (s) => f6(s.max) },
    ...(sweepHasRewards(spec)
      ? [{ header: 'median_return', cell: (s: SweepSummary) => f6(s.medianReturn) }]
      : []),
    { header: 'median_steps', cell: (s) => s.medianSteps },
    { header: 'mean_ms', cell: (s) => s.meanMs.toFixed(1) },
  ];
}

/** The report's fields that hold the exact return (left out where it equals the success). */
const RETURN_FIELDS = new Set(['expectedReturn', 'medianReturn']);

/**
 * The JSON text of a report: indented by 1 for `PREFIX.json` (a sweep's or one part's), on one
 * line with `indent` 0 (`--json`). The return fields appear only when some rewards are not
 * Gymnasium's (`sweepHasRewards`): a sweep without them writes exactly what it always wrote.
 */
export function sweepJson(report: SweepReport, indent = 1): string {
  const hide = !sweepHasRewards(report.spec);
  return (
    JSON.stringify(
      report,
      (key, value: unknown) => (hide && RETURN_FIELDS.has(key) ? undefined : value),
      indent,
    ) + '\n'
  );
}

/** One CSV row per setting; success probabilities and returns to 6 decimals, times to 0.1 ms. */
export function sweepCsv(report: Pick<SweepReport, 'spec' | 'summaries'>): string {
  const columns = csvColumns(report.spec);
  const rows = report.summaries.map((s) => columns.map((c) => c.cell(s)).join(','));
  return [columns.map((c) => c.header).join(','), ...rows].join('\n') + '\n';
}

/** A readable table of the summaries, one line per setting. */
export function sweepTable(report: Pick<SweepReport, 'spec' | 'summaries'>): string {
  const showReturn = sweepHasRewards(report.spec);
  const lines = report.summaries.map((s) => {
    const { alpha, gamma, epsilonDecay, episodes, tieBreak, rewardSchedule, successRate } =
      s.setting;
    const f = (x: number) => x.toFixed(4);
    return (
      (rewardSchedule ? `rewards ${rewardSchedule.join(',')}  ` : '') +
      (successRate !== undefined ? `success ${successRate}  ` : '') +
      `α ${alpha}  γ ${gamma}  decay ${epsilonDecay}  episodes ${episodes}  ties ${tieBreak}: ` +
      `median ${f(s.median)}  IQR ${f(s.q1)}–${f(s.q3)}  range ${f(s.min)}–${f(s.max)}` +
      (showReturn ? `  return ${f(s.medianReturn)}` : '') +
      `  (${s.n} agents)`
    );
  });
  return lines.join('\n') + '\n';
}
