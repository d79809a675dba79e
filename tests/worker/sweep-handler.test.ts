import { describe, expect, it } from 'vitest';
import { sweepRequest } from '../../scripts/sweep-cli';
import { runSweepOnThreads } from '../../scripts/sweep-pool';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runSweepJob, sweepEnv, type SweepPlan } from '../../src/rl/sweep';
import { summarizeSweep } from '../../src/rl/sweep-summary';
import { createSweepHandler } from '../../src/worker/sweep-handler';
import type { SweepEvent } from '../../src/worker/sweep-protocol';

/** A fake port: the handler's posts, and a clock that moves 5 ms per read. */
function fakePort() {
  const posted: SweepEvent[] = [];
  let time = 0;
  const handler = createSweepHandler({ post: (e) => posted.push(e), now: () => (time += 5) });
  return { posted, handler };
}

const ENV = { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 };
const JOB = {
  id: 3,
  settingIndex: 1,
  seed: 2,
  params: { ...LESSON_PARAMS, alpha: 0.2 },
  episodes: 2000,
};

/** Runs every job of a plan through the handler, as the page's workers do. */
function throughHandler(plan: SweepPlan) {
  const { posted, handler } = fakePort();
  for (const job of plan.jobs)
    handler.handle(structuredClone({ type: 'run-job', sweepId: 9, env: plan.spec.env, job }));
  return posted.map((e) => {
    if (e.type === 'job-failed') throw new Error(e.message);
    if (e.type !== 'job-done') throw new Error(`unexpected ${e.type}`);
    expect(e.sweepId).toBe(9);
    return e.result;
  });
}

describe('sweep handler (fake port)', () => {
  it('answers a job with the core’s result, timed by the clock it was given', () => {
    const { posted, handler } = fakePort();
    handler.handle({ type: 'run-job', sweepId: 1, env: ENV, job: JOB });
    expect(posted).toEqual([
      { type: 'job-done', sweepId: 1, result: { ...runSweepJob(sweepEnv(ENV), JOB), ms: 5 } },
    ]);
  });

  it('refuses malformed and out-of-range jobs with a message, and trains nothing', () => {
    const { posted, handler } = fakePort();
    handler.handle('hello');
    handler.handle({ type: 'run-job', sweepId: 2, env: { ...ENV, map: 'SFFG' }, job: JOB });
    handler.handle({ type: 'run-job', sweepId: 2, env: ENV, job: { ...JOB, episodes: 0 } });
    handler.handle({
      type: 'run-job',
      sweepId: 2,
      env: ENV,
      job: { ...JOB, params: { ...JOB.params, gamma: 2 } },
    });
    handler.handle({ type: 'run-job', sweepId: 2, env: { ...ENV, map: ['SH', 'HG'] }, job: JOB });
    expect(posted.map((e) => e.type)).toEqual(Array(5).fill('job-failed'));
    const messages = posted.map((e) => (e.type === 'job-failed' ? e.message : ''));
    expect(messages[0]).toBe('A sweep worker only takes "run-job" messages.');
    expect(messages[1]).toMatch(/env = \{ map: rows/);
    expect(messages[2]).toBe('Episodes must be a whole number from 1 to 100000000; got 0.');
    expect(messages[3]).toBe('Discount γ must be from 0 to 1; got 2.');
    expect(messages[4]).toMatch(/goal/i);
    expect(posted[2]).toMatchObject({ sweepId: 2, jobId: 3 });
  });
});

describe('the page and the command line give the same numbers', () => {
  it('a 2 × 2 × 3 sweep: worker handler vs the CLI’s flags and worker threads', async () => {
    const request = sweepRequest([
      '--map',
      '4x4',
      '--alpha',
      '0.1,0.5',
      '--gamma',
      '0.9,0.99',
      '--episodes',
      '3000',
      '--seeds',
      '0-2',
    ]);
    if (!('plan' in request)) throw new Error('expected a plan');
    const { plan } = request;
    expect(plan.jobs).toHaveLength(12);
    const page = throughHandler(plan);
    const cli = await runSweepOnThreads(plan, { threads: 2 });
    const exact = (rs: typeof page) =>
      rs.map(({ jobId, seed, settingIndex, successProbability, steps }) => ({
        jobId,
        seed,
        settingIndex,
        successProbability,
        steps,
      }));
    expect(exact(cli)).toEqual(exact(page));
    const medians = (rs: typeof page) => summarizeSweep(plan, rs).map((s) => s.median);
    expect(medians(cli)).toEqual(medians(page));
  }, 30_000);
});
