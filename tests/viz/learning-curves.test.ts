// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { createRng } from '../../src/rl/rng';
import type { EpisodeBucket as CurveBucket } from '../../src/shared/history/types';
import { displayBins, episodeAxisMax } from '../../src/viz/curves-bins';
import { greedyPoints } from '../../src/viz/curves-greedy';
import { curvesSummary } from '../../src/viz/curves-summary';
import { createLearningCurves } from '../../src/viz/learning-curves';
import {
  EMPTY_NOTE,
  MIN_BIN_EPISODES,
  type CurvesData,
  type LearningCurves,
} from '../../src/viz/learning-curves-types';

/** The 4x4 slippery optimum (γ = 0.99) and the best within its 100-step limit. */
const OPTIMUM = { successProbability: 0.7401648977587044, bestWithinLimit: 0.7441902878292689 };
const SERIES = ['bin', 'moving', 'greedy', 'length', 'stepsToGoal', 'epsilon'];

let chart: LearningCurves | null = null;
afterEach(() => {
  chart?.destroy();
  chart = null;
  document.body.replaceChildren();
});

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  chart = createLearningCurves(host);
  return { host, chart };
}

/**
 * Curves after `episodes` episodes of a learner whose success probability climbs from 0 to 0.7
 * over the first 2,000 episodes, bucketed as the history does (≤ 512 buckets of 2^k episodes).
 * Seeded, so every run draws the same numbers.
 */
function curves(episodes: number, extra: Partial<CurvesData> = {}): CurvesData {
  const rng = createRng(11);
  let width = 1;
  while (Math.ceil(episodes / width) > 512) width *= 2;
  const buckets: CurveBucket[] = [];
  const window: number[] = [];
  for (let start = 0; start < episodes; start += width) {
    const end = Math.min(start + width, episodes);
    let goals = 0;
    let lengthSum = 0;
    let goalLengthSum = 0;
    for (let e = start; e < end; e++) {
      const goal = rng.uniform() < 0.7 * Math.min(1, e / 2000);
      const length = goal ? 20 + rng.int(30) : 5 + rng.int(20);
      goals += goal ? 1 : 0;
      lengthSum += length;
      goalLengthSum += goal ? length : 0;
      window.push(goal ? 1 : 0);
      if (window.length > 100) window.shift();
    }
    const n = end - start;
    buckets.push({
      start,
      end,
      count: n,
      successRate: goals / n,
      meanLength: lengthSum / n,
      meanStepsToGoal: goals > 0 ? goalLengthSum / goals : NaN,
      movingSuccessRate: window.reduce((a, b) => a + b, 0) / window.length,
    });
  }
  const samples = (n: number, f: (e: number) => number) =>
    Array.from({ length: n + 1 }, (_, i) => Math.round((i * episodes) / n)).map((e) => ({
      episode: e,
      value: f(e),
    }));
  return {
    episodes,
    episodeTarget: 10_000,
    bucketWidth: width,
    buckets,
    window: 100,
    greedy: episodes > 0 ? samples(30, (e) => (e < 800 ? 0 : Math.min(0.74, e / 3000))) : [],
    epsilon: samples(20, (e) => Math.max(0.01, 1 - e / 800)),
    optimum: OPTIMUM,
    ...extra,
  };
}

const paths = (host: Element) =>
  Array.from(host.querySelectorAll<SVGPathElement>('path.curves-line'));
const svgOf = (host: Element) => host.querySelector('svg')!;
const text = (host: Element, selector: string) =>
  host.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const visible = (el: Element | null) => el !== null && el.getAttribute('visibility') !== 'hidden';
/** The success panel's plot box (from its background rect). */
function successBox(host: Element) {
  const bg = host.querySelector('.curves-panel-success .curves-plot-bg')!;
  const top = Number(bg.getAttribute('y'));
  return { top, bottom: top + Number(bg.getAttribute('height')) };
}
/** Elements outside the axes (whose tick count follows the domain, within a few). */
const nonTickNodes = (host: Element) =>
  Array.from(host.querySelectorAll('*')).filter((el) => !el.closest('.tick')).length;

