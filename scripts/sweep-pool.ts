/**
 * The command line's sweep pool: `threads` Node worker threads, each running
 * `scripts/sweep-worker.ts` (the page's sweep handler) under tsx, one job at a time.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SweepJobResult, SweepPlan } from '../src/rl/sweep';
import { jobEnvSpec } from '../src/rl/sweep-env';
import type { SweepCommand, SweepEvent } from '../src/worker/sweep-protocol';

/** Options of `runSweepOnThreads`. */
export interface ThreadPoolOptions {
  /** Worker threads (default `os.availableParallelism()`, never more than the jobs). */
  threads?: number;
  /** Called with every result as it arrives (progress). */
  onResult?: (result: SweepJobResult, done: number, total: number) => void;
}

/** The worker thread's module: TypeScript, run through tsx. */
const WORKER_MODULE = new URL('./sweep-worker.ts', import.meta.url).href;

/**
 * Starts one worker thread that runs TypeScript. Node 20 resolves a worker's entry file before
 * `execArgv: ['--import', 'tsx']` has registered tsx's loader (".ts" is refused), so the thread
 * starts from a one-line bootstrap that registers tsx, then imports the module.
 */
function startThread(): Worker {
  const bootstrap =
    `import('tsx/esm/api').then(({ register }) => { register(); ` +
    `return import(${JSON.stringify(WORKER_MODULE)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Runs every job of `plan` on worker threads; resolves with the results in the order of
 * `plan.jobs` (by job id for a whole sweep).
 * A job a worker refuses, or a thread that dies, rejects the whole sweep (and stops the threads).
 */
export function runSweepOnThreads(
  plan: SweepPlan,
  options: ThreadPoolOptions = {},
): Promise<SweepJobResult[]> {
  const total = plan.jobs.length;
  const count = Math.max(1, Math.min(options.threads ?? availableParallelism(), total));
  const results: SweepJobResult[] = new Array<SweepJobResult>(total);
  // A shard's plan holds a slice of the job ids: results go in plan order, not at their id.
  const position = new Map(plan.jobs.map((job, i) => [job.id, i]));
  let next = 0;
  let done = 0;
  const threads: Worker[] = [];
  return new Promise<SweepJobResult[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const t of threads) void t.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (thread: Worker) => {
      const job = plan.jobs[next++];
      if (!job) return;
      const command: SweepCommand = {
        type: 'run-job',
        sweepId: 0,
        env: jobEnvSpec(plan, job),
        job,
      };
      thread.postMessage(command);
    };
    for (let i = 0; i < count; i++) {
      const thread = startThread();
      threads.push(thread);
      thread.on('message', (event: SweepEvent) => {
        if (event.type === 'job-failed') {
          finish(new Error(`Job ${event.jobId} failed: ${event.message}`));
          return;
        }
        if (event.type !== 'job-done') {
          finish(new Error(`A sweep thread answered a "${event.type}" to a "run-job".`));
          return;
        }
        results[position.get(event.result.jobId)!] = event.result;
        done++;
        options.onResult?.(event.result, done, total);
        if (done === total) finish();
        else feed(thread);
      });
      thread.on('error', (e) => finish(e));
      thread.on('exit', (code) => {
        if (code !== 0) finish(new Error(`A sweep thread exited with code ${code}.`));
      });
      feed(thread);
    }
  });
}
