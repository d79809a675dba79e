// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createMiniGrid } from '../../src/viz/mini-grid';

const DESC = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];

function data(v: number[], masks: number[], path: number[] | null) {
  return {
    desc: DESC,
    v: Float64Array.from(v),
    greedyMask: Uint8Array.from(masks),
    path: path ? { states: Int32Array.from(path), length: path.length - 1 } : null,
    domain: [0, 1] as const,
  };
}

describe('mini grid', () => {
  it('draws one cell per state and no tick where every action ties', () => {
    const host = document.createElement('div');
    const mini = createMiniGrid(host, 'Frame');
    mini.update(data(new Array(16).fill(0), new Array(16).fill(15), null));
    expect(host.querySelectorAll('rect')).toHaveLength(16);
    expect(host.querySelectorAll('line')).toHaveLength(0);
    expect(host.querySelector('path')!.getAttribute('d')).toBeNull();
    expect(host.innerHTML).not.toContain('NaN');
    expect(host.querySelector('svg')!.getAttribute('aria-label')).toBe('Frame');
  });

  it('ticks the single greedy action and draws the path through cell centres', () => {
    const host = document.createElement('div');
    const mini = createMiniGrid(host, null);
    const masks = new Array(16).fill(15);
    masks[0] = 1 << 2; // Right at the start
    mini.update(data(new Array(16).fill(0.5), masks, [0, 1, 5]));
    const ticks = host.querySelectorAll('line');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]!.getAttribute('x2')).toBe(String(10 + 20 * 0.38));
    expect(host.querySelector('path')!.getAttribute('d')).toBe('M10,10L30,10L30,30');
    expect(host.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    const first = host.querySelector('rect');
    mini.update(data(new Array(16).fill(0.9), masks, null));
    expect(host.querySelector('rect')).toBe(first);
    mini.destroy();
    expect(host.children).toHaveLength(0);
  });
});

describe('mini grid agent marker', () => {
  it('is hidden without an agent and sits on the agent’s cell centre with one', () => {
    const host = document.createElement('div');
    const mini = createMiniGrid(host, 'Drive');
    // Before any update (a panel waiting for its first episode) the marker is hidden too.
    expect(host.querySelector('circle.mini-grid-agent')!.getAttribute('display')).toBe('none');
    mini.update(data(new Array(16).fill(0), new Array(16).fill(15), null));
    const marker = host.querySelector('circle.mini-grid-agent')!;
    expect(marker.getAttribute('display')).toBe('none');
    // State 6 is row 1, column 2: centre (2·20 + 10, 1·20 + 10).
    mini.update({ ...data(new Array(16).fill(0), new Array(16).fill(15), [0, 4, 5]), agent: 6 });
    expect(host.querySelector('circle.mini-grid-agent')).toBe(marker);
    expect(marker.getAttribute('display')).toBeNull();
    expect([marker.getAttribute('cx'), marker.getAttribute('cy')]).toEqual(['50', '30']);
    mini.update({ ...data(new Array(16).fill(0), new Array(16).fill(15), null), agent: null });
    expect(marker.getAttribute('display')).toBe('none');
  });
});
