// @vitest-environment jsdom
/**
 * The grid stays readable: the agent never covers a value, a state's number sits in a corner
 * clear of the greedy arrows, and a finished episode's path and its last step's marks (the
 * "slipped!" bubble) fade out within a second.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { estimateTextWidth } from '../../src/viz/geometry';
import { createQGrid, type QGrid } from '../../src/viz/q-grid';
import { MAP_4X4, frameFor, makeHost, overlay, shown, sleep, trajectory } from './fixtures';
import { loadMotion } from '../../src/viz/motion';

// The page loads d3-transition right after the first draw; the fade tests need it loaded.
beforeAll(() => loadMotion());

let grid: QGrid | null = null;
afterEach(() => {
  grid?.destroy();
  grid = null;
  document.body.replaceChildren();
});

function mount() {
  const host = makeHost();
  grid = createQGrid(host);
  return host;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The box a cell's printed value covers, in cell units, from its attributes (digits ≈ 0.75 em high). */
function labelBox(text: SVGTextElement): Box {
  const size = Number(text.getAttribute('font-size'));
  const x = Number(text.getAttribute('x'));
  const dy = text.getAttribute('dy') ?? '0';
  const baseline = Number(text.getAttribute('y')) + (dy.endsWith('em') ? parseFloat(dy) * size : 0);
  const w = estimateTextWidth(text.textContent ?? '', size);
  const anchor = text.getAttribute('text-anchor');
  const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
  return { x0, x1: x0 + w, y0: baseline - 0.75 * size, y1: baseline };
}

/** Points along the outline of an SVG path made of M/L commands (every half unit). */
function outline(d: string): [number, number][] {
  const pts = [...d.matchAll(/-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?/g)].map(
    (m) => m[0].split(',').map(Number) as [number, number],
  );
  const out: [number, number][] = [];
  for (let i = 0; i < pts.length; i++) {
    const [ax, ay] = pts[i]!;
    const [bx, by] = pts[(i + 1) % pts.length]!;
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) * 2));
    for (let k = 0; k < n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}

const inside = (b: Box, [x, y]: [number, number]) => x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1;

describe('the agent never covers a value', () => {
  test('at the start the ball sits in the middle and V(start) in a corner, clear of it', () => {
    const host = mount();
    const q = new Float64Array(64);
    q[2] = 0.54;
    grid!.update(frameFor(MAP_4X4, q, { agentState: 0 }));
    const label = overlay(host, 0).querySelector<SVGTextElement>('text.qgrid-value-label')!;
    expect(label.textContent).toBe('0.54');
    const body = host.querySelector('circle.qgrid-agent-body')!;
    const reach = Number(body.getAttribute('r')) + Number(body.getAttribute('stroke-width')) / 2;
    const box = labelBox(label);
    // The disc around the cell's centre (50, 50) and the label's box do not meet.
    const nearestX = Math.min(Math.max(50, box.x0), box.x1);
    const nearestY = Math.min(Math.max(50, box.y0), box.y1);
    expect(Math.hypot(nearestX - 50, nearestY - 50)).toBeGreaterThan(reach);
  });

  test('numbers are drawn above the path, the step marks and the effects; only the ball is higher', () => {
    const host = mount();
    grid!.update(frameFor(MAP_4X4));
    const layers = Array.from(host.querySelectorAll('g.qgrid-board > g')).map((g) =>
      g.getAttribute('class'),
    );
    const numbers = layers.indexOf('qgrid-overlays');
    for (const below of ['qgrid-step', 'qgrid-effects', 'qgrid-path'])
      expect(layers.indexOf(below)).toBeLessThan(numbers);
    expect(layers.at(-1)).toBe('qgrid-agent');
  });

  test('in the V view no greedy arrow, single or tied, runs into the printed value', () => {
    const host = mount();
    // One greedy action per state in states 0, 1, 2, 4 (Left, Down, Right, Up) and a four-way tie
    // elsewhere, with values that print four characters.
    const q = new Float64Array(64).fill(0.5);
    for (const [s, a] of [
      [0, 0],
      [1, 1],
      [2, 2],
      [4, 3],
    ] as const)
      q[s * 4 + a] = 0.88;
    grid!.update(frameFor(MAP_4X4, q));
    for (const s of [0, 1, 2, 4, 6, 8, 9, 10, 13, 14]) {
      const label = overlay(host, s).querySelector<SVGTextElement>('text.qgrid-value-label')!;
      expect(shown(label, host)).toBe(true);
      const box = labelBox(label);
      const arrows = Array.from(overlay(host, s).querySelectorAll('path.qgrid-arrow')).filter((p) =>
        shown(p, host),
      );
      expect(arrows.length).toBeGreaterThan(0);
      for (const arrow of arrows)
        for (const point of outline(arrow.getAttribute('d')!))
          expect(inside(box, point), `state ${s}, arrow point ${point}`).toBe(false);
    }
  });
});

describe('a finished episode fades out within a second', () => {
  const opacity = (el: Element) => Number(el.getAttribute('opacity') ?? '1');

  test('its path fades; the path of an episode under way stays', async () => {
    const host = mount();
    const layer = () => host.querySelector('g.qgrid-path')!;
    const ended = trajectory([0, 4, 5], [1, 2], [1, 2], { terminated: true });
    grid!.update(frameFor(MAP_4X4, undefined, { path: ended, agentState: 5 }));
    expect(opacity(layer())).toBe(1);
    await sleep(1050);
    expect(opacity(layer())).toBe(0);

    const underWay = trajectory([0, 4], [1], [1]);
    grid!.update(frameFor(MAP_4X4, undefined, { path: underWay, agentState: 4 }));
    expect(opacity(layer())).toBe(1);
    await sleep(1050);
    expect(opacity(layer())).toBe(1);
  });

  test('the last step of an episode, with its "slipped!" bubble, fades; a step mid-episode stays', async () => {
    const host = mount();
    const marks = () => host.querySelector('g.qgrid-step')!;
    const slipIntoHole = {
      from: 14,
      to: 13,
      intended: 2,
      actual: 0,
      explored: false,
      outcome: null,
    } as const;
    grid!.update(frameFor(MAP_4X4, undefined, { step: { ...slipIntoHole, outcome: 'hole' } }));
    expect(host.querySelector('.qgrid-step-label text')!.textContent).toBe('slipped!');
    expect(opacity(marks())).toBe(1);
    await sleep(1050);
    expect(opacity(marks())).toBe(0);

    grid!.update(frameFor(MAP_4X4, undefined, { step: slipIntoHole }));
    expect(opacity(marks())).toBe(1);
    await sleep(1050);
    expect(opacity(marks())).toBe(1);
  });
});
