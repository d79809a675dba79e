/**
 * Sharded sweeps (issue 21): `--shard K/N` parts, merged with `--merge`, give the JSON and CSV
 * one run of the whole sweep writes, byte for byte, for the same per-agent results; bad parts and
 * bad flags are refused with one line naming the file or the flag.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusal } from './usage-refusal';
import { sweepCsv, sweepJson, sweepReport, sweepRequest } from '../../scripts/sweep-cli';
import { mergeRequest, mergeShards, type ShardReport } from '../../scripts/sweep-merge';
import { parseShard, shardPlan, shardRange } from '../../scripts/sweep-shard';
import { runSweepJob, sweepEnv, type SweepJobResult, type SweepPlan } from '../../src/rl/sweep';

const SWEEP_ARGS = ['--alpha', '0.1,0.5', '--gamma', '0.9,0.99', '--episodes', '300'];

/** A 2 × 2 × 3 sweep's plan, as the command line reads it. */
function wholePlan(): SweepPlan {
  const request = sweepRequest([...SWEEP_ARGS, '--seeds', '0-2']);
  if (!('plan' in request)) throw new Error('expected a plan');
  return request.plan;
}

/** Every job's result, timed by a clock that moves 7 ms per read (so `ms` is reproducible). */
function resultsOf(plan: SweepPlan): SweepJobResult[] {
  const env = sweepEnv(plan.spec.env);
  let time = 0;
  return plan.jobs.map((job) => runSweepJob(env, job, () => (time += 7)));
}

/** The JSON files of a sweep split into `count` parts, each part timed `partMs[k]`. */
function shardFiles(plan: SweepPlan, results: SweepJobResult[], partMs: number[]) {
  return partMs.map((ms, k) => {
    const shard = { index: k + 1, count: partMs.length };
    const part = shardPlan(plan, shard);
    const [first, end] = shardRange(plan.jobs.length, shard);
    const report: ShardReport = { ...sweepReport(part, results.slice(first, end), 1, ms), shard };
    return { file: `results-${k + 1}.json`, text: sweepJson(report) };
  });
}

describe('--shard K/N', () => {
  it('reads K/N with 1 ≤ K ≤ N and names the flag otherwise', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(refusal(() => parseShard('3'))).toBe(
      '--shard "3": give K/N, the K-th of N parts, e.g. 2/8.',
    );
    expect(refusal(() => parseShard('1/2/3'))).toMatch(/^--shard "1\/2\/3": give K\/N/);
    expect(refusal(() => parseShard('5/4'))).toBe(
      '--shard "5/4": Shard (K of --shard K/N) must be a whole number from 1 to 4; got 5.',
    );
    expect(refusal(() => parseShard('0/4'))).toMatch(/^--shard "0\/4": Shard .* got 0\.$/);
    expect(refusal(() => parseShard('1/0'))).toMatch(/^--shard "1\/0": Shards .* got 0\.$/);
    expect(refusal(() => parseShard('1.5/4'))).toMatch(/whole number/);
    expect(refusal(() => parseShard('0x1/4'))).toMatch(/^--shard "0x1\/4": Shard/);
  });

  it('splits J jobs into N contiguous parts that differ by at most one and hold each job once', () => {
    for (let jobs = 1; jobs <= 40; jobs++)
      for (let count = 1; count <= jobs; count++) {
        const ranges = Array.from({ length: count }, (_, k) =>
          shardRange(jobs, { index: k + 1, count }),
        );
        expect(ranges[0]![0]).toBe(0);
        expect(ranges[count - 1]![1]).toBe(jobs);
        for (let k = 1; k < count; k++) expect(ranges[k]![0]).toBe(ranges[k - 1]![1]);
        const sizes = ranges.map(([a, b]) => b - a);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      }
    expect(shardRange(10, { index: 2, count: 3 })).toEqual([3, 6]);
  });

  it('a part keeps every setting and only its own jobs; more parts than agents is refused', () => {
    const plan = wholePlan();
    const part = shardPlan(plan, { index: 3, count: 5 });
    expect(part.settings).toEqual(plan.settings);
    expect(part.jobs.map((j) => j.id)).toEqual([4, 5, 6]);
    expect(refusal(() => shardPlan(plan, { index: 1, count: 13 }))).toBe(
      '--shard 1/13: the sweep has 12 agents, so at most 12 parts.',
    );
    expect(refusal(() => sweepRequest([...SWEEP_ARGS, '--shard', '1/2']))).toBe(
      '--shard needs --out PREFIX (or --json) to write its part.',
    );
  });
});

