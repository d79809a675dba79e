// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { valueIteration } from '../../src/rl/evaluation';
import { qGap } from '../../src/rl/optimal-gap';
import { createCompareAgentCard, type CompareAgentData } from '../../src/viz/compare-agent';
import {
  COMPARE_COLORS,
  compareSummary,
  createCompareCurves,
  type CompareCurvesData,
  type CompareSample,
} from '../../src/viz/compare-curves';
import { createMiniGrid } from '../../src/viz/mini-grid';
import { createOptimalOverlay, GAP_COLUMNS } from '../../src/viz/optimal-overlay';
import { formatValue } from '../../src/viz/format';
import { gapScale } from '../../src/viz/scales';

const DESC = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];
const env = createEnv({ map: DESC });
const optimum = valueIteration(env, 0.99);

function samples(n: number, scale: number): CompareSample[] {
  return Array.from({ length: n }, (_, k) => ({
    episode: (k + 1) * 10,
    movingSuccessRate: (scale * k) / n,
    successProbability: (scale * k) / n,
    startValue: (0.5 * scale * k) / n,
  }));
}

function curvesData(overrides: Partial<CompareCurvesData> = {}): CompareCurvesData {
  return {
    labels: ['Q-learning', 'SARSA'],
    samples: [samples(20, 0.8), samples(20, 0.6)],
    episodeTarget: 200,
    window: 100,
    optimum: { successProbability: 0.74, startValue: 0.542 },
    ...overrides,
  };
}

describe('compare curves', () => {
  it('draws one line per learner in each of the three panels, in their colours', () => {
    const host = document.createElement('div');
    const chart = createCompareCurves(host);
    chart.update(curvesData());
    const lines = host.querySelectorAll('path.compare-line');
    expect(lines).toHaveLength(6);
    lines.forEach((l) => expect(l.getAttribute('d')).toMatch(/^M/));
    expect(lines[0]!.getAttribute('stroke')).toBe(COMPARE_COLORS[0]);
    expect(lines[1]!.getAttribute('stroke')).toBe(COMPARE_COLORS[1]);
    // The success-rate panel has no reference; the other two have the optimum's dashed lines.
    const refs = [...host.querySelectorAll('line.compare-reference')];
    expect(refs.map((r) => r.getAttribute('display'))).toEqual(['none', null, null]);
    expect(host.textContent).toContain('Success rate over the last 100 episodes');
    expect(host.innerHTML).not.toContain('NaN');
  });

  it('draws nothing but axes before the first point, and says so', () => {
    const host = document.createElement('div');
    const chart = createCompareCurves(host);
    chart.update(curvesData({ samples: [[], []], optimum: null }));
    host
      .querySelectorAll('path.compare-line')
      .forEach((l) => expect(l.getAttribute('d')).toBeNull());
    expect(host.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'Comparison curves. Q-learning: no episodes yet; SARSA: no episodes yet.',
    );
    expect(host.innerHTML).not.toContain('NaN');
    chart.destroy();
    expect(host.children).toHaveLength(0);
  });

  it('summarises the latest values of both learners and the optimum', () => {
    const d = curvesData();
    expect(compareSummary(d)).toBe(
      'Comparison curves. Q-learning after 200 episodes: success rate 0.760, greedy policy 0.760, ' +
        'V(start) 0.380; SARSA after 200 episodes: success rate 0.570, greedy policy 0.570, ' +
        'V(start) 0.285; γ-optimal policy 0.740, V*(start) 0.542.',
    );
  });
});

describe('compare agent card', () => {
  const data: CompareAgentData = {
    label: 'Left: SARSA',
    desc: DESC,
    v: optimum.v,
    greedyMask: new Uint8Array(16).fill(1),
    domain: [0, 1],
    episode: 1234,
    epsilon: 0.25,
    startValue: 0.5,
    startBehaviourValue: 0.41,
    successProbability: 0.7,
    recentSuccessRate: NaN,
    window: 0,
  };

  it('shows the name, a grid and the numbers at the start state', () => {
    const host = document.createElement('div');
    const card = createCompareAgentCard(host);
    card.update(data);
    expect(host.querySelector('figcaption')!.textContent).toBe('Left: SARSA');
    expect(host.querySelectorAll('rect')).toHaveLength(16);
    expect(host.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'Left: SARSA: V(s) and greedy actions',
    );
    const value = (key: string) => host.querySelector(`[data-key="${key}"] dd`)!.textContent;
    expect(value('episode')).toBe('1,234');
    expect(value('epsilon')).toBe('0.250');
    expect(value('start-value')).toBe('0.500');
    expect(value('behaviour-value')).toBe('0.410');
    expect(value('success-rate')).toBe('—');
    expect(value('greedy')).toBe('0.700');
    // Updating keeps the same nodes.
    const rect = host.querySelector('rect');
    card.update({ ...data, recentSuccessRate: 0.25, window: 100 });
    expect(host.querySelector('rect')).toBe(rect);
    expect(value('success-rate')).toBe('0.250 of 100');
    card.destroy();
    expect(host.children).toHaveLength(0);
  });
});

