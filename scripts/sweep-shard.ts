/**
 * Sweeps split across machines: `--shard K/N` keeps the K-th of N equal, contiguous parts of a
 * sweep's jobs (settings × seeds, in job-id order).
 *
 * A job's numbers depend only on the map, its setting and its seed (`src/rl/sweep.ts`), so the
 * parts can run anywhere, in any order: the sweep is embarrassingly parallel. Part K of N holds
 * the jobs with ids in [⌊(K−1)·J/N⌋, ⌊K·J/N⌋) of J jobs, so the parts differ by at most one job
 * and together hold every job exactly once. Merging is `scripts/sweep-merge.ts`.
 */
import { parseNumber } from '../src/rl/parse-values';
import type { SweepPlan } from '../src/rl/sweep';
import { UsageError } from './cli';

/** Which part of a sweep a run holds: part `index` (1-based) of `count`. */
export interface ShardId {
  index: number;
  count: number;
}

/** The most parts a sweep can be split into (a sweep holds at most 10,000 agents anyway). */
const SHARD_COUNT_LIMIT = {
  label: 'Shards (N of --shard K/N)',
  min: 1,
  max: 10_000,
  integer: true,
};

/**
 * Reads `--shard K/N` ("2/8"): two whole numbers with 1 ≤ K ≤ N, each read as every other number
 * of the command line is (`rl/parse-values`). Throws `UsageError` naming the flag.
 */
export function parseShard(text: string): ShardId {
  const parts = text.split('/');
  if (parts.length !== 2)
    throw new UsageError(`--shard "${text}": give K/N, the K-th of N parts, e.g. 2/8.`);
  const count = parseNumber(SHARD_COUNT_LIMIT, parts[1]!);
  if (!count.ok) throw new UsageError(`--shard "${text}": ${count.error}`);
  const limit = { label: 'Shard (K of --shard K/N)', min: 1, max: count.value, integer: true };
  const index = parseNumber(limit, parts[0]!);
  if (!index.ok) throw new UsageError(`--shard "${text}": ${index.error}`);
  return { index: index.value, count: count.value };
}

/** The ids [first, end) of part `index` of `count` among `jobs` jobs: ⌊(K−1)·J/N⌋ to ⌊K·J/N⌋. */
export function shardRange(jobs: number, { index, count }: ShardId): [number, number] {
  return [Math.floor(((index - 1) * jobs) / count), Math.floor((index * jobs) / count)];
}

/**
 * The plan of one part: the same settings, only its jobs. A part must hold at least one job, so a
 * sweep of J agents splits into at most J parts (`UsageError` otherwise).
 */
export function shardPlan(plan: SweepPlan, shard: ShardId): SweepPlan {
  const total = plan.jobs.length;
  if (shard.count > total)
    throw new UsageError(
      `--shard ${shard.index}/${shard.count}: the sweep has ${total} agents, so at most ${total} parts.`,
    );
  const [first, end] = shardRange(total, shard);
  return { ...plan, jobs: plan.jobs.slice(first, end) };
}
