// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createDpGrid, type DpGridData } from '../../src/viz/dp-grid';
import { createDpChart } from '../../src/viz/dp-chart';

const DESC = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];

function data(over: Partial<DpGridData> = {}): DpGridData {
  return {
    desc: DESC,
    v: new Float64Array(16),
    policy: new Int8Array(16),
    policyWord: 'greedy',
    sweeps: 0,
    changed: [],
    selected: null,
    ...over,
  };
}

describe('createDpGrid', () => {
  it('draws an ARIA grid: 4 rows of 4 named cells, one tab stop; all V = 0 still draws', () => {
    const host = document.createElement('div');
    const grid = createDpGrid(host, () => {});
    grid.update(data());
    expect(host.querySelectorAll('[role="row"]')).toHaveLength(4);
    const cells = host.querySelectorAll('[role="gridcell"]');
    expect(cells).toHaveLength(16);
    expect(host.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(cells[0]!.getAttribute('aria-label')).toBe('state 0, start, V₀ 0.0000, greedy Left');
    expect(cells[5]!.getAttribute('aria-label')).toBe('state 5, hole, the episode ends here');
    // Holes and the goal: their letter, no arrow.
    expect(cells[5]!.querySelector('.dp-value')!.textContent).toBe('H');
    expect(cells[5]!.querySelector('.dp-arrow')!.getAttribute('d')).toBeNull();
    expect(cells[0]!.querySelector('.dp-arrow')!.getAttribute('d')).toMatch(/^M/);
    grid.destroy();
    expect(host.childElementCount).toBe(0);
  });

  it('rings changed states (dashed), outlines the selected one, and names both', () => {
    const host = document.createElement('div');
    const grid = createDpGrid(host, () => {});
    const v = new Float64Array(16);
    v[14] = 0.5159;
    grid.update(
      data({
        v,
        sweeps: 3,
        policy: new Int8Array(16).fill(2),
        changed: [14],
        selected: 10,
        policyWord: 'policy',
      }),
    );
    const cell = (s: number) => host.querySelector(`[data-state="${s}"]`)!;
    expect(cell(14).getAttribute('aria-label')).toBe('state 14, V₃ 0.5159, policy Right, changed');
    expect(cell(14).querySelector('.dp-mark')!.getAttribute('stroke-dasharray')).toBe('10 6');
    expect(cell(14).querySelector('.dp-value')!.textContent).toBe('0.5159');
    expect(cell(10).getAttribute('aria-selected')).toBe('true');
    expect(cell(10).querySelector('.dp-mark')!.getAttribute('stroke-dasharray')).toBeNull();
    expect(cell(0).querySelector('.dp-mark')!.getAttribute('stroke')).toBeNull();
    grid.destroy();
  });

  it('a click or Enter on a cell selects its state', () => {
    const host = document.createElement('div');
    const onSelect = vi.fn();
    const grid = createDpGrid(host, onSelect);
    grid.update(data());
    host
      .querySelector('[data-state="6"]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    host
      .querySelector('[data-state="6"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onSelect.mock.calls).toEqual([[6], [6]]);
    grid.destroy();
  });
});

describe('createDpChart', () => {
  it('log scale: a change of exactly 0 is left out of the line; the tolerance is drawn', () => {
    const host = document.createElement('div');
    const chart = createDpChart(host, { label: 'deltas', log: true, xName: 'k', yName: 'Δ' });
    chart.update({ values: [0, 0.5, 0.1, 0.01], reference: 1e-6 });
    const d = host.querySelector('.dp-line')!.getAttribute('d')!;
    // Three defined points: one move, two lines, no NaN.
    expect(d.match(/M/g)).toHaveLength(1);
    expect(d.match(/L/g)).toHaveLength(2);
    expect(d).not.toContain('NaN');
    expect(host.querySelector('.dp-reference')!.getAttribute('display')).toBeNull();
    expect(host.querySelector('svg')!.getAttribute('aria-label')).toBe('deltas');
    chart.destroy();
  });

  it('draws nothing and no NaN before the first sweep', () => {
    const host = document.createElement('div');
    const chart = createDpChart(host, { label: 'curve', log: false, xName: 't', yName: 'p' });
    chart.update({ values: [], reference: null });
    expect(host.innerHTML).not.toContain('NaN');
    expect(host.querySelector('.dp-reference')!.getAttribute('display')).toBe('none');
    chart.destroy();
  });
});
