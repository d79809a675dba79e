// @vitest-environment jsdom
/** The sweep's heatmap with the rewards and the success rate on its axes: readable, wide enough. */
import { afterEach, describe, expect, test } from 'vitest';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { expandSweep, type SweepSpec } from '../../src/rl/sweep';
import { summarizeSweep } from '../../src/rl/sweep-summary';
import { createSweepHeatmap, sweepHeatmapData } from '../../src/viz/sweep-heatmap';
import { makeHost } from './fixtures';

afterEach(() => document.body.replaceChildren());

/** Two schedules (across) × two success rates (down), one seed. */
const SPEC: SweepSpec = {
  env: { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 },
  base: { ...LESSON_PARAMS },
  values: {
    rewardSchedule: [
      [1, 0, 0],
      [1, 0, -0.01],
    ],
    successRate: [1 / 3, 0.8],
    alpha: [0.1],
    gamma: [0.99],
    epsilonDecay: [1e-4],
    episodes: [100],
    tieBreak: ['first'],
  },
  seeds: [0],
};
const AXES = { x: 'rewardSchedule', y: 'successRate' } as const;
const TITLES = { x: 'Rewards (goal, hole, frozen)', y: 'Success rate of a move' };

describe('sweep heatmap over rewards and ice', () => {
  test('ticks and cells name a schedule by its change and a rate readably', () => {
    const plan = expandSweep(SPEC);
    const data = sweepHeatmapData(plan, summarizeSweep(plan, []), AXES, TITLES, 'default');
    expect(data.xValues).toEqual(['Gymnasium’s 1, 0, 0', 'step cost −0.01']);
    expect(data.yValues).toEqual(['1/3', '0.8']);
    expect(data.cells.map((c) => [c.col, c.row, c.label])).toEqual([
      [0, 0, 'Gymnasium’s 1, 0, 0, success 1/3'],
      [0, 1, 'Gymnasium’s 1, 0, 0, success 0.8'],
      [1, 0, 'step cost −0.01, success 1/3'],
      [1, 1, 'step cost −0.01, success 0.8'],
    ]);
  });

  test('a schedule finds its column in a copied plan (a list is matched by its text)', () => {
    const plan = structuredClone(expandSweep(SPEC));
    const data = sweepHeatmapData(plan, summarizeSweep(plan, []), AXES, TITLES, 'default');
    expect(data.cells.map((c) => c.col)).toEqual([0, 0, 1, 1]);
  });

  test('columns widen for long tick labels, so neighbours do not overlap', () => {
    const plan = expandSweep(SPEC);
    const heatmap = createSweepHeatmap(makeHost(), { onSelect: () => {} });
    heatmap.update(sweepHeatmapData(plan, summarizeSweep(plan, []), AXES, TITLES, 'default'));
    const width = Number(heatmap.node.querySelector('rect')!.getAttribute('width'));
    // "Gymnasium’s 1, 0, 0" is 19 characters: at 7 px each it needs 133 px, not the usual 62.
    expect(width).toBeGreaterThanOrEqual(19 * 7);
    const ticks = [...heatmap.node.querySelectorAll('.sweep-heatmap-xticks text')];
    const xs = ticks.map((t) => Number(t.getAttribute('x')));
    expect(xs[1]! - xs[0]!).toBe(width + 2);
    heatmap.destroy();
  });
});

test('a cell’s name holds the number it shows (axe: label-content-name-mismatch)', () => {
  const plan = expandSweep(SPEC);
  const heatmap = createSweepHeatmap(makeHost(), { onSelect: () => {} });
  const results = plan.jobs.map((j) => ({
    jobId: j.id,
    settingIndex: j.settingIndex,
    seed: j.seed,
    successProbability: 0.0453,
    steps: 1,
    ms: 1,
  }));
  heatmap.update(sweepHeatmapData(plan, summarizeSweep(plan, results), AXES, TITLES, 'default'));
  const cell = heatmap.node.querySelector('.sweep-heatmap-cell')!;
  expect(cell.querySelector('text')!.textContent).toBe('0.05');
  expect(cell.getAttribute('aria-label')).toBe(
    'Gymnasium’s 1, 0, 0, success 1/3: median success 0.0453 over 1 of 1 seeds; ' +
      'interquartile range 0.0453–0.0453; min–max 0.0453–0.0453. Shown as 0.05. ' +
      'Load this setting into the lab.',
  );
  heatmap.destroy();
});
