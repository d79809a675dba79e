// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { gridLabel, layerSentence, VIEW_LABELS } from '../../src/viz/describe';
import { formatCount, formatThousands as formatCountFull } from '../../src/viz/format';
import { createLegend, legendAxisCode, type Legend } from '../../src/viz/legend';
import { countTicks } from '../../src/viz/legend-axis';
import { createQGrid, type QGrid } from '../../src/viz/q-grid';
import {
  logCountScale,
  magnitudeScale,
  sequentialInterpolator,
  visitScale,
} from '../../src/viz/scales';
import {
  MAP_4X4,
  badValues,
  cell,
  frameFor,
  makeHost,
  overlay,
  shown,
  visibleArrows,
} from './fixtures';

// The page loads the legend's tick axis right after its first draw; these tests read the ticks.
beforeAll(() => legendAxisCode.load());

let grid: QGrid | null = null;
let legend: Legend | null = null;
afterEach(() => {
  grid?.destroy();
  legend?.destroy();
  grid = null;
  legend = null;
  document.body.replaceChildren();
});

/**
 * Visits on the 4x4 map: N(0, ·) = [3, 5, 0, 2] so N(0) = 10; N(1, Right) = 120; N(4, Left) = 1.
 * Σ N = 131. TD errors: δ(0, Down) = −0.25, δ(14, Right) = +0.5.
 */
function workedLayers() {
  const visits = new Float64Array(64);
  visits.set([3, 5, 0, 2], 0);
  visits[1 * 4 + 2] = 120;
  visits[4 * 4 + 0] = 1;
  const tdErrors = new Float64Array(64);
  tdErrors[0 * 4 + 1] = -0.25;
  tdErrors[14 * 4 + 2] = 0.5;
  return { visits, tdErrors };
}

function mount(view: 'n' | 'td') {
  const host = makeHost();
  grid = createQGrid(host, { view });
  return host;
}

function triLabels(host: Element, s: number): string[] {
  return Array.from(overlay(host, s).querySelectorAll('text.qgrid-tri-label')).map(
    (t) => t.textContent ?? '',
  );
}

function triFills(host: Element, s: number): string[] {
  return Array.from(cell(host, s).querySelectorAll('polygon.qgrid-tri')).map(
    (p) => p.getAttribute('fill') ?? '',
  );
}

describe('the log count scale', () => {
  test('t = ln(1 + x) / ln(1 + hi): 0 → 0, 3 of 120 → ln 4 / ln 121 ≈ 0.2891, 120 → 1', () => {
    const scale = logCountScale([0, 120]);
    expect(scale.kind).toBe('log');
    expect(scale.normalize(0)).toBe(0);
    expect(scale.normalize(3)).toBeCloseTo(0.289065, 6);
    expect(scale.normalize(120)).toBe(1);
    expect(scale.normalize(500)).toBe(1);
    expect(scale(3)).toBe(sequentialInterpolator('default')(Math.log(4) / Math.log(121)));
  });

  test('with nothing visited (hi = 0) every count maps to t = 0, and no NaN', () => {
    const scale = visitScale(new Float64Array(64));
    expect(scale.domain).toEqual([0, 0]);
    expect(scale.normalize(0)).toBe(0);
    expect(scale(0)).toBe(sequentialInterpolator('default')(0));
  });

  test('the magnitude scale spans [0, max |x|]: −0.25 and 0.5 give [0, 0.5]', () => {
    const { tdErrors } = workedLayers();
    const scale = magnitudeScale(tdErrors);
    expect(scale.domain).toEqual([0, 0.5]);
    expect(scale.normalize(Math.abs(-0.25))).toBe(0.5);
  });
});

describe('words for the layers', () => {
  test('counts print whole up to 999 and in 2 significant digits beyond (at most 4 characters)', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1384)).toBe('1.4k');
    expect(formatCount(12_345)).toBe('12k');
    expect(formatCount(1_234_567)).toBe('1.2M');
    expect(formatCount(NaN)).toBe('–');
    expect(formatCountFull(12_345)).toBe('12,345');
  });

  test('the layer sentence of a cell states N(s) = Σ N(s,a), or each |δ|', () => {
    expect(layerSentence('n', 'S', [3, 5, 0, 2])).toBe(
      ' N(s) = 10 updates: Left 3, Down 5, Right 0, Up 2.',
    );
    expect(layerSentence('td', 'F', [0, -0.25, 0, 0])).toBe(
      ' Latest |δ|: Left 0.00, Down 0.25, Right 0.00, Up 0.00.',
    );
    expect(layerSentence('n', 'H', [0, 0, 0, 0])).toBe('');
    expect(layerSentence('q', 'F', [1, 2, 3, 4])).toBe('');
  });

  test('the board names the layer it shows', () => {
    expect(gridLabel(4, 4, 'n')).toBe('Ice Maze 4 by 4, view: visit counts N');
    expect(gridLabel(4, 4, 'td')).toBe('Ice Maze 4 by 4, view: latest TD error sizes |δ|');
  });
});