describe('learning curves: drawing', () => {
  test('one path per series, each drawn without NaN', () => {
    const { host, chart } = mount();
    chart.update(curves(3000));
    const all = paths(host);
    expect(all.map((p) => p.getAttribute('data-series'))).toEqual(SERIES);
    for (const p of all) {
      const d = p.getAttribute('d') ?? '';
      expect(d.startsWith('M'), p.getAttribute('data-series')!).toBe(true);
      expect(d).not.toContain('NaN');
    }
  });

  test('the greedy evaluations are also dots, all in one path', () => {
    const { host, chart } = mount();
    const data = curves(3000);
    chart.update(data);
    const dots = host.querySelectorAll('path.curves-dots');
    expect(dots.length).toBe(1);
    const d = dots[0]!.getAttribute('d')!;
    expect(d.match(/h0/g)!.length).toBe(data.greedy.length);
    expect(d).not.toContain('NaN');
  });

  test('greedy evaluations far apart (full speed) are dots, not joined by a line', () => {
    const { host, chart } = mount();
    // Three evaluations in a 10,000-episode run: 0 → 480 is 4.8% of the axis, 480 → 9,990 95%.
    const greedy = [
      { episode: 0, value: 0 },
      { episode: 480, value: 0.104 },
      { episode: 9990, value: 0.73 },
    ];
    chart.update(curves(10_000, { greedy }));
    const d = host.querySelector('path[data-series="greedy"]')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length).toBe(2);
    expect(d).not.toContain('NaN');
    expect(text(host, '.curves-legend-greedy')).toBe('greedy policy, exact 0.730');
    // At episode 8,000 the last evaluation is 7,520 episodes old: unknown, not 0.104.
    host
      .querySelector('.curves-overlay')!
      .dispatchEvent(new MouseEvent('pointermove', { clientX: 64 + 0.8 * 674, bubbles: true }));
    expect(text(host, '.curves-legend-greedy')).toBe('greedy policy, exact –');
    expect(visible(host.querySelector('.curves-marker-greedy'))).toBe(false);
  });

  test('axes have ticks and say what they measure, with units', () => {
    const { host, chart } = mount();
    chart.update(curves(3000));
    const xTicks = Array.from(host.querySelectorAll('.curves-axis-x .tick text')).map(
      (t) => t.textContent,
    );
    // 3,000 episodes on the way to 10,000: the axis zooms to 5,000.
    expect(xTicks).toEqual(['0', '1,000', '2,000', '3,000', '4,000', '5,000']);
    expect(text(host, '.curves-axis-label')).toBe('Episode');
    for (const panel of ['success', 'length', 'epsilon'])
      expect(
        host.querySelectorAll(`.curves-panel-${panel} .curves-axis-y .tick`).length,
      ).toBeGreaterThanOrEqual(3);
    const titles = Array.from(host.querySelectorAll('.curves-title')).map((t) => t.textContent);
    expect(titles).toEqual(['Success rate', 'Episode length, steps', 'Exploration ε']);
    const successTicks = Array.from(
      host.querySelectorAll('.curves-panel-success .curves-axis-y .tick text'),
    ).map((t) => t.textContent);
    expect(successTicks).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });

  test('an axis is redrawn only when its domain changes', () => {
    const { host, chart } = mount();
    chart.update(curves(3000));
    const x = host.querySelector('.curves-axis-x')!;
    const lengthY = host.querySelector('.curves-panel-length .curves-axis-y')!;
    const successY = host.querySelector('.curves-panel-success .curves-axis-y')!;
    const watch = new MutationObserver(() => {});
    watch.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
    const touchedAxes = () =>
      new Set(
        watch
          .takeRecords()
          .flatMap((r) => [x, lengthY, successY].filter((axis) => axis.contains(r.target))),
      );
    // More episodes within the same x range (to 5,000) and the same value ranges: no axis moves.
    chart.update(curves(3200));
    expect(touchedAxes()).toEqual(new Set());
    // Episodes far longer than before: only the length axis rescales.
    const long = curves(3200);
    long.buckets = long.buckets.map((b) => ({ ...b, meanLength: b.meanLength * 4 }));
    chart.update(long);
    expect(touchedAxes()).toEqual(new Set([lengthY]));
    watch.disconnect();
  });

  test('legends name every series and show its latest value', () => {
    const { host, chart } = mount();
    const data = curves(3000);
    chart.update(data);
    const legend = (key: string) => text(host, `.curves-legend-${key}`);
    expect(legend('moving')).toBe(
      `last 100 episodes ${data.buckets.at(-1)!.movingSuccessRate.toFixed(2)}`,
    );
    expect(legend('greedy')).toBe('greedy policy, exact 0.740');
    expect(legend('bin')).toMatch(/^per 16 episodes \d\.\d\d$/);
    expect(legend('length')).toMatch(/^all episodes \d+\.\d$/);
    expect(legend('stepsToGoal')).toMatch(/^episodes reaching the goal \d+\.\d$/);
    expect(legend('epsilon')).toBe('ε 0.010');
  });

  test('the DOM does not grow with the episodes: 10 updates from 100 to 1,000,000 episodes', () => {
    const { host, chart } = mount();
    chart.update(curves(100));
    const nodes = nonTickNodes(host);
    const pathCount = paths(host).length;
    for (let i = 1; i <= 10; i++) {
      chart.update(curves(Math.round(100 * 10 ** (0.4 * i)), { episodeTarget: undefined }));
      expect(nonTickNodes(host)).toBe(nodes);
      expect(paths(host).length).toBe(pathCount);
      // Ticks follow the domains (a few per axis and grid), not the episodes.
      expect(host.querySelectorAll('.tick').length).toBeLessThanOrEqual(80);
    }
    expect(text(host, '.curves-readout')).toContain('After 1,000,000 episodes');
    for (const p of paths(host)) expect(p.getAttribute('d')).not.toContain('NaN');
  });

  test('the optimum is a dashed line at its success probability, labelled "optimal policy 0.740"', () => {
    const { host, chart } = mount();
    chart.update(curves(3000));
    const { top, bottom } = successBox(host);
    const line = host.querySelector('line.curves-optimum')!;
    const y = bottom - OPTIMUM.successProbability * (bottom - top);
    expect(Number(line.getAttribute('y1'))).toBeCloseTo(y, 6);
    expect(Number(line.getAttribute('y2'))).toBeCloseTo(y, 6);
    expect(line.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(visible(line)).toBe(true);
    const label = text(host, '.curves-optimum-label');
    expect(label).toContain('optimal policy 0.740');
    // 0.744 is 0.7 px from 0.740 on this plot: no line of its own, only a word.
    expect(label).toContain('(best possible 0.744)');
    expect(visible(host.querySelector('line.curves-ceiling'))).toBe(false);
  });

  test('a ceiling well above the optimum gets its own dotted line and label', () => {
    const { host, chart } = mount();
    chart.update(curves(3000, { optimum: { successProbability: 0.5, bestWithinLimit: 0.8 } }));
    const { top, bottom } = successBox(host);
    const ceiling = host.querySelector('line.curves-ceiling')!;
    expect(visible(ceiling)).toBe(true);
    expect(Number(ceiling.getAttribute('y1'))).toBeCloseTo(bottom - 0.8 * (bottom - top), 6);
    expect(text(host, '.curves-ceiling-label')).toBe('best possible within the time limit 0.800');
    expect(text(host, '.curves-optimum-label')).toBe('optimal policy 0.500');
  });

  test('without an optimum, no reference line is shown', () => {
    const { host, chart } = mount();
    chart.update(curves(3000, { optimum: null }));
    expect(visible(host.querySelector('line.curves-optimum'))).toBe(false);
    expect(visible(host.querySelector('.curves-optimum-label'))).toBe(false);
  });
});

