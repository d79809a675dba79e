/**
 * `npm run sweep` over reward schedules and success rates (issue 19): `--reward-schedule` takes
 * schedules separated by semicolons, `--success-rate` rates separated by commas; one value works as
 * before; the CSV and JSON add the axes' columns and the exact return only when they say something;
 * `--shard` and `--merge` work with the new axes.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { refusal } from './usage-refusal';
import {
  sweepCsv,
  sweepJson,
  sweepReport,
  sweepRequest,
  sweepTable,
  type SweepRequest,
} from '../../scripts/sweep-cli';
import { mergeShards, type ShardReport } from '../../scripts/sweep-merge';
import { shardPlan, shardRange } from '../../scripts/sweep-shard';
import { runSweepJob, type SweepJobResult, type SweepPlan } from '../../src/rl/sweep';
import { createEnvCache, jobEnvSpec } from '../../src/rl/sweep-env';

/** The plan the flags ask for. */
function planOf(args: string[]): SweepPlan {
  return (sweepRequest(args) as SweepRequest).plan;
}

/** Every job's result on its own setting's environment, timed by a clock moving 7 ms per read. */
function resultsOf(plan: SweepPlan): SweepJobResult[] {
  const envOf = createEnvCache();
  let time = 0;
  return plan.jobs.map((job) => runSweepJob(envOf(jobEnvSpec(plan, job)), job, () => (time += 7)));
}

const AXES_ARGS = [
  '--reward-schedule',
  '1,0,0;1,0,-0.01',
  '--success-rate',
  '0.6,1',
  '--episodes',
  '200',
  '--seeds',
  '0-1',
];

describe('--reward-schedule and --success-rate as axes', () => {
  it('several values become the axes; one value stays the environment’s, as before', () => {
    const plan = planOf(AXES_ARGS);
    expect(plan.spec.values.rewardSchedule).toEqual([
      [1, 0, 0],
      [1, 0, -0.01],
    ]);
    expect(plan.spec.values.successRate).toEqual([0.6, 1]);
    expect(plan.settings).toHaveLength(4);
    expect(plan.jobs).toHaveLength(8);
    expect(jobEnvSpec(plan, plan.jobs[7]!)).toMatchObject({
      rewardSchedule: [1, 0, -0.01],
      successRate: 1,
    });
    const one = planOf(['--reward-schedule', '1,-1,0', '--success-rate', '0.8', '--seeds', '0']);
    expect(one.spec.env).toMatchObject({ rewardSchedule: [1, -1, 0], successRate: 0.8 });
    expect(Object.keys(one.spec.values)).toEqual([
      'alpha',
      'gamma',
      'epsilonDecay',
      'episodes',
      'tieBreak',
    ]);
  });

  it('a bad value is refused in one line naming the flag', () => {
    expect(refusal(() => sweepRequest(['--reward-schedule', '1,0,0;1,0,500']))).toBe(
      '--reward-schedule "1,0,0;1,0,500": Reward for a frozen tile must be from -100 to 100; got 500.',
    );
    expect(refusal(() => sweepRequest(['--reward-schedule', '1,0,0;1,0']))).toMatch(
      /^--reward-schedule "1,0,0;1,0": Rewards \(goal, hole, frozen\) must be three numbers/,
    );
    expect(refusal(() => sweepRequest(['--success-rate', '0.5,2']))).toBe(
      '--success-rate "0.5,2": Success rate of a move must be from 0 to 1; got "2".',
    );
    expect(refusal(() => sweepRequest(['--success-rate', '0.5,0.5']))).toBe(
      'Success rate of a move: 0.5 is listed twice.',
    );
  });

  it('a sweep without them writes the CSV header it always wrote and no return', () => {
    const plan = planOf(['--alpha', '0.1,0.5', '--episodes', '100', '--seeds', '0']);
    const report = sweepReport(plan, resultsOf(plan), 1, 10);
    expect(sweepCsv(report).split('\n')[0]).toBe(
      'alpha,gamma,epsilon_decay,episodes,tie_break,agents,median,min,q1,q3,max,median_steps,mean_ms',
    );
    expect(sweepJson(report)).not.toMatch(/Return/);
    expect(sweepTable(report)).not.toMatch(/return/);
  });

  it('the CSV gets the axes’ columns and the median exact return per setting', () => {
    const plan = planOf(AXES_ARGS);
    const report = sweepReport(plan, resultsOf(plan), 1, 10);
    const lines = sweepCsv(report).trim().split('\n');
    expect(lines[0]).toBe(
      'reward_goal,reward_hole,reward_frozen,success_rate,alpha,gamma,epsilon_decay,episodes,' +
        'tie_break,agents,median,min,q1,q3,max,median_return,median_steps,mean_ms',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      '1,0,0,0.6',
      '1,0,0,1',
      '1,0,-0.01,0.6',
      '1,0,-0.01,1',
    ]);
    // Under Gymnasium's rewards the return is the success probability; a step cost lowers it.
    const cells = lines.slice(1).map((l) => l.split(','));
    for (const row of cells.slice(0, 2)) expect(row[15]).toBe(row[10]);
    for (const row of cells.slice(2)) expect(Number(row[15])).toBeLessThan(Number(row[10]));
    const json = JSON.parse(sweepJson(report)) as { results: SweepJobResult[] };
    expect(json.results.every((r) => typeof r.expectedReturn === 'number')).toBe(true);
    expect(sweepTable(report).split('\n')[3]).toMatch(
      /^rewards 1,0,-0\.01 {2}success 1 {2}α 0\.1 .* return -?\d\.\d{4} {2}\(2 agents\)$/,
    );
  });

  it('--shard parts of a sweep over the axes merge into the whole sweep, byte for byte', () => {
    const plan = planOf(AXES_ARGS);
    const results = resultsOf(plan);
    const whole = sweepReport(plan, results, 3, 900);
    const files = [450, 900, 700].map((ms, k) => {
      const shard = { index: k + 1, count: 3 };
      const [first, end] = shardRange(plan.jobs.length, shard);
      const part = sweepReport(shardPlan(plan, shard), results.slice(first, end), 1, ms);
      return { file: `part-${k + 1}.json`, text: sweepJson({ ...part, shard } as ShardReport) };
    });
    const merged = mergeShards([...files].reverse());
    expect(sweepJson(merged)).toBe(sweepJson(whole));
    expect(sweepCsv(merged)).toBe(sweepCsv(whole));
    // A part that lost a result's return is refused, naming it.
    const stripped = files[1]!.text.replace(/\n {3}"expectedReturn": [^,]+,/, '');
    expect(
      refusal(() => mergeShards([files[0]!, { ...files[1]!, text: stripped }, files[2]!])),
    ).toBe('part-2.json result 0: "expectedReturn" must be a number.');
  });

  it('on the command line: a bad schedule prints one line and exits with code 2', () => {
    const bad = spawnSync(
      'npx',
      ['tsx', 'scripts/sweep.ts', '--reward-schedule', '1,0,0;1,0,500'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'error: --reward-schedule "1,0,0;1,0,500": Reward for a frozen tile must be from -100 to 100; got 500.\n',
    );
  }, 60_000);
});