describe('the visit-count layer', () => {
  test('N(s) is printed in the middle, N(s,a) in the triangles, coloured on the log scale', () => {
    const host = mount('n');
    grid!.update(frameFor(MAP_4X4, undefined, workedLayers()));
    expect(host.querySelector('svg')!.getAttribute('data-view')).toBe('n');
    expect(overlay(host, 0).querySelector('text.qgrid-value-label')!.textContent).toBe('10');
    expect(overlay(host, 1).querySelector('text.qgrid-value-label')!.textContent).toBe('120');
    expect(overlay(host, 4).querySelector('text.qgrid-value-label')!.textContent).toBe('1');
    expect(triLabels(host, 0)).toEqual(['3', '5', '0', '2']);
    const scale = logCountScale([0, 120]);
    expect(triFills(host, 0)).toEqual([scale(3), scale(5), scale(0), scale(2)]);
    expect(triFills(host, 1)[2]).toBe(sequentialInterpolator('default')(1));
    // Holes and the goal take no action: no count, no triangles.
    expect(shown(overlay(host, 5).querySelector('text.qgrid-value-label')!, host)).toBe(false);
    expect(cell(host, 5).querySelectorAll('polygon.qgrid-tri')).toHaveLength(0);
    expect(cell(host, 0).querySelector('title')!.textContent).toContain(
      'N(s) = 10 updates: Left 3, Down 5, Right 0, Up 2.',
    );
    // The middle belongs to the count: no greedy arrows in this layer.
    expect(visibleArrows(host, 0)).toHaveLength(0);
    expect(badValues(host)).toEqual([]);
  });

  test('the printed N(s) over the board add up to the total steps (Σ N(s,a) = 131)', () => {
    const host = mount('n');
    grid!.update(frameFor(MAP_4X4, undefined, workedLayers()));
    let total = 0;
    for (let s = 0; s < 16; s++) {
      const label = overlay(host, s).querySelector('text.qgrid-value-label')!;
      if (shown(label, host)) total += Number(label.textContent);
    }
    expect(total).toBe(131);
  });

  test('all zero (nothing visited) still draws, with a one-tick legend that says so', () => {
    const host = mount('n');
    grid!.update(frameFor(MAP_4X4, undefined, { visits: new Float64Array(64) }));
    expect(triLabels(host, 0)).toEqual(['0', '0', '0', '0']);
    const zero = sequentialInterpolator('default')(0);
    expect(new Set(triFills(host, 0))).toEqual(new Set([zero]));
    const spec = grid!.legendSpec()!;
    expect(spec).toMatchObject({ kind: 'log', domain: [0, 0], label: VIEW_LABELS.n });
    const legendHost = makeHost();
    legend = createLegend(legendHost);
    legend.update(spec);
    expect(legendHost.querySelector('.qgrid-legend-note')!.textContent).toBe('all values 0');
    expect(Array.from(legendHost.querySelectorAll('.tick text')).map((t) => t.textContent)).toEqual(
      ['0'],
    );
    expect(badValues(host)).toEqual([]);
    expect(badValues(legendHost)).toEqual([]);
  });

  test('the legend ticks 0 and the powers of ten up to the largest count', () => {
    expect(countTicks(120).values).toEqual([0, 1, 10, 100]);
    expect(countTicks(0).values).toEqual([0]);
    const legendHost = makeHost();
    legend = createLegend(legendHost);
    legend.update({ kind: 'log', domain: [0, 12_000], label: VIEW_LABELS.n, note: 'log scale' });
    expect(Array.from(legendHost.querySelectorAll('.tick text')).map((t) => t.textContent)).toEqual(
      ['0', '1', '10', '100', '1k', '10k'],
    );
    expect(legendHost.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'N(s,a), updates per action: logarithmic colour scale from 0 to 12k (log scale)',
    );
    expect(badValues(legendHost)).toEqual([]);
  });

  test('a frame without visit counts draws them as unknown, not as NaN', () => {
    const host = mount('n');
    grid!.update(frameFor(MAP_4X4));
    expect(triLabels(host, 0)).toEqual(['–', '–', '–', '–']);
    expect(badValues(host)).toEqual([]);
  });
});

describe('the TD-error layer', () => {
  test('triangles show |δ(s,a)| on [0, max |δ|], with the greedy arrows kept', () => {
    const host = mount('td');
    grid!.update(frameFor(MAP_4X4, undefined, workedLayers()));
    expect(triLabels(host, 0)).toEqual(['0.00', '0.25', '0.00', '0.00']);
    expect(triLabels(host, 14)).toEqual(['0.00', '0.00', '0.50', '0.00']);
    const ramp = sequentialInterpolator('default');
    expect(triFills(host, 0)[1]).toBe(ramp(0.5));
    expect(triFills(host, 14)[2]).toBe(ramp(1));
    expect(grid!.legendSpec()).toMatchObject({
      kind: 'sequential',
      domain: [0, 0.5],
      label: VIEW_LABELS.td,
    });
    expect(cell(host, 0).querySelector('title')!.textContent).toContain(
      'Latest |δ|: Left 0.00, Down 0.25, Right 0.00, Up 0.00.',
    );
    // All Q are 0: every action ties, so four thin arrows.
    expect(visibleArrows(host, 0)).toHaveLength(4);
    expect(badValues(host)).toEqual([]);
  });

  test('switching layers redraws the same frame: td → n → v', () => {
    const host = mount('td');
    grid!.update(frameFor(MAP_4X4, undefined, workedLayers()));
    grid!.setView('n');
    expect(triLabels(host, 0)).toEqual(['3', '5', '0', '2']);
    expect(host.querySelector('svg')!.getAttribute('aria-label')).toContain('visit counts N');
    grid!.setView('v');
    expect(overlay(host, 0).querySelector('text.qgrid-value-label')!.textContent).toBe('0.00');
    expect(shown(overlay(host, 0).querySelector('g.qgrid-tri-labels')!, host)).toBe(false);
  });
});