describe('mini grid titles and fills', () => {
  it('puts a title in each cell and paints with the given fill', () => {
    const host = document.createElement('div');
    const mini = createMiniGrid(host, 'Gaps');
    mini.update({
      desc: DESC,
      v: new Float64Array(16),
      greedyMask: new Uint8Array(16),
      path: null,
      domain: [0, 0],
      fill: () => 'rgb(1, 2, 3)',
      titles: Array.from({ length: 16 }, (_, s) => `cell ${s}`),
    });
    const rects = host.querySelectorAll('rect');
    expect(rects[5]!.querySelector('title')!.textContent).toBe('cell 5');
    expect(rects[0]!.getAttribute('fill')).toBe('rgb(1, 2, 3)');
    expect(rects[0]!.getAttribute('data-state')).toBe('0');
  });
});

describe('gapScale', () => {
  it('runs from near white at 0 to deep purple at the largest gap, and survives a zero width', () => {
    const s = gapScale([0, 2]);
    expect(s.normalize(0)).toBe(0);
    expect(s.normalize(1)).toBe(0.5);
    expect(s.normalize(5)).toBe(1);
    expect(s(0)).not.toBe(s(2));
    const flat = gapScale([0, 0]);
    expect(flat.normalize(0)).toBe(0);
    expect(flat(Number.NaN)).toBe('#adb5bd');
    expect(gapScale([0, 1], 'colorblind')(1)).not.toBe(gapScale([0, 1])(1));
  });
});

describe('optimal overlay', () => {
  it('shows V*(start), the optimal ticks and, for Q = 0, the gap ‖Q*‖∞', () => {
    const host = document.createElement('div');
    const overlay = createOptimalOverlay(host);
    overlay.update({
      desc: DESC,
      start: 0,
      qStar: optimum.q,
      vStar: optimum.v,
      gamma: 0.99,
      q: null,
    });
    expect(host.querySelectorAll('svg')).toHaveLength(2);
    const value = (key: string) => host.querySelector(`[data-key="${key}"] dd`)!;
    expect(value('v-star-start').textContent).toBe(`${optimum.v[0]!.toFixed(4)} (γ 0.99)`);
    const initial = qGap(new Float64Array(64), optimum.q);
    expect(Number(value('max-gap').getAttribute('data-value'))).toBe(initial.max);
    expect(value('max-gap').textContent).toBe(
      `${initial.max.toFixed(4)} at state ${initial.maxState}`,
    );
    // A tick per frozen cell with a single optimal action (the ties get none).
    const [vGrid, gapGrid] = host.querySelectorAll('svg');
    expect(vGrid!.querySelectorAll('line').length).toBeGreaterThan(5);
    expect(gapGrid!.querySelectorAll('line')).toHaveLength(0);
    expect(vGrid!.querySelector('rect[data-state="0"] title')!.textContent).toMatch(
      /^State 0 \(row 1, column 1\): V\* 0\.54.*optimal: Left$/,
    );
    expect(gapGrid!.querySelector('rect[data-state="5"] title')!.textContent).toBe(
      'State 5 (row 2, column 2): a hole, no gap',
    );
    // The table: one row per frozen state (11 on this map), |Q − Q*| per action and the max.
    const rows = host.querySelectorAll('table.optimal-gap-table tbody tr');
    expect(rows).toHaveLength(11);
    const first = [...rows[0]!.children].map((c) => c.textContent);
    expect(first).toEqual([
      '0',
      ...[0, 1, 2, 3].map((a) => formatValue(optimum.q[a]!)),
      formatValue(initial.states[0]!),
    ]);
    expect([...host.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(GAP_COLUMNS);
  });

  it('shows a gap of 0 when Q is Q*', () => {
    const host = document.createElement('div');
    const overlay = createOptimalOverlay(host);
    overlay.update({
      desc: DESC,
      start: 0,
      qStar: optimum.q,
      vStar: optimum.v,
      gamma: 0.99,
      q: optimum.q,
    });
    expect(host.querySelector('[data-key="max-gap"] dd')!.getAttribute('data-value')).toBe('0');
    expect(host.innerHTML).not.toContain('NaN');
    overlay.destroy();
    expect(host.children).toHaveLength(0);
  });
});

describe('compare curves are named', () => {
  it('from the moment they are built, before any data (axe: svg-img-alt)', () => {
    const host = document.createElement('div');
    const chart = createCompareCurves(host);
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/^Comparison curves/);
    chart.destroy();
  });
});
