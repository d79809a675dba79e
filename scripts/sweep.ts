/**
 * Parameter sweeps from the command line on every core:
 * `npm run -s sweep -- --map 4x4 --alpha 0.05,0.1,0.2 --gamma 0.95,0.99 --seeds 0-9 --out results`
 * (`--help` lists the flags). Each agent runs in a worker thread with the page's sweep handler;
 * progress goes to stderr, the table or `--json` to stdout, `--out` writes JSON and CSV.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { runCli } from './cli';
import { sweepCsv, sweepReport, sweepRequest, sweepTable, SWEEP_USAGE } from './sweep-cli';
import { runSweepOnThreads } from './sweep-pool';

/** Progress lines at most this often, in ms. */
const PROGRESS_INTERVAL_MS = 500;

runCli(() => {
  const request = sweepRequest(process.argv.slice(2));
  if (request.help) {
    process.stdout.write(SWEEP_USAGE + '\n');
    return;
  }
  const { plan, out, json } = request;
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
      if (out) {
        writeFileSync(`${out}.json`, JSON.stringify(report, null, 1) + '\n');
        writeFileSync(`${out}.csv`, sweepCsv(report.summaries));
        process.stderr.write(`Wrote ${out}.json and ${out}.csv\n`);
      }
      process.stdout.write(json ? JSON.stringify(report) + '\n' : sweepTable(report.summaries));
    })
    .catch((e: unknown) => {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(1);
    });
});
