// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { expandSweep, type SweepJobResult, type SweepSpec } from '../../src/rl/sweep';
import { summarizeSweep } from '../../src/rl/sweep-summary';
import { sequentialScale, UNKNOWN_COLOR } from '../../src/viz/scales';
import {
  createSweepHeatmap,
  describeCell,
  medianExtent,
  sweepHeatmapData,
  type SweepHeatmap,
} from '../../src/viz/sweep-heatmap';
import { makeHost } from './fixtures';
import { legendAxisCode } from '../../src/viz/legend';

// The page loads the legend's tick axis right after its first draw; these tests read the ticks.
beforeAll(() => legendAxisCode.load());

let heatmap: SweepHeatmap | null = null;
afterEach(() => {
  heatmap?.destroy();
  heatmap = null;
  document.body.replaceChildren();
});

/** α (3 values, across) × γ (2 values, down), 2 seeds: 6 settings, 12 jobs. */
const SPEC: SweepSpec = {
  env: { map: [...MAPS['4x4']], isSlippery: true, successRate: 1 / 3, maxSteps: 100 },
  base: { ...LESSON_PARAMS },
  values: {
    alpha: [0.1, 0.2, 0.5],
    gamma: [0.9, 0.99],
    epsilonDecay: [1e-4],
    episodes: [1000],
    tieBreak: ['first'],
  },
  seeds: [0, 1],
};
const PLAN = expandSweep(SPEC);
const AXES = { x: 'alpha', y: 'gamma' } as const;
const TITLES = { x: 'Learning rate α', y: 'Discount γ' };

/** Results with success `p(job)` for the jobs `include` keeps. */
function results(p: (jobId: number) => number, include = (_id: number) => true): SweepJobResult[] {
  return PLAN.jobs
    .filter((j) => include(j.id))
    .map((j) => ({
      jobId: j.id,
      settingIndex: j.settingIndex,
      seed: j.seed,
      successProbability: p(j.id),
      steps: 100,
      ms: 1,
    }));
}

function draw(rs: SweepJobResult[], onSelect: (i: number) => void = () => {}) {
  const host = makeHost();
  heatmap = createSweepHeatmap(host, { onSelect });
  const data = sweepHeatmapData(PLAN, summarizeSweep(PLAN, rs), AXES, TITLES, 'default');
  heatmap.update(data);
  return { host, data };
}

const cells = (host: Element) => Array.from(host.querySelectorAll('g.sweep-heatmap-cell'));
const fills = (host: Element) =>
  cells(host).map((c) => c.querySelector('rect')!.getAttribute('fill'));

describe('sweepHeatmapData', () => {
  test('puts each setting at the column of its x value and the row of its y value', () => {
    const data = sweepHeatmapData(PLAN, summarizeSweep(PLAN, []), AXES, TITLES, 'default');
    expect(data.xValues).toEqual(['0.1', '0.2', '0.5']);
    expect(data.yValues).toEqual(['0.9', '0.99']);
    // Settings expand α-major: setting 3 is α 0.2, γ 0.99 → column 1, row 1.
    expect(data.cells[3]).toMatchObject({
      col: 1,
      row: 1,
      settingIndex: 3,
      label: 'α 0.2, γ 0.99',
    });
  });
});

describe('createSweepHeatmap', () => {
  test('one cell per setting, the median as colour and text, the spread in its title', () => {
    // Job j scores j/16 (exact in binary): setting i holds jobs 2i and 2i+1, median (4i + 1)/32.
    const { host } = draw(results((j) => j / 16));
    expect(cells(host)).toHaveLength(6);
    const scale = sequentialScale([1 / 32, 21 / 32]);
    expect(fills(host)).toEqual([0, 1, 2, 3, 4, 5].map((i) => scale((4 * i + 1) / 32)));
    const texts = cells(host).map((c) => c.querySelector('text')!.textContent);
    expect(texts).toEqual(['0.03', '0.16', '0.28', '0.41', '0.53', '0.66']);
    expect(cells(host)[1]!.querySelector('title')!.textContent).toBe(
      'α 0.1, γ 0.99: median success 0.1563 over 2 of 2 seeds; interquartile range 0.1406–0.1719; min–max 0.1250–0.1875.',
    );
    expect(cells(host)[1]!.getAttribute('aria-label')).toMatch(/Load this setting into the lab\.$/);
    expect(host.querySelectorAll('.sweep-heatmap-xticks text')).toHaveLength(3);
  });

  test('all medians equal: a zero-width domain still draws, every cell one colour', () => {
    const { host, data } = draw(results(() => 0.7298));
    expect(medianExtent(data.cells)).toEqual([0.7298, 0.7298]);
    expect(new Set(fills(host)).size).toBe(1);
    expect(fills(host)[0]).toBe(sequentialScale([0.7298, 0.7298])(0.7298));
    expect(host.querySelectorAll('.tick')).toHaveLength(1);
  });

  test('settings without results yet are grey and say so', () => {
    const { host } = draw(
      results(
        () => 0.5,
        (id) => id < 2,
      ),
    );
    expect(fills(host).slice(1)).toEqual(Array(5).fill(UNKNOWN_COLOR));
    expect(cells(host)[2]!.querySelector('text')!.textContent).toBe('…');
    expect(describeCell({ ...PLAN_CELL, n: 0 })).toBe(
      'α 0.1, γ 0.9: no results yet (0 of 2 seeds).',
    );
  });

  test('a click, Enter or Space on a cell chooses its setting; updates keep the cell nodes', () => {
    const chosen: number[] = [];
    const { host } = draw(
      results(() => 0.5),
      (i) => chosen.push(i),
    );
    const before = cells(host);
    (before[4] as SVGGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    before[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    before[5]!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    before[5]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(chosen).toEqual([4, 2, 5]);
    expect(before[0]!.getAttribute('tabindex')).toBe('0');
    expect(before[0]!.getAttribute('role')).toBe('button');
    heatmap!.update(
      sweepHeatmapData(
        PLAN,
        summarizeSweep(
          PLAN,
          results(() => 0.1),
        ),
        AXES,
        TITLES,
        'colorblind',
      ),
    );
    expect(cells(host)).toEqual(before);
  });
});

const PLAN_CELL = sweepHeatmapData(PLAN, summarizeSweep(PLAN, []), AXES, TITLES, 'default')
  .cells[0]!;

describe('a heatmap before its first update', () => {
  test('is hidden, so no empty figure or legend bar shows before a sweep', () => {
    const host = makeHost();
    heatmap = createSweepHeatmap(host, { onSelect: () => {} });
    const root = host.querySelector<HTMLElement>('.sweep-heatmap')!;
    expect(root.hidden).toBe(true);
  });
});
