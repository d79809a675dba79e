// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDoubleQTables, formatBias, tableCaption } from '../../src/viz/double-q-tables';
import { createPairGrid } from '../../src/viz/pair-grid';
import { sequentialScale } from '../../src/viz/scales';

afterEach(() => {
  document.body.innerHTML = '';
});

const DESC = ['SF', 'HG'];

describe('createPairGrid', () => {
  it('draws four triangles per non-terminal cell filled by the scale, the tiles of H and G', () => {
    const host = document.body.appendChild(document.createElement('div'));
    const grid = createPairGrid(host, 'Traces', () => {});
    const values = [1, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const scale = sequentialScale([0, 1]);
    grid.update({
      desc: DESC,
      values,
      fill: scale,
      name: (s) => `cell ${s}`,
      selected: 1,
      selectedAction: 1,
    });
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('grid');
    expect(svg.getAttribute('aria-label')).toBe('Traces');
    expect(svg.querySelectorAll('[role="row"]')).toHaveLength(2);
    const cells = svg.querySelectorAll('[role="gridcell"]');
    expect([...cells].map((c) => c.getAttribute('aria-label'))).toEqual([
      'cell 0',
      'cell 1',
      'cell 2',
      'cell 3',
    ]);
    const wedge = (s: number, a: number) =>
      cells[s]!.querySelector(`.pair-wedge[data-action="${a}"]`)!;
    expect(wedge(0, 0).getAttribute('fill')).toBe(scale(1));
    expect(wedge(1, 1).getAttribute('fill')).toBe(scale(0.5));
    expect(wedge(0, 1).getAttribute('fill')).toBe(scale(0));
    // The hole and the goal show their tile, no triangles.
    for (const s of [2, 3]) {
      expect(cells[s]!.querySelectorAll('.pair-wedge')).toHaveLength(0);
      expect(cells[s]!.querySelectorAll('.pair-tile')).toHaveLength(1);
    }
    // The selected cell is outlined, its selected action drawn thick.
    expect(cells[1]!.getAttribute('aria-selected')).toBe('true');
    const mark = svg.querySelector('.pair-mark')!;
    expect([mark.getAttribute('x'), mark.getAttribute('y')]).toEqual(['106', '6']);
    expect(wedge(1, 1).getAttribute('stroke-width')).toBe('5');
    expect(wedge(1, 0).getAttribute('stroke-width')).toBe('1.5');
    grid.update({ desc: DESC, values, fill: scale, name: String, selected: null });
    expect(mark.getAttribute('display')).toBe('none');
    expect(wedge(1, 1).getAttribute('stroke-width')).toBe('1.5');
    grid.destroy();
    expect(host.querySelector('svg')).toBeNull();
  });

  it('Enter on a focused cell selects it; the arrows move the tab stop', () => {
    const host = document.body.appendChild(document.createElement('div'));
    const onSelect = vi.fn();
    const grid = createPairGrid(host, 'Model', onSelect);
    const scale = sequentialScale([0, 0]);
    grid.update({
      desc: DESC,
      values: new Float64Array(16),
      fill: scale,
      name: String,
      selected: null,
    });
    const cells = host.querySelectorAll<SVGGElement>('[role="gridcell"]');
    expect(cells[0]!.getAttribute('tabindex')).toBe('0');
    cells[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(cells[2]!.getAttribute('tabindex')).toBe('0');
    cells[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith(2);
  });
});

describe('double-q-tables', () => {
  it('formats a bias with its sign, a plus for an overestimate, none for a rounded 0', () => {
    expect(formatBias(0.0123)).toBe('+0.012');
    expect(formatBias(-0.0123)).toBe('−0.012');
    expect(formatBias(0.0001)).toBe('0.000');
    expect(formatBias(NaN)).toBe('–');
    expect(tableCaption('Q₁', { value: 0.125, maximisation: 0.25 })).toBe(
      'Q₁: bias +0.125 against V*, maximisation bias +0.250',
    );
  });

  it('draws two named mini grids, their captions and the mean’s bias', () => {
    const host = document.body.appendChild(document.createElement('div'));
    const tables = createDoubleQTables(host);
    const table = (value: number) => ({
      v: [0.5, 0.4, 0, 0],
      greedyMask: [1, 2, 15, 15],
      bias: { value, maximisation: 0 },
    });
    tables.update({
      desc: DESC,
      tables: [table(0.1), table(-0.2)],
      domain: [0, 1],
      meanBias: -0.05,
      states: 2,
    });
    const captions = [...host.querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(captions).toEqual([
      'Q₁: bias +0.100 against V*, maximisation bias 0.000',
      'Q₂: bias −0.200 against V*, maximisation bias 0.000',
    ]);
    expect(host.querySelectorAll('svg[role="img"]')).toHaveLength(2);
    expect(host.querySelector('.double-q-mean')!.textContent).toContain('bias −0.050');
    tables.destroy();
    expect(host.innerHTML).toBe('');
  });
});
