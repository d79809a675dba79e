/**
 * Parameter sweeps from the command line on every core:
 * `npm run -s sweep -- --map 4x4 --alpha 0.05,0.1,0.2 --gamma 0.95,0.99 --seeds 0-9 --out results`
 * (`--help` lists the flags). Each agent runs in a worker thread with the page's sweep handler;
 * progress goes to stderr, the table or `--json` to stdout, `--out` writes JSON and CSV.
 * `--shard K/N` runs one part of the agents and writes its JSON; `--merge FILES…` joins the parts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { runCli, UsageError } from './cli';
import {
  sweepCsv,
  sweepJson,
  sweepReport,
  sweepRequest,
  sweepTable,
  SWEEP_USAGE,
  type SweepReport,
} from './sweep-cli';
import { mergeRequest, mergeShards, type ShardReport } from './sweep-merge';
import { runSweepOnThreads } from './sweep-pool';

/** Progress lines at most this often, in ms. */
const PROGRESS_INTERVAL_MS = 500;

/** Writes `out`.json (and `out`.csv unless `csv` is false) and prints the table or the JSON. */
function emit(report: SweepReport, out: string | undefined, json: boolean, csv = true): void {
  if (out) {
    writeFileSync(`${out}.json`, sweepJson(report));
    if (csv) writeFileSync(`${out}.csv`, sweepCsv(report));
    process.stderr.write(csv ? `Wrote ${out}.json and ${out}.csv\n` : `Wrote ${out}.json\n`);
  }
  process.stdout.write(json ? sweepJson(report, 0) : sweepTable(report));
}

/** Reads a shard's file; a missing or unreadable one is a usage error naming it. */
function readShard(file: string): { file: string; text: string } {
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch {
    throw new UsageError(`--merge: cannot read ${file}.`);
  }
}

runCli(() => {
  const argv = process.argv.slice(2);
  const merge = mergeRequest(argv);
  if (merge) {
    emit(mergeShards(merge.files.map(readShard)), merge.out, merge.json);
    return;
  }
  const request = sweepRequest(argv);
  if (request.help) {
    process.stdout.write(SWEEP_USAGE + '\n');
    return;
  }
  const { plan, out, json, shard } = request;
  const threads = Math.min(request.threads ?? availableParallelism(), plan.jobs.length);
  const t0 = performance.now();
  let lastProgress = -Infinity;
  process.stderr.write(`Sweep: ${plan.jobs.length} agents on ${threads} threads\n`);
  runSweepOnThreads(plan, {
    threads,
    onResult: (_r, done, total) => {
      const now = performance.now();
      if (done < total && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      process.stderr.write(`${done}/${total} agents, ${((now - t0) / 1000).toFixed(1)} s\n`);
    },
  })
    .then((results) => {
      const report = sweepReport(plan, results, threads, performance.now() - t0);
      // A part writes its JSON only: its summaries hold only its own agents.
      if (shard) {
        const part: ShardReport = { ...report, shard };
        emit(part, out, json, false);
      } else emit(report, out, json);
    })
    .catch((e: unknown) => {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(1);
    });
});
