// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { LEGEND_STOPS, createLegend, legendAxisCode, type Legend } from '../../src/viz/legend';
import { legendTicks } from '../../src/viz/legend-axis';
import { divergingInterpolator, sequentialScale, divergingScale } from '../../src/viz/scales';
import { badValues, makeHost } from './fixtures';

// The page loads the legend's tick axis right after its first draw; these tests read the ticks.
beforeAll(() => legendAxisCode.load());

let legend: Legend | null = null;
afterEach(() => {
  legend?.destroy();
  legend = null;
  document.body.replaceChildren();
});

function stopColours(host: Element): string[] {
  return Array.from(host.querySelectorAll('stop')).map((s) => s.getAttribute('stop-color') ?? '');
}

function tickTexts(host: Element): string[] {
  return Array.from(host.querySelectorAll('.tick text')).map((t) => t.textContent ?? '');
}

describe('createLegend', () => {
  test('a degenerate domain (all values 0) draws a uniform bar with one tick, and says so', () => {
    const host = makeHost();
    legend = createLegend(host);
    legend.update({ kind: 'sequential', domain: [0, 0], label: 'V(s) = max_a Q(s,a)' });
    const colours = stopColours(host);
    expect(colours).toHaveLength(LEGEND_STOPS);
    expect(new Set(colours).size).toBe(1);
    expect(colours[0]).toBe(sequentialScale([0, 0])(0));
    expect(tickTexts(host)).toEqual(['0.00']);
    expect(host.querySelector('.qgrid-legend-note')!.textContent).toBe('all values 0.00');
    expect(badValues(host)).toEqual([]);
  });

  test('a degenerate diverging domain is the neutral colour', () => {
    const host = makeHost();
    legend = createLegend(host);
    legend.update({ kind: 'diverging', domain: [0, 0], label: 'A(s,a)' });
    expect(new Set(stopColours(host))).toEqual(new Set([divergingInterpolator('default')(0.5)]));
    expect(badValues(host)).toEqual([]);
  });

  test('a V domain runs from scale(lo) to scale(hi) with nice ticks and a subscript a', () => {
    const host = makeHost();
    legend = createLegend(host);
    legend.update({ kind: 'sequential', domain: [0, 0.8], label: 'V(s) = max_a Q(s,a)' });
    const colours = stopColours(host);
    const scale = sequentialScale([0, 0.8]);
    expect(colours[0]).toBe(scale(0));
    expect(colours[LEGEND_STOPS - 1]).toBe(scale(0.8));
    expect(tickTexts(host)).toEqual(['0.00', '0.20', '0.40', '0.60', '0.80']);
    const sub = host.querySelector('.qgrid-legend-label tspan[baseline-shift="sub"]');
    expect(sub?.textContent).toBe('a');
    expect(host.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'V(s) = max over a Q(s,a): colour scale from 0.00 to 0.80',
    );
    expect(badValues(host)).toEqual([]);
  });

  test('an A domain [min A, 0] ends on the neutral colour at 0', () => {
    const host = makeHost();
    legend = createLegend(host);
    legend.update({
      kind: 'diverging',
      domain: [-0.5, 0],
      label: 'A(s,a) = Q(s,a) − V(s)',
      palette: 'colorblind',
      note: '0 = greedy action',
    });
    const colours = stopColours(host);
    expect(colours[LEGEND_STOPS - 1]).toBe(divergingScale([-0.5, 0], 'colorblind')(0));
    expect(colours[LEGEND_STOPS - 1]).toBe(divergingInterpolator('colorblind')(0.5));
    expect(tickTexts(host)).toContain('−0.50');
    expect(host.querySelector('.qgrid-legend-note')!.textContent).toBe('0 = greedy action');
  });

  test('updates reuse the same nodes', () => {
    const host = makeHost();
    legend = createLegend(host);
    legend.update({ kind: 'sequential', domain: [0, 1], label: 'Q(s,a)' });
    const bar = host.querySelector('.qgrid-legend-bar');
    const count = host.querySelectorAll('*').length;
    legend.update({ kind: 'sequential', domain: [0, 1], label: 'Q(s,a)' });
    expect(host.querySelector('.qgrid-legend-bar')).toBe(bar);
    expect(host.querySelectorAll('*').length).toBe(count);
  });

  test('destroy empties the host', () => {
    const host = makeHost();
    legend = createLegend(host);
    legend.update({ kind: 'sequential', domain: [0, 1], label: 'Q(s,a)' });
    legend.destroy();
    legend = null;
    expect(host.childNodes).toHaveLength(0);
  });
});

describe('legendTicks', () => {
  test('a tiny domain gets enough decimals that ticks never repeat', () => {
    const { values, format } = legendTicks([0, 0.004]);
    const texts = values.map(format);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThan(1);
  });

  test('a zero-width domain gives its one value', () => {
    const { values, format } = legendTicks([0.25, 0.25]);
    expect(values.map(format)).toEqual(['0.25']);
  });
});

describe('a legend before its first update', () => {
  test('is hidden: no bar of an unset gradient (it painted black) and no unnamed image', () => {
    const host = makeHost();
    legend = createLegend(host);
    const svg = host.querySelector('svg')!;
    expect(svg.style.display).toBe('none');
    legend.update({ kind: 'sequential', domain: [0, 1], label: 'V(s) = max_a Q(s,a)' });
    expect(svg.style.display).toBe('block');
    expect(svg.getAttribute('aria-label')).toMatch(/colour scale from 0.00 to 1.00/);
  });
});
