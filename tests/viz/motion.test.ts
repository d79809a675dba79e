// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { createQGrid } from '../../src/viz/q-grid';
import { loadMotion, motionReady } from '../../src/viz/motion';
import { MAP_4X4, frameFor, makeHost } from './fixtures';

describe('the grid before d3-transition has loaded', () => {
  test('draws a step in its final place, then animates once the motion code is in', async () => {
    expect(motionReady()).toBe(false);
    const host = makeHost();
    const grid = createQGrid(host);
    const step = { from: 0, to: 4, intended: 1, actual: 1, explored: false, outcome: null };
    grid.update(frameFor(MAP_4X4, undefined, { step, animate: true, durationMs: 200 }));
    const agent = host.querySelector<SVGGElement>('.qgrid-agent')!;
    expect(agent.getAttribute('data-agent-state')).toBe('4');
    expect('__transition' in agent).toBe(false);
    await loadMotion();
    expect(motionReady()).toBe(true);
    grid.update(frameFor(MAP_4X4, undefined, { step, animate: true, durationMs: 200 }));
    expect('__transition' in agent).toBe(true);
    grid.destroy();
  });
});
