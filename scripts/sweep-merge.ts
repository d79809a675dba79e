/**
 * `npm run -s sweep -- --merge results-*.json [--out PREFIX] [--json]`: joins the JSON files that
 * `--shard K/N --out …` runs wrote into the report one run of the whole sweep writes, checking
 * that every part of one sweep is there exactly once and that each holds the jobs its spec
 * expands to. Pure: the caller reads the files and writes the output.
 */
import { expandSweep, SweepError, type SweepJobResult, type SweepPlan } from '../src/rl/sweep';
import { sweepHasRewards } from '../src/rl/sweep-env';
import { parseFlags, UsageError, jsonFlag } from './cli';
import { sweepReport, type SweepReport } from './sweep-cli';
import { parseShard, shardPlan, type ShardId } from './sweep-shard';

/** What `--shard K/N` writes: a sweep report of its own jobs, and which part it is. */
export interface ShardReport extends SweepReport {
  shard: ShardId;
}

/** What `--merge` was asked to do. */
export interface MergeRequest {
  /** The shards' JSON files, as given. */
  files: string[];
  out: string | undefined;
  json: boolean;
}

/**
 * Reads `--merge FILE… [--out PREFIX] [--json]` (the files are every word after `--merge` up to
 * the next flag, as a shell glob expands them); `undefined` when `--merge` is absent. Any other
 * flag is refused: a merge reruns nothing, so settings have no place beside it.
 */
export function mergeRequest(argv: readonly string[]): MergeRequest | undefined {
  const at = argv.indexOf('--merge');
  if (at < 0) return undefined;
  let end = at + 1;
  while (end < argv.length && !argv[end]!.startsWith('--')) end++;
  const files = argv.slice(at + 1, end);
  if (files.length === 0) throw new UsageError('--merge needs the shards\u2019 JSON files.');
  const flags = parseFlags([...argv.slice(0, at), ...argv.slice(end)], ['out', 'json']);
  const out = flags.get('out');
  if (out === 'true' || out === '') throw new UsageError('--out needs a file name prefix.');
  return { files, out, json: jsonFlag(flags) };
}

/** A plain object, or a `UsageError` naming the file. */
function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`${where}: not a shard of a sweep (expected an object).`);
  return value as Record<string, unknown>;
}

/** A finite number field, or a `UsageError` naming the file and field. */
function numberField(o: Record<string, unknown>, key: string, where: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new UsageError(`${where}: "${key}" must be a number.`);
  return v;
}

/**
 * Reads one shard's JSON text (from `file`, named in every message): its spec, its part, and a
 * result for every job of that part in job-id order, each result the job the spec expands to.
 */
export function parseShardReport(
  text: string,
  file: string,
): { plan: SweepPlan; report: ShardReport } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not JSON.`);
  }
  const o = record(json, file);
  const shardObject = record(o['shard'], `${file} "shard"`);
  const shard = parseShard(
    `${numberField(shardObject, 'index', file)}/${numberField(shardObject, 'count', file)}`,
  );
  let full: SweepPlan;
  try {
    full = expandSweep(o['spec'] as SweepPlan['spec']);
  } catch (e) {
    const why = e instanceof SweepError ? e.message : 'its "spec" is not a sweep.';
    throw new UsageError(`${file}: ${why}`);
  }
  const plan = shardPlan(full, shard);
  const withReturn = sweepHasRewards(full.spec);
  const raw = o['results'];
  if (!Array.isArray(raw) || raw.length !== plan.jobs.length)
    throw new UsageError(
      `${file}: shard ${shard.index}/${shard.count} needs ${plan.jobs.length} results.`,
    );
  const results = raw.map((item: unknown, i): SweepJobResult => {
    const where = `${file} result ${i}`;
    const r = record(item, where);
    const job = plan.jobs[i]!;
    const result: SweepJobResult = {
      jobId: numberField(r, 'jobId', where),
      settingIndex: numberField(r, 'settingIndex', where),
      seed: numberField(r, 'seed', where),
      successProbability: numberField(r, 'successProbability', where),
      // Written only where the rewards are not Gymnasium's (`sweepJson`), and then required.
      ...(withReturn ? { expectedReturn: numberField(r, 'expectedReturn', where) } : {}),
      steps: numberField(r, 'steps', where),
      ms: numberField(r, 'ms', where),
    };
    if (
      result.jobId !== job.id ||
      result.settingIndex !== job.settingIndex ||
      result.seed !== job.seed
    )
      throw new UsageError(`${where}: expected job ${job.id} (seed ${job.seed}).`);
    return result;
  });
  return {
    plan: full,
    report: {
      ...sweepReport(plan, results, numberField(o, 'threads', file), numberField(o, 'ms', file)),
      shard,
    },
  };
}

/**
 * Joins every part of one sweep into the report a single run writes: the spec, the summaries
 * recomputed from all results, the results in job-id order (each with the time its own machine
 * measured), `threads` the sum of the parts' threads and `ms` the longest part's wall-clock time
 * (the parts ran side by side). Every part 1..N must be given exactly once, all of the same sweep.
 */
export function mergeShards(files: readonly { file: string; text: string }[]): SweepReport {
  if (files.length === 0) throw new UsageError('--merge needs the shards\u2019 JSON files.');
  const parts = files.map(({ file, text }) => ({ file, ...parseShardReport(text, file) }));
  const first = parts[0]!;
  const specText = JSON.stringify(first.report.spec);
  const count = first.report.shard.count;
  const byIndex = new Map<number, (typeof parts)[number]>();
  for (const part of parts) {
    const { index } = part.report.shard;
    if (part.report.shard.count !== count)
      throw new UsageError(`${part.file}: a part of ${part.report.shard.count}, not of ${count}.`);
    if (JSON.stringify(part.report.spec) !== specText)
      throw new UsageError(`${part.file}: a part of another sweep than ${first.file}.`);
    const twin = byIndex.get(index);
    if (twin) throw new UsageError(`${part.file}: part ${index}/${count} again (${twin.file}).`);
    byIndex.set(index, part);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length > 0)
    throw new UsageError(`--merge: part ${missing.join(', ')} of ${count} missing.`);
  const ordered = [...byIndex.keys()].sort((a, b) => a - b).map((k) => byIndex.get(k)!.report);
  return sweepReport(
    first.plan,
    ordered.flatMap((r) => r.results),
    ordered.reduce((n, r) => n + r.threads, 0),
    Math.max(...ordered.map((r) => r.ms)),
  );
}