describe('learning curves: degenerate data', () => {
  test('no data yet: axes drawn, a note to press Play, and no NaN', () => {
    const { host, chart } = mount();
    chart.update({
      episodes: 0,
      bucketWidth: 1,
      buckets: [],
      window: 100,
      greedy: [{ episode: 0, value: 0 }],
      epsilon: [{ episode: 0, value: 1 }],
      optimum: OPTIMUM,
    });
    const note = host.querySelector('.curves-empty')!;
    expect(note.textContent).toBe(EMPTY_NOTE);
    expect(visible(note)).toBe(true);
    expect(host.querySelectorAll('.curves-axis-x .tick').length).toBeGreaterThan(2);
    for (const p of paths(host)) expect(p.getAttribute('d') ?? '').not.toContain('NaN');
    expect(svgOf(host).getAttribute('aria-label')).toBe(
      'Learning curves: no episodes yet. Press Play to see the curves.',
    );
    expect(text(host, '.curves-readout')).toBe('No episodes yet');
  });

  test('the note goes once there is an episode', () => {
    const { host, chart } = mount();
    chart.update(curves(0));
    expect(visible(host.querySelector('.curves-empty'))).toBe(true);
    chart.update(curves(1));
    expect(visible(host.querySelector('.curves-empty'))).toBe(false);
  });

  test('a single episode draws a point per series and a marker at it', () => {
    const { host, chart } = mount();
    chart.update(curves(1));
    for (const p of paths(host)) {
      const d = p.getAttribute('d') ?? '';
      expect(d).not.toContain('NaN');
    }
    expect(paths(host)[1]!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+Z$/);
    const marker = host.querySelector('.curves-marker-moving')!;
    expect(visible(marker)).toBe(true);
    expect(marker.getAttribute('cx')).not.toContain('NaN');
  });

  test('all-zero success: the success curves lie on the bottom of the plot', () => {
    const { host, chart } = mount();
    const zero = curves(600);
    const buckets = zero.buckets.map((b) => ({
      ...b,
      successRate: 0,
      movingSuccessRate: 0,
      meanStepsToGoal: NaN,
    }));
    chart.update({ ...zero, buckets, greedy: [{ episode: 0, value: 0 }] });
    const { bottom } = successBox(host);
    for (const key of ['bin', 'moving', 'greedy']) {
      const d = host.querySelector(`path[data-series="${key}"]`)!.getAttribute('d')!;
      expect(d).not.toContain('NaN');
      const ys = [...d.matchAll(/[ML,H]?[\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
      expect(ys.length).toBeGreaterThan(0);
      for (const y of ys) expect(y).toBeCloseTo(bottom, 6);
    }
    // No goal ever reached: no steps-to-goal curve, and the legend says so.
    expect(host.querySelector('path[data-series="stepsToGoal"]')!.getAttribute('d')).toBe('');
    expect(text(host, '.curves-legend-stepsToGoal')).toBe('episodes reaching the goal –');
  });

  test('gaps (episodes that never reached the page) break the line instead of dropping to 0', () => {
    const { host, chart } = mount();
    const data = curves(64);
    const buckets = data.buckets.map((b, i) =>
      i >= 20 && i < 40
        ? {
            ...b,
            count: 0,
            successRate: NaN,
            meanLength: NaN,
            meanStepsToGoal: NaN,
            movingSuccessRate: NaN,
          }
        : b,
    );
    chart.update({ ...data, buckets, bucketWidth: 1 });
    const d = host.querySelector('path[data-series="moving"]')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length).toBe(2);
    expect(d).not.toContain('NaN');
  });
});

describe('learning curves: reading values', () => {
  test('the accessible name summarises the latest values', () => {
    const { host, chart } = mount();
    const data = curves(3000);
    chart.update(data);
    const label = svgOf(host).getAttribute('aria-label')!;
    expect(svgOf(host).getAttribute('role')).toBe('img');
    expect(label).toBe(curvesSummary(data));
    expect(label).toMatch(
      /^Learning curves after 3,000 episodes: success rate \d\.\d\d over the last 100 episodes; greedy policy success probability 0\.740 \(optimal policy 0\.740\); mean episode length \d+\.\d steps; ε 0\.010\.$/,
    );
  });

  test('hovering reads the bin under the pointer; leaving goes back to the latest', () => {
    const { host, chart } = mount();
    chart.update(curves(3000));
    const overlay = host.querySelector('.curves-overlay')!;
    // jsdom lays nothing out: the pointer's x is its clientX in chart units. x = 64 is episode 0
    // and the plot is 674 wide for 5,000 episodes.
    const atEpisode = (e: number) => 64 + (e / 5000) * 674;
    // Bins of 16 episodes: the pointer at episode 1,006 is nearest the end of episodes 993–1,008.
    overlay.dispatchEvent(
      new MouseEvent('pointermove', { clientX: atEpisode(1006), clientY: 100, bubbles: true }),
    );
    expect(text(host, '.curves-readout')).toBe('Episodes 993–1,008');
    const cursor = host.querySelector('.curves-cursor')!;
    expect(visible(cursor)).toBe(true);
    expect(Number(cursor.getAttribute('x1'))).toBeCloseTo(atEpisode(1008), 6);
    expect(text(host, '.curves-legend-greedy')).toBe('greedy policy, exact 0.333');
    overlay.dispatchEvent(new MouseEvent('pointerleave', { bubbles: false }));
    expect(visible(cursor)).toBe(false);
    expect(text(host, '.curves-readout')).toContain('After 3,000 episodes');
  });

  test('the keyboard moves a cursor bin by bin and announces the values', () => {
    const { host, chart } = mount();
    chart.update(curves(3000));
    const svg = svgOf(host);
    expect(svg.getAttribute('tabindex')).toBe('0');
    svg.focus();
    expect(text(host, '.curves-readout')).toBe('Episodes 2,993–3,000 (latest)');
    const key = (k: string) =>
      svg.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    expect(key('ArrowLeft')).toBe(false); // handled: default prevented
    expect(text(host, '.curves-readout')).toBe('Episodes 2,977–2,992');
    expect(text(host, '.curves-live')).toMatch(
      /^Episodes 2,977–2,992: last 100 episodes \d\.\d\d, greedy policy, exact 0\.740, all episodes \d+\.\d, episodes reaching the goal \d+\.\d, ε 0\.010\.$/,
    );
    key('Home');
    expect(text(host, '.curves-readout')).toBe('Episodes 1–16');
    key('ArrowLeft');
    expect(text(host, '.curves-readout')).toBe('Episodes 1–16');
    key('End');
    expect(text(host, '.curves-readout')).toBe('Episodes 2,993–3,000 (latest)');
    expect(key('a')).toBe(true); // not ours
    key('Escape');
    expect(visible(host.querySelector('.curves-cursor'))).toBe(false);
  });

  test('a visually hidden table lists values at up to 8 points of the run', () => {
    const { host, chart } = mount();
    chart.update(curves(3000));
    const rows = Array.from(host.querySelectorAll('.curves-table tbody tr')).filter(
      (r) => !r.hasAttribute('hidden'),
    );
    expect(rows.length).toBe(8);
    expect(rows[0]!.querySelector('td')!.textContent).toBe('Episodes 1–16');
    expect(rows[7]!.querySelector('td')!.textContent).toBe('Episodes 2,993–3,000');
    expect(
      Array.from(rows[7]!.querySelectorAll('td'))
        .map((c) => c.textContent)
        .slice(2),
    ).toEqual(['0.740', expect.stringMatching(/^\d+\.\d$/), '0.010']);
    chart.update(curves(40));
    const few = Array.from(host.querySelectorAll('.curves-table tbody tr')).filter(
      (r) => !r.hasAttribute('hidden'),
    );
    expect(few.length).toBe(3);
  });

  test('destroy removes everything it added', () => {
    const { host, chart: c } = mount();
    c.update(curves(100));
    c.destroy();
    chart = null;
    expect(host.childNodes.length).toBe(0);
  });
});

describe('learning curves: helpers', () => {
  test('the x axis zooms out in 1–2–5 steps, and not past the target while short of it', () => {
    expect(episodeAxisMax(0)).toBe(10);
    expect(episodeAxisMax(0, 10_000)).toBe(10);
    expect(episodeAxisMax(447, 10_000)).toBe(500);
    expect(episodeAxisMax(2527, 10_000)).toBe(5000);
    expect(episodeAxisMax(6000, 10_000)).toBe(10_000);
    expect(episodeAxisMax(10_000, 10_000)).toBe(10_000);
    expect(episodeAxisMax(10_001, 10_000)).toBe(20_000);
    expect(episodeAxisMax(2400, 2500)).toBe(2500);
    expect(episodeAxisMax(1_000_000)).toBe(1_000_000);
  });

  test('display bins merge buckets exactly: counts and goals add up', () => {
    const data = curves(300);
    expect(data.bucketWidth).toBe(1);
    const { bins, width } = displayBins(data.buckets, data.bucketWidth);
    expect(width).toBe(MIN_BIN_EPISODES);
    expect(bins.length).toBe(Math.ceil(300 / 16));
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(300);
    const goals = (bs: readonly CurveBucket[]) =>
      bs.reduce((s, b) => s + Math.round(b.successRate * b.count), 0);
    expect(goals(bins)).toBe(goals(data.buckets));
    expect(bins.at(-1)).toMatchObject({ start: 288, end: 300, count: 12 });
    // Wide buckets stay as they are.
    const wide = curves(100_000);
    expect(displayBins(wide.buckets, wide.bucketWidth).bins).toBe(wide.buckets);
  });
});

describe('greedyPoints', () => {
  test("spreads the greedy curve over a full-speed run: the frames' exact evaluations fill it in", () => {
    // Measured in the built page: the lesson's 10,000-episode run at full speed sends only a few
    // snapshots (episodes 0, 455, 4,444, 10,000), so their evaluations alone leave a gap of 5,556.
    const evaluations = [0, 455, 4444, 10_000].map((episode, i) => ({ episode, value: i / 4 }));
    // The frames (every 1,000 episodes, the lesson's save_interval) carry exact evaluations too.
    const frames = Array.from({ length: 11 }, (_, i) => ({ episode: i * 1000, value: 0.7 }));
    const points = greedyPoints(evaluations, frames);
    const episodes = points.map((p) => p.episode);
    expect(episodes).toEqual([
      0, 455, 1000, 2000, 3000, 4000, 4444, 5000, 6000, 7000, 8000, 9000, 10_000,
    ]);
    const gaps = episodes.slice(1).map((e, i) => e - episodes[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
    // At a shared episode both are exact for the same Q: the snapshot's evaluation is kept.
    expect(points[0]!.value).toBe(0);
    expect(points[points.length - 1]!.value).toBe(0.75);
  });

  test('is the evaluations alone when there are no frames, and empty when there is nothing', () => {
    const evaluations = [{ episode: 3, value: 0.1 }];
    expect(greedyPoints(evaluations, [])).toEqual(evaluations);
    expect(greedyPoints([], [])).toEqual([]);
  });
});

describe('the greedy policy curve on a fast run (points only at the frames)', () => {
  // Evaluations at 0, 250 and 500 from the snapshots, then one per frame every 1,000 episodes.
  const sparse = [0, 250, 500, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000].map(
    (episode) => ({ episode, value: Math.min(0.73, episode / 2000) }),
  );
  const subpaths = (host: HTMLElement) =>
    host.querySelector('.curves-line-greedy')!.getAttribute('d')!.split('M').length - 1;

  test('is one line when its points are one frame interval apart', () => {
    const { host } = mount();
    chart!.update(curves(10_000, { greedy: sparse, greedyEvery: 1000 }));
    expect(subpaths(host)).toBe(1);
  });

  test('is left unjoined across a gap longer than the frame interval (nothing known between)', () => {
    const { host } = mount();
    const withHole = sparse.filter((p) => p.episode < 3000 || p.episode > 6000);
    chart!.update(curves(10_000, { greedy: withHole, greedyEvery: 1000 }));
    expect(subpaths(host)).toBe(2);
  });
});
