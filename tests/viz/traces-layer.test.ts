// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQGrid } from '../../src/viz/q-grid';
import { rgb } from 'd3-color';
import { UNKNOWN_COLOR } from '../../src/viz/scales';
import { INK_COLORS, TILE_COLORS } from '../../src/viz/theme';
import { TRACE_MAX_OPACITY, TRACE_MAX_WIDTH, traceColor } from '../../src/viz/traces-layer';
import { TRACES_NOTE } from '../../src/viz/traces-slot';
import { frameFor, MAP_4X4 } from './fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

function mount() {
  const host = document.body.appendChild(document.createElement('div'));
  const grid = createQGrid(host, { observeResize: false, accessibleGrid: true });
  const traces = () => [...host.querySelectorAll<SVGPathElement>('path.qgrid-trace')];
  return { host, grid, traces };
}

/** Traces with e(0, Right) = 1, e(1, Down) = 0.5, the rest 0. */
function someTraces(): Float64Array {
  const e = new Float64Array(64);
  e[0 * 4 + 2] = 1;
  e[1 * 4 + 1] = 0.5;
  return e;
}

describe('the traces layer on the main grid', () => {
  it('draws nothing for a frame without traces (Q-learning), and adds no legend word', async () => {
    const { grid, host, traces } = mount();
    grid.update(frameFor(MAP_4X4));
    await vi.dynamicImportSettled();
    expect(traces()).toHaveLength(0);
    expect(host.querySelector('g.qgrid-traces')!.childElementCount).toBe(0);
    expect(grid.legendSpec()!.note).toBeUndefined();
  });

  it('draws each e(s, a) > 0 as its action’s triangle, opacity and width growing with e', async () => {
    const { grid, host, traces } = mount();
    grid.update(frameFor(MAP_4X4, undefined, { traces: someTraces() }));
    // The layer's code arrives after the first frame and draws the waiting traces.
    await vi.dynamicImportSettled();
    const drawn = traces();
    expect(drawn.map((p) => p.getAttribute('data-pair'))).toEqual(['2', '5']);
    expect(drawn.map((p) => Number(p.getAttribute('fill-opacity')))).toEqual([
      TRACE_MAX_OPACITY,
      Math.round(TRACE_MAX_OPACITY * 0.5 * 100) / 100,
    ]);
    expect(drawn.map((p) => Number(p.getAttribute('stroke-width')))).toEqual([
      1 + TRACE_MAX_WIDTH,
      1 + TRACE_MAX_WIDTH / 2,
    ]);
    // State 1 sits one cell to the right; the layer is hidden from the ARIA grid.
    expect(drawn[1]!.getAttribute('transform')).toBe('translate(100,0)');
    expect(host.querySelector('g.qgrid-traces')!.getAttribute('aria-hidden')).toBe('true');
    expect(grid.legendSpec()!.note).toBe(TRACES_NOTE);
  });

  it('fades as the traces decay, and clears when they are all 0 or absent', async () => {
    const { grid, traces } = mount();
    grid.update(frameFor(MAP_4X4, undefined, { traces: someTraces() }));
    await vi.dynamicImportSettled();
    // One step later: every trace shrank by γλ = 0.891, a new pair was taken.
    const next = someTraces().map((e) => e * 0.891);
    next[2 * 4 + 1] = 1;
    grid.update(frameFor(MAP_4X4, undefined, { traces: next }));
    expect(traces().map((p) => p.getAttribute('data-pair'))).toEqual(['2', '5', '9']);
    expect(Number(traces()[0]!.getAttribute('fill-opacity'))).toBeLessThan(TRACE_MAX_OPACITY);
    grid.update(frameFor(MAP_4X4, undefined, { traces: new Float64Array(64) }));
    expect(traces()).toHaveLength(0);
    grid.update(frameFor(MAP_4X4, undefined, { traces: someTraces() }));
    grid.update(frameFor(MAP_4X4));
    expect(traces()).toHaveLength(0);
    expect(grid.legendSpec()!.note).toBeUndefined();
  });

  it('adds its word to a view’s own note', async () => {
    const { grid } = mount();
    grid.setView('a');
    grid.update(frameFor(MAP_4X4, undefined, { traces: someTraces() }));
    await vi.dynamicImportSettled();
    expect(grid.legendSpec()!.note).toBe(`0 = greedy action; ${TRACES_NOTE}`);
  });

  it('colours a trace opaque for the tab: ice at 0, the layer’s violet at 1 and above', () => {
    expect(traceColor(0)).toBe(rgb(TILE_COLORS.ice).toString());
    expect(traceColor(1)).toBe(rgb(INK_COLORS.agent).toString());
    expect(traceColor(1.72)).toBe(traceColor(1));
    expect(traceColor(0.5)).not.toBe(traceColor(0.4));
    expect(traceColor(NaN)).toBe(UNKNOWN_COLOR);
  });
});
