/**
 * Seed bands through the sweep worker's handler (issue 21): a job with checkpoints answers with
 * the seed's curve, bad checkpoints are refused, and a band's medians of the exact success are
 * `npm run -s sweep`'s medians for the same settings and seeds, bit for bit, at every checkpoint.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { SweepReport } from '../../scripts/sweep-cli';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { bandSeeds, seedBand } from '../../src/rl/seed-band';
import { bandCheckpoints, seedCurve, type SeedCurve } from '../../src/rl/seed-curve';
import { sweepEnv } from '../../src/rl/sweep';
import { trainAlgorithm } from '../../src/rl/training';
import { createSweepHandler } from '../../src/worker/sweep-handler';
import type { SweepEvent } from '../../src/worker/sweep-protocol';

const ENV = { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 };

/** The handler with a fake port; `send` posts one message and returns the answers. */
function handler() {
  const posted: SweepEvent[] = [];
  const h = createSweepHandler({ post: (e) => posted.push(e), now: () => 0 });
  return {
    send(message: unknown): SweepEvent[] {
      posted.length = 0;
      h.handle(structuredClone(message));
      return [...posted];
    },
  };
}

/** A band job for `seed`, as the band store sends it. */
function bandJob(seed: number, episodes: number, checkpoints: number[]) {
  return {
    type: 'run-job',
    sweepId: 4,
    env: ENV,
    job: { id: seed, settingIndex: 0, seed, params: { ...LESSON_PARAMS }, episodes },
    checkpoints,
  };
}

describe('a seed band’s job in the sweep handler', () => {
  it('answers with the seed’s curve at the checkpoints, as the core computes it', () => {
    const [event] = handler().send(bandJob(3, 600, [200, 600]));
    expect(event).toEqual({
      type: 'band-done',
      sweepId: 4,
      jobId: 3,
      curve: seedCurve(sweepEnv(ENV), { ...LESSON_PARAMS }, 3, [200, 600]),
    });
  });

  it('refuses checkpoints that are not ascending whole counts ending at the job’s episodes', () => {
    const h = handler();
    const refusal = (checkpoints: unknown) => {
      const events = h.send({ ...bandJob(1, 600, []), checkpoints });
      expect(events).toHaveLength(1);
      const [e] = events;
      if (e?.type !== 'job-failed') throw new Error('expected a refusal');
      return e.message;
    };
    const rule =
      "A band's checkpoints must be 1 to 25 whole episode counts, ascending, the last one the job's 600 episodes.";
    expect(refusal([200, 500])).toBe(rule);
    expect(refusal([300, 200, 600])).toBe(rule);
    expect(refusal([0, 600])).toBe(rule);
    expect(refusal([1.5, 600])).toBe(rule);
    expect(refusal([])).toBe(rule);
    expect(refusal(Array.from({ length: 26 }, (_, i) => 600 - 25 + i))).toBe(rule);
    expect(refusal('600')).toBe(
      'A band\'s "run-job" message needs checkpoints = [episode counts].',
    );
    expect(refusal([200, '600'])).toMatch(/needs checkpoints/);
  });
});

describe('the band’s medians are the sweep’s', () => {
  it('8 seeds: the exact success’s median at every checkpoint = npm run -s sweep’s, bit for bit', () => {
    const episodes = 2_000;
    const checkpoints = bandCheckpoints(episodes, 5);
    const seeds = bandSeeds(0, 8);
    const h = handler();
    const curves = seeds.map((seed) => {
      const [event] = h.send(bandJob(seed, episodes, checkpoints));
      if (event?.type !== 'band-done') throw new Error('expected a curve');
      return event.curve satisfies SeedCurve;
    });
    const band = seedBand(curves);
    // The sweep, one setting per checkpoint: an agent trained e_b episodes is the band's at e_b.
    const run = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/sweep.ts',
        '--episodes',
        checkpoints.join(','),
        '--seeds',
        '0-7',
        '--threads',
        '1',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as SweepReport;
    expect(report.summaries.map((s) => s.setting.episodes)).toEqual(checkpoints);
    expect(band.series.exactSuccess.map((p) => p.median)).toEqual(
      report.summaries.map((s) => s.median),
    );
    expect(band.series.exactSuccess.map((p) => [p.q1, p.q3, p.min, p.max])).toEqual(
      report.summaries.map((s) => [s.q1, s.q3, s.min, s.max]),
    );
    // The medians differ from checkpoint to checkpoint: the comparison is not of constants.
    expect(new Set(band.series.exactSuccess.map((p) => p.median)).size).toBeGreaterThan(2);
  }, 120_000);
});

describe('a seed band of another algorithm', () => {
  const sarsaLambda = { algorithm: 'sarsa-lambda' as const, options: { lambda: 0.6 } };

  it('trains each seed with the lab’s algorithm and options: the curve is trainAlgorithm’s at each checkpoint', () => {
    const [event] = handler().send({ ...bandJob(5, 400, [100, 400]), learner: sarsaLambda });
    if (event?.type !== 'band-done') throw new Error(`expected a curve, got ${event?.type}`);
    const env = sweepEnv(ENV);
    expect(event.curve).toEqual(seedCurve(env, { ...LESSON_PARAMS }, 5, [100, 400], sarsaLambda));
    // The exact success at the last checkpoint is that of an agent trained in one call.
    const agent = trainAlgorithm(env, 'sarsa-lambda', LESSON_PARAMS, 5, 400, { lambda: 0.6 });
    expect(event.curve.exactSuccess[1]).toBe(evaluateGreedy(env, agent.q).successProbability);
    // And it is not Q-learning's curve.
    const [lesson] = handler().send(bandJob(5, 400, [100, 400]));
    expect(lesson).not.toEqual(event);
  });

  it('refuses an unknown algorithm, a bad option, a learner without checkpoints, and a malformed one', () => {
    const h = handler();
    const refused = (message: object): string => {
      const [e] = h.send(message);
      if (e?.type !== 'job-failed') throw new Error(`expected a refusal, got ${e?.type}`);
      return e.message;
    };
    expect(refused({ ...bandJob(1, 100, [100]), learner: { algorithm: 'td-gammon' } })).toMatch(
      /td-gammon/,
    );
    expect(
      refused({
        ...bandJob(1, 100, [100]),
        learner: { algorithm: 'sarsa-lambda', options: { lambda: 2 } },
      }),
    ).toMatch(/λ must be from 0 to 1/);
    const sweepJob: Record<string, unknown> = bandJob(1, 100, [100]);
    delete sweepJob.checkpoints;
    expect(refused({ ...sweepJob, learner: sarsaLambda })).toBe(
      'Only a band\'s "run-job" (with checkpoints) takes a learner.',
    );
    expect(refused({ ...bandJob(1, 100, [100]), learner: { algorithm: 3 } })).toBe(
      "A band's learner must be { algorithm: a name, options: { … } }.",
    );
  });
});