describe('--merge', () => {
  const plan = wholePlan();
  const results = resultsOf(plan);

  it('the parts merged are the whole sweep’s JSON and CSV, byte for byte, in any order', () => {
    // One run on 3 threads for 900 ms, or three parts on one thread each, the longest 900 ms.
    const whole = sweepReport(plan, results, 3, 900);
    const files = shardFiles(plan, results, [450, 900, 700]);
    for (const order of [files, [...files].reverse()]) {
      const merged = mergeShards(order);
      expect(sweepJson(merged)).toBe(sweepJson(whole));
      expect(sweepCsv(merged)).toBe(sweepCsv(whole));
      expect(merged.results.map((r) => r.jobId)).toEqual(plan.jobs.map((j) => j.id));
    }
    // One part of one is the whole sweep with a shard mark: merging drops the mark.
    const single = mergeShards(shardFiles(plan, results, [900]));
    expect(sweepJson(single)).toBe(sweepJson({ ...whole, threads: 1 }));
  });

  it('refuses a missing, repeated, foreign or altered part with one line naming the file', () => {
    const files = shardFiles(plan, results, [1, 2, 3]);
    const [one, two, three] = files as [(typeof files)[0], (typeof files)[0], (typeof files)[0]];
    expect(refusal(() => mergeShards([one, three]))).toBe('--merge: part 2 of 3 missing.');
    expect(refusal(() => mergeShards([one, two, { ...two, file: 'copy.json' }, three]))).toBe(
      'copy.json: part 2/3 again (results-2.json).',
    );
    const other = wholePlan();
    other.spec.seeds = [0, 1, 5];
    const foreign = shardFiles(
      { ...other, jobs: other.jobs.map((j, i) => ({ ...j, seed: [0, 1, 5][i % 3]! })) },
      results.map((r, i) => ({ ...r, seed: [0, 1, 5][i % 3]! })),
      [1, 2, 3],
    )[1]!;
    expect(refusal(() => mergeShards([one, { ...foreign, file: 'x.json' }, three]))).toBe(
      'x.json: a part of another sweep than results-1.json.',
    );
    const halves = shardFiles(plan, results, [1, 2]);
    expect(refusal(() => mergeShards([one, halves[1]!]))).toBe(
      'results-2.json: a part of 2, not of 3.',
    );
    const altered = { ...two, text: two.text.replace('"seed": 1', '"seed": 7') };
    expect(refusal(() => mergeShards([one, altered, three]))).toBe(
      'results-2.json result 0: expected job 4 (seed 1).',
    );
    const short = { ...two, text: two.text.replace(/"results": \[[^]*?\n \]/, '"results": []') };
    expect(refusal(() => mergeShards([one, short, three]))).toBe(
      'results-2.json: shard 2/3 needs 4 results.',
    );
    expect(refusal(() => mergeShards([{ file: 'a.json', text: '{' }]))).toBe('a.json: not JSON.');
    expect(refusal(() => mergeShards([{ file: 'a.json', text: '[]' }]))).toBe(
      'a.json: not a shard of a sweep (expected an object).',
    );
    const badSpec = { ...one, text: one.text.replace('"maxSteps": 100', '"maxSteps": -1') };
    expect(refusal(() => mergeShards([badSpec]))).toMatch(/^results-1\.json: .*Time limit/);
  });

  it('reads the files after --merge up to the next flag, with only --out and --json beside it', () => {
    expect(mergeRequest(['--alpha', '0.1'])).toBeUndefined();
    expect(mergeRequest(['--merge', 'a.json', 'b.json', '--out', 'all'])).toEqual({
      files: ['a.json', 'b.json'],
      out: 'all',
      json: false,
    });
    expect(mergeRequest(['--json', '--merge', 'a.json'])).toEqual({
      files: ['a.json'],
      out: undefined,
      json: true,
    });
    expect(refusal(() => mergeRequest(['--merge']))).toBe('--merge needs the shards’ JSON files.');
    expect(refusal(() => mergeRequest(['--merge', 'a.json', '--alpha', '0.1']))).toMatch(
      /^Unknown flag --alpha; known: --out --json\.$/,
    );
  });
});

describe('npm run sweep, sharded on the command line', () => {
  /** Runs `scripts/sweep.ts` with `args` in its own process. */
  function sweep(args: string[]) {
    return spawnSync('npx', ['tsx', 'scripts/sweep.ts', ...args], { encoding: 'utf8' });
  }
  /** A file's text with the wall-clock figures blanked: JSON ms, meanMs, threads; CSV mean_ms. */
  const untimed = (text: string, ext: string) =>
    ext === 'json'
      ? text.replace(/"(ms|meanMs|threads)": [^,\n]+/g, '"$1": _')
      : text.replace(/,[^,\n]+$/gm, ',_');

  it('two parts merged equal one whole run in everything but the wall-clock figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-shard-'));
    const args = ['--alpha', '0.1,0.5', '--episodes', '200', '--seeds', '0-1', '--threads', '1'];
    for (const k of [1, 2])
      expect(sweep([...args, '--shard', `${k}/2`, '--out', join(dir, `part-${k}`)]).status).toBe(0);
    expect(sweep([...args, '--out', join(dir, 'whole')]).status).toBe(0);
    const files = [2, 1].map((k) => join(dir, `part-${k}.json`));
    expect(sweep(['--merge', ...files, '--out', join(dir, 'merged')]).status).toBe(0);
    for (const ext of ['json', 'csv']) {
      const whole = readFileSync(join(dir, `whole.${ext}`), 'utf8');
      const merged = readFileSync(join(dir, `merged.${ext}`), 'utf8');
      expect(untimed(merged, ext)).toBe(untimed(whole, ext));
      expect(untimed(merged, ext)).not.toBe(merged);
    }
  }, 120_000);

  it('a bad --shard or --merge prints one line and exits with code 2', () => {
    const bad = sweep(['--shard', '3/2', '--out', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'error: --shard "3/2": Shard (K of --shard K/N) must be a whole number from 1 to 2; got 3.\n',
    );
    const missing = sweep(['--merge', '/nonexistent/results-1.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('error: --merge: cannot read /nonexistent/results-1.json.\n');
  }, 60_000);
});
