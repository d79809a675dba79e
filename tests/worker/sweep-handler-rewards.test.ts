/**
 * A sweep over rewards and ice through the page's sweep pool and the command line's threads: each
 * job is sent with its setting's environment, and both give the core's numbers for that
 * environment.
 */
import { describe, expect, it } from 'vitest';
import { sweepRequest, type SweepRequest } from '../../scripts/sweep-cli';
import { runSweepOnThreads } from '../../scripts/sweep-pool';
import { runSweepJob, type SweepJobResult } from '../../src/rl/sweep';
import { jobEnvSpec } from '../../src/rl/sweep-env';
import { settingsEnv } from '../../src/rl/settings-env';
import { createSweepStore } from '../../src/store/sweep-store';
import { createFakeSweepPool } from '../store/in-process-sweep-worker';

describe('a sweep over rewards and success rates', () => {
  const { plan } = sweepRequest([
    '--reward-schedule',
    '1,0,0;1,-1,-0.01',
    '--success-rate',
    '0.5,0.9',
    '--episodes',
    '400',
    '--seeds',
    '0-1',
  ]) as SweepRequest;
  /** The core's numbers for every job, each on an environment built for it alone. */
  const untimed = (r: SweepJobResult) => ({ ...r, ms: 0 });
  const expected = plan.jobs.map((job) =>
    untimed(runSweepJob(settingsEnv(jobEnvSpec(plan, job)), job)),
  );

  it('the page’s pool sends each job its setting’s environment and gets the core’s numbers', () => {
    const pool = createFakeSweepPool();
    const store = createSweepStore({ createWorker: pool.create, poolSize: 2, now: () => 0 });
    expect(store.getState().start(plan.spec, { x: 'successRate', y: 'rewardSchedule' })).toEqual(
      [],
    );
    pool.runAll();
    expect(store.getState().phase).toBe('done');
    const sent = pool.workers.flatMap((w) => w.sent).sort((a, b) => a.job.id - b.job.id);
    expect(sent.map((c) => [c.env.rewardSchedule, c.env.successRate])).toEqual(
      plan.jobs.map((j) => {
        const s = plan.settings[j.settingIndex]!;
        return [s.rewardSchedule, s.successRate];
      }),
    );
    expect(
      store
        .getState()
        .results()
        .map((r) => untimed(r!)),
    ).toEqual(expected);
  });

  it('the command line’s threads give the same numbers', async () => {
    const cli = await runSweepOnThreads(plan, { threads: 2 });
    expect(cli.map(untimed)).toEqual(expected);
  }, 30_000);
});
