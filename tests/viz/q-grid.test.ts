// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { generateRandomMap } from '../../src/rl/maps';
import { CELL_SIZE } from '../../src/viz/geometry';
import type { GridView } from '../../src/shared/grid-view';
import { loadMotion } from '../../src/viz/motion';
import { createQGrid, type QGrid } from '../../src/viz/q-grid';
import {
  DARK_TEXT,
  LIGHT_TEXT,
  divergingInterpolator,
  qScale,
  sequentialInterpolator,
  valueScale,
} from '../../src/viz/scales';
import {
  MAP_4X4,
  MAP_8X8,
  badValues,
  cell,
  cells,
  frameFor,
  makeHost,
  overlay,
  rightDominatesAtStart,
  shown,
  sleep,
  trajectory,
  translation,
  visibleArrows,
} from './fixtures';

// The page loads d3-transition right after the first draw; the animation tests need it loaded.
beforeAll(() => loadMotion());

/** jsdom is slow to build the ~15,000 nodes of a 32x32 board; a browser takes a fraction of this. */
const BIG_MAP_TIMEOUT_MS = 30_000;

let grid: QGrid | null = null;
afterEach(() => {
  grid?.destroy();
  grid = null;
  document.body.replaceChildren();
});

function mount(view?: GridView) {
  const host = makeHost();
  grid = createQGrid(host, view ? { view } : {});
  return { host, grid };
}

/** Centre of state s in board coordinates, as the agent's translate() writes it. */
function centre(ncol: number, s: number) {
  return { x: (s % ncol) * CELL_SIZE + 50, y: Math.floor(s / ncol) * CELL_SIZE + 50 };
}

describe('cells', () => {
  test('the 4x4 map draws 16 cells with data-state 0..15 and its 4 holes', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    const all = cells(host);
    expect(all.map((g) => g.getAttribute('data-state'))).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i)),
    );
    const tiles = all.map((g) => g.getAttribute('data-tile')).join('');
    expect(tiles).toBe(MAP_4X4.join(''));
    expect(host.querySelectorAll('g.qgrid-cell[data-tile="H"]')).toHaveLength(4);
    expect(host.querySelectorAll('g.qgrid-cell[data-tile="S"]')).toHaveLength(1);
    expect(host.querySelectorAll('g.qgrid-cell[data-tile="G"]')).toHaveLength(1);
  });

  test('the 8x8 map draws 64 cells and its 10 holes', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_8X8));
    expect(cells(host)).toHaveLength(64);
    expect(host.querySelectorAll('g.qgrid-cell[data-tile="H"]')).toHaveLength(10);
    expect(host.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 820 820');
  });

  test(
    'any map size from 1x1 to 32x32 draws one cell per state and no NaN',
    () => {
      for (const desc of [
        ['S'],
        ['SG'],
        ['S', 'G'],
        generateRandomMap(32, 0.8, 7),
        ['SFH', 'FFG'],
      ]) {
        const { host, grid } = mount();
        grid.update(frameFor(desc));
        expect(cells(host)).toHaveLength(desc.length * desc[0]!.length);
        expect(badValues(host)).toEqual([]);
      }
    },
    BIG_MAP_TIMEOUT_MS,
  );

  test('cells are placed row by row: state s at (s mod ncol, ⌊s / ncol⌋)', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    expect(translation(cell(host, 6).getAttribute('transform'))).toMatchObject({ x: 200, y: 100 });
  });

  test('the board is an image with a summary, and every cell has a title', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Ice Maze 4 by 4, view: state values V');
    expect(svg.getAttribute('viewBox')).toBe('0 0 420 420');
    expect(cell(host, 5).querySelector('title')!.textContent).toBe(
      'State 5 (row 2, column 2), hole. V = 0.00, the episode ends here.',
    );
    expect(cell(host, 0).querySelector('title')!.textContent).toBe(
      'State 0 (row 1, column 1), start. V = 0.00. Greedy: Left, Down, Right, Up (tie).',
    );
    for (const g of cells(host))
      expect(g.querySelector('title')!.textContent).toMatch(/^State \d+/);
  });

  test('hole, goal and start tiles carry their art and letters', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    expect(cell(host, 5).querySelector('.qgrid-hole-art')).not.toBeNull();
    expect(cell(host, 15).querySelector('.qgrid-goal-art')).not.toBeNull();
    expect(overlay(host, 0).querySelector('.qgrid-badge text')!.textContent).toBe('S');
    expect(overlay(host, 5).querySelector('.qgrid-badge text')!.textContent).toBe('H');
    expect(overlay(host, 1).querySelector('.qgrid-badge')).toBeNull();
  });
});

describe('view V', () => {
  test('all-zero Q: every live cell has the t = 0 colour and prints 0.00, no NaN anywhere', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    const ice = sequentialInterpolator('default')(0);
    for (const s of [0, 1, 2, 3, 4, 6, 8, 9, 10, 13, 14]) {
      const g = cell(host, s);
      expect(g.querySelector('rect.qgrid-value-fill')!.getAttribute('fill')).toBe(ice);
      const label = overlay(host, s).querySelector('text.qgrid-value-label')!;
      expect(shown(label, host)).toBe(true);
      expect(label.textContent).toBe('0.00');
    }
    expect(badValues(host)).toEqual([]);
  });

  test('values colour and print V(s); terminal cells show no value', () => {
    const q = rightDominatesAtStart();
    const { host, grid } = mount();
    const frame = frameFor(MAP_4X4, q);
    grid.update(frame);
    const scale = valueScale(frame.v);
    expect(cell(host, 0).querySelector('rect.qgrid-value-fill')!.getAttribute('fill')).toBe(
      scale(0.5),
    );
    expect(overlay(host, 0).querySelector('text.qgrid-value-label')!.textContent).toBe('0.50');
    expect(shown(overlay(host, 5).querySelector('text.qgrid-value-label')!, host)).toBe(false);
    expect(shown(cell(host, 15).querySelector('rect.qgrid-value-fill')!, host)).toBe(false);
  });

  test('value text contrasts with its fill', () => {
    const q = rightDominatesAtStart();
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, q));
    // The top of the ramp is dark ember (white text); the bottom is ice (dark text).
    expect(overlay(host, 0).querySelector('text.qgrid-value-label')!.getAttribute('fill')).toBe(
      LIGHT_TEXT,
    );
    expect(overlay(host, 1).querySelector('text.qgrid-value-label')!.getAttribute('fill')).toBe(
      DARK_TEXT,
    );
  });

  test(
    'a 32x32 map hides the values (too small to read)',
    () => {
      const { host, grid } = mount();
      grid.update(frameFor(generateRandomMap(32, 0.9, 3)));
      const labels = Array.from(host.querySelectorAll('text.qgrid-value-label'));
      expect(labels.some((t) => shown(t, host))).toBe(false);
    },
    BIG_MAP_TIMEOUT_MS,
  );
});

describe('greedy arrows', () => {
  test('all-zero Q draws 4 tie arrows on every non-terminal cell and none on H or G', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    for (const g of cells(host)) {
      const s = Number(g.getAttribute('data-state'));
      const arrows = visibleArrows(host, s);
      if ('HG'.includes(g.getAttribute('data-tile')!)) expect(arrows).toHaveLength(0);
      else {
        expect(arrows).toHaveLength(4);
        for (const a of arrows) {
          expect(a.getAttribute('data-greedy')).toBe('tie');
          expect(Number(a.getAttribute('opacity'))).toBeLessThan(1);
        }
      }
    }
    expect(badValues(host)).toEqual([]);
  });

  test('when Right dominates in state 0 one bold arrow points Right there', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart()));
    const arrows = visibleArrows(host, 0);
    expect(arrows).toHaveLength(1);
    expect(arrows[0]!.getAttribute('data-action')).toBe('2');
    expect(arrows[0]!.getAttribute('data-greedy')).toBe('best');
    expect(arrows[0]!.getAttribute('opacity')).toBe('1');
    // The arrow's tip is right of the centre: its largest x is beyond 50.
    const xs = (arrows[0]!.getAttribute('d')!.match(/-?\d+(\.\d+)?(?=,)/g) ?? []).map(Number);
    expect(Math.max(...xs)).toBeGreaterThan(90);
    // Other cells still tie.
    expect(visibleArrows(host, 1)).toHaveLength(4);
  });

  test('a two-way tie draws two thin arrows', () => {
    const q = new Float64Array(64);
    q[4 * 4 + 1] = 0.2;
    q[4 * 4 + 2] = 0.2;
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, q));
    const arrows = visibleArrows(host, 4);
    expect(arrows.map((a) => a.getAttribute('data-action'))).toEqual(['1', '2']);
    expect(arrows.every((a) => a.getAttribute('data-greedy') === 'tie')).toBe(true);
  });
});

describe('views Q and A', () => {
  test("setView('q') shows 4 triangles per cell filled by Q, with values printed", () => {
    const { host, grid } = mount();
    const frame = frameFor(MAP_4X4, rightDominatesAtStart());
    grid.update(frame);
    grid.setView('q');
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('Ice Maze 4 by 4, view: action values Q');
    // Four triangles in every cell where an action is taken; holes and the goal keep their art.
    for (const g of cells(host))
      expect(g.querySelectorAll('polygon.qgrid-tri')).toHaveLength(
        'HG'.includes(g.getAttribute('data-tile')!) ? 0 : 4,
      );
    const tris = Array.from(cell(host, 0).querySelectorAll('polygon.qgrid-tri'));
    expect(tris.every((t) => shown(t, host))).toBe(true);
    const scale = qScale(frame.q);
    expect(tris.map((t) => t.getAttribute('fill'))).toEqual([0, 0, 0.5, 0].map((x) => scale(x)));
    const labels = Array.from(overlay(host, 0).querySelectorAll('text.qgrid-tri-label'));
    expect(labels.map((t) => t.textContent)).toEqual(['0.00', '0.00', '0.50', '0.00']);
    expect(labels.every((t) => shown(t, host))).toBe(true);
    expect(shown(cell(host, 0).querySelector('rect.qgrid-value-fill')!, host)).toBe(false);
    expect(badValues(host)).toEqual([]);
  });

  test("setView('a') colours the greedy action neutral (A = 0) and the rest by how much worse", () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart()));
    grid.setView('a');
    const fills = Array.from(cell(host, 0).querySelectorAll('polygon.qgrid-tri')).map((t) =>
      t.getAttribute('fill'),
    );
    const ramp = divergingInterpolator('default');
    // A(0, ·) = [−0.5, −0.5, 0, −0.5]: the domain is [−0.5, 0].
    expect(fills).toEqual([ramp(0), ramp(0), ramp(0.5), ramp(0)]);
    const labels = Array.from(overlay(host, 0).querySelectorAll('text.qgrid-tri-label'));
    expect(labels.map((t) => t.textContent)).toEqual(['−0.50', '−0.50', '0.00', '−0.50']);
    expect(grid.legendSpec()).toMatchObject({
      kind: 'diverging',
      domain: [-0.5, 0],
      label: 'A(s,a) = Q(s,a) − V(s)',
    });
  });

  test('all-zero A is neutral everywhere', () => {
    const { host, grid } = mount('a');
    grid.update(frameFor(MAP_4X4));
    const neutral = divergingInterpolator('default')(0.5);
    for (const t of Array.from(cell(host, 1).querySelectorAll('polygon.qgrid-tri')))
      expect(t.getAttribute('fill')).toBe(neutral);
    expect(badValues(host)).toEqual([]);
  });

  test(
    'a 32x32 map in the Q view hides the action values',
    () => {
      const { host, grid } = mount('q');
      grid.update(frameFor(generateRandomMap(32, 0.9, 5)));
      const labels = Array.from(host.querySelectorAll('text.qgrid-tri-label'));
      expect(labels.some((t) => shown(t, host))).toBe(false);
      expect(badValues(host)).toEqual([]);
    },
    BIG_MAP_TIMEOUT_MS,
  );

  test('the colour-blind palette repaints with viridis', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    grid.setPalette('colorblind');
    expect(cell(host, 0).querySelector('rect.qgrid-value-fill')!.getAttribute('fill')).toBe(
      sequentialInterpolator('colorblind')(0),
    );
    expect(grid.legendSpec()).toMatchObject({ palette: 'colorblind', kind: 'sequential' });
  });

  test('pinned domains override the data range', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart(), { domains: { v: [0, 1] } }));
    expect(cell(host, 0).querySelector('rect.qgrid-value-fill')!.getAttribute('fill')).toBe(
      sequentialInterpolator('default')(0.5),
    );
    expect(grid.legendSpec()!.domain).toEqual([0, 1]);
  });
});

describe('lifecycle', () => {
  test('a second update keeps the same cell nodes', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    const before = cells(host);
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart()));
    const after = cells(host);
    expect(after).toHaveLength(16);
    after.forEach((g, i) => expect(g).toBe(before[i]));
  });

  test('once every view has been shown, updates and view switches create no nodes at all', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    grid.setView('q');
    grid.setView('v');
    const before = Array.from(host.querySelectorAll('*'));
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart()));
    grid.setView('a');
    grid.update(frameFor(MAP_4X4));
    grid.setView('q');
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart()));
    grid.setView('v');
    const after = Array.from(host.querySelectorAll('*'));
    expect(after).toHaveLength(before.length);
    after.forEach((el, i) => expect(el).toBe(before[i]));
  });

  test('a new map replaces the cells, and switching back works', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    grid.update(frameFor(MAP_8X8));
    expect(cells(host)).toHaveLength(64);
    grid.update(frameFor(MAP_4X4));
    expect(cells(host)).toHaveLength(16);
    expect(host.querySelector('svg')!.getAttribute('aria-label')).toContain('4 by 4');
  });

  test('destroy() empties the host and later calls do nothing', () => {
    const { host, grid: g } = mount();
    g.update(frameFor(MAP_4X4));
    g.destroy();
    expect(host.childNodes).toHaveLength(0);
    expect(() => g.update(frameFor(MAP_4X4))).not.toThrow();
    expect(host.childNodes).toHaveLength(0);
    grid = null;
  });

  test('legendSpec is null before the first frame, then follows the view', () => {
    const { grid } = mount();
    expect(grid.legendSpec()).toBeNull();
    grid.update(frameFor(MAP_4X4));
    expect(grid.legendSpec()).toEqual({
      kind: 'sequential',
      domain: [0, 0],
      label: 'V(s) = max_a Q(s,a)',
      palette: 'default',
    });
    grid.setView('q');
    expect(grid.legendSpec()!.label).toBe('Q(s,a)');
  });

  test('resize hides labels on a small board and shows them again on a big one', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    const label = () => overlay(host, 0).querySelector('text.qgrid-value-label')!;
    grid.resize({ width: 120, height: 120 });
    expect(shown(label(), host)).toBe(false);
    grid.resize({ width: 800, height: 800 });
    expect(shown(label(), host)).toBe(true);
  });
});

describe('incremental drawing', () => {
  /** Q with V(14) = 0.8 the largest value, so small changes elsewhere keep every colour domain. */
  function learned(): Float64Array {
    const q = new Float64Array(64);
    q[14 * 4 + 2] = 0.8;
    q[0 * 4 + 2] = 0.1;
    q[4 * 4 + 1] = 0.2;
    return q;
  }

  /** Elements under the cell and overlay layers whose attributes or text changed. */
  function touched(records: MutationRecord[]): Set<string> {
    const states = new Set<string>();
    for (const r of records) {
      const el = r.target instanceof Element ? r.target : r.target.parentElement;
      const g = el?.closest('g.qgrid-cell, g.qgrid-cell-overlay');
      if (g) states.add((g.getAttribute('data-state') ?? g.getAttribute('data-overlay-state'))!);
    }
    return states;
  }

  test.each(['v', 'q', 'a', 'n', 'td'] as const)(
    'view %s: an unchanged frame touches no cell, a change in one state touches only that state',
    (view) => {
      const { host, grid } = mount(view);
      grid.update(frameFor(MAP_4X4, learned()));
      const watch = new MutationObserver(() => {});
      watch.observe(host, {
        subtree: true,
        attributes: true,
        characterData: true,
        childList: true,
      });
      grid.update(frameFor(MAP_4X4, learned()));
      expect(touched(watch.takeRecords())).toEqual(new Set());

      const q = learned();
      q[4 * 4 + 1] = 0.3;
      q[4 * 4 + 2] = 0.05;
      grid.update(frameFor(MAP_4X4, q));
      expect(touched(watch.takeRecords())).toEqual(new Set(['4']));
      watch.disconnect();
    },
  );

  test.each(['v', 'q', 'a'] as const)(
    'view %s: a change no colour or printed number shows touches no cell',
    (view) => {
      const { host, grid } = mount(view);
      grid.update(frameFor(MAP_4X4, learned()));
      const watch = new MutationObserver(() => {});
      watch.observe(host, {
        subtree: true,
        attributes: true,
        characterData: true,
        childList: true,
      });
      // Q(4, Down) from 0.2 to 0.2000001: the same two decimals, the same colour, the same arrow.
      const q = learned();
      q[4 * 4 + 1] = 0.2000001;
      grid.update(frameFor(MAP_4X4, q));
      expect(touched(watch.takeRecords())).toEqual(new Set());
      watch.disconnect();
    },
  );

  test('only a cell whose greedy set changed has its arrows redrawn', () => {
    const { host, grid } = mount('v');
    grid.update(frameFor(MAP_4X4, learned()));
    const arrows = (s: number) =>
      host.querySelector(`g.qgrid-cell-overlay[data-overlay-state="${s}"] g.qgrid-arrows`)!;
    const watch = new MutationObserver(() => {});
    watch.observe(host, { subtree: true, attributes: true });
    // State 0's value changes (its label and colour) but Right stays its only greedy action.
    const q = learned();
    q[0 * 4 + 2] = 0.15;
    grid.update(frameFor(MAP_4X4, q));
    let records = watch.takeRecords();
    expect(touched(records)).toEqual(new Set(['0']));
    expect(records.some((r) => arrows(0).contains(r.target))).toBe(false);
    // Now Up ties with Right at state 0: its arrows are redrawn, the tie shown.
    q[0 * 4 + 3] = 0.15;
    grid.update(frameFor(MAP_4X4, q));
    records = watch.takeRecords();
    expect(records.some((r) => arrows(0).contains(r.target))).toBe(true);
    expect(arrows(0).querySelectorAll('[data-greedy="tie"]')).toHaveLength(2);
    watch.disconnect();
  });

  test('the changed cell shows its new values', () => {
    const { host, grid } = mount('q');
    grid.update(frameFor(MAP_4X4, learned()));
    const q = learned();
    q[4 * 4 + 1] = 0.3;
    const frame = frameFor(MAP_4X4, q);
    grid.update(frame);
    const scale = qScale(frame.q);
    const fills = Array.from(cell(host, 4).querySelectorAll('polygon.qgrid-tri')).map((t) =>
      t.getAttribute('fill'),
    );
    expect(fills).toEqual([0, 0.3, 0, 0].map((x) => scale(x)));
    expect(
      overlay(host, 4).querySelector('text.qgrid-tri-label[data-action="1"]')!.textContent,
    ).toBe('0.30');
  });

  test('a change of the colour domain redraws every cell', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, learned()));
    const q = learned();
    q[14 * 4 + 2] = 0.4; // the maximum falls: every colour moves
    const frame = frameFor(MAP_4X4, q);
    grid.update(frame);
    const scale = valueScale(frame.v);
    expect(cell(host, 0).querySelector('rect.qgrid-value-fill')!.getAttribute('fill')).toBe(
      scale(0.1),
    );
    expect(cell(host, 0).querySelector('rect.qgrid-value-fill')!.getAttribute('fill')).toBe(
      sequentialInterpolator('default')(0.25),
    );
  });
});

describe('layers', () => {
  test('numbers and arrows are drawn above the path, the agent above everything', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, undefined, { path: trajectory([0, 1], [2], [2]) }));
    const order = Array.from(host.querySelectorAll('g.qgrid-board > *')).map((e) =>
      e.getAttribute('class'),
    );
    expect(order.indexOf('qgrid-overlays')).toBeGreaterThan(order.indexOf('qgrid-path'));
    expect(order.indexOf('qgrid-path')).toBeGreaterThan(order.indexOf('qgrid-cells'));
    expect(order[order.length - 1]).toBe('qgrid-agent');
  });

  test('numbers carry a halo in the colour under them, so a path beneath cannot hide them', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart()));
    const label = overlay(host, 0).querySelector('text.qgrid-value-label')!;
    const fill = cell(host, 0).querySelector('rect.qgrid-value-fill')!.getAttribute('fill');
    expect(label.getAttribute('stroke')).toBe(fill);
    expect(label.getAttribute('paint-order')).toBe('stroke');
  });

  test('only the cells take pointer events (their titles show on hover)', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    for (const cls of [
      'qgrid-path',
      'qgrid-overlays',
      'qgrid-step',
      'qgrid-effects',
      'qgrid-agent',
    ])
      expect(host.querySelector(`g.${cls}`)!.getAttribute('pointer-events')).toBe('none');
  });
});

describe('agent and step', () => {
  const agentNode = (host: Element) => host.querySelector<SVGGElement>('g.qgrid-agent')!;

  test('without animation the agent jumps to agentState and no transition is scheduled', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, undefined, { agentState: 6 }));
    const agent = agentNode(host);
    expect(translation(agent.getAttribute('transform'))).toMatchObject(centre(4, 6));
    expect('__transition' in agent).toBe(false);
    expect(shown(agent, host)).toBe(true);
    expect(shown(host.querySelector('g.qgrid-step')!, host)).toBe(false);
  });

  test('agentState −1 hides the agent', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, undefined, { agentState: -1 }));
    expect(shown(agentNode(host), host)).toBe(false);
  });

  test('a step without animation lands on `to` and shows the intended move only', () => {
    const { host, grid } = mount();
    const step = { from: 0, to: 4, intended: 1, actual: 1, explored: false, outcome: null };
    grid.update(frameFor(MAP_4X4, undefined, { agentState: 4, step }));
    const agent = agentNode(host);
    expect(translation(agent.getAttribute('transform'))).toMatchObject(centre(4, 4));
    expect('__transition' in agent).toBe(false);
    expect(shown(host.querySelector('.qgrid-step-intended')!, host)).toBe(true);
    expect(shown(host.querySelector('.qgrid-step-actual')!, host)).toBe(false);
    expect(host.querySelector('g.qgrid-step')!.getAttribute('data-slipped')).toBe('false');
  });

  test('a slip shows the actual move and says "slipped!"', () => {
    const { host, grid } = mount();
    const step = { from: 0, to: 1, intended: 1, actual: 2, explored: true, outcome: null };
    grid.update(frameFor(MAP_4X4, undefined, { step }));
    expect(shown(host.querySelector('.qgrid-step-actual')!, host)).toBe(true);
    expect(host.querySelector('g.qgrid-step')!.getAttribute('data-slipped')).toBe('true');
    expect(host.querySelector('.qgrid-step-label text')!.textContent).toBe('random (ε) · slipped!');
    expect(badValues(host)).toEqual([]);
  });

  test('falling into a hole leaves the agent sunk (smaller, faded) on the hole', () => {
    const { host, grid } = mount();
    const step = {
      from: 1,
      to: 5,
      intended: 1,
      actual: 1,
      explored: false,
      outcome: 'hole' as const,
    };
    grid.update(frameFor(MAP_4X4, undefined, { step }));
    const t = translation(agentNode(host).getAttribute('transform'));
    expect(t).toMatchObject(centre(4, 5));
    expect(t.k).toBeLessThan(1);
    expect(Number(agentNode(host).getAttribute('opacity'))).toBeLessThan(1);
  });

  test('with animation the agent starts on `from` and ends on `to`', async () => {
    const { host, grid } = mount();
    const step = { from: 0, to: 1, intended: 2, actual: 2, explored: false, outcome: null };
    grid.update(frameFor(MAP_4X4, undefined, { step, animate: true, durationMs: 40 }));
    const agent = agentNode(host);
    expect(translation(agent.getAttribute('transform'))).toMatchObject(centre(4, 0));
    expect('__transition' in agent).toBe(true);
    await sleep(200);
    expect(translation(agent.getAttribute('transform'))).toMatchObject(centre(4, 1));
    expect('__transition' in agent).toBe(false);
  });

  test('a finished episode’s path fades, but a path held at full speed stays drawn', () => {
    const ended = trajectory([0, 4, 5], [1, 2], [1, 2], { terminated: true });
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4, undefined, { path: ended }));
    const layer = host.querySelector('g.qgrid-path')!;
    expect('__transition' in layer).toBe(true);

    const held = mount();
    held.grid.update(frameFor(MAP_4X4, undefined, { path: ended, held: true }));
    const heldLayer = held.host.querySelector('g.qgrid-path')!;
    expect('__transition' in heldLayer).toBe(false);
    expect(heldLayer.getAttribute('opacity')).toBe('1');
  });

  test('reaching the goal plays a burst that fades out', async () => {
    const { host, grid } = mount();
    const step = {
      from: 14,
      to: 15,
      intended: 2,
      actual: 2,
      explored: false,
      outcome: 'goal' as const,
    };
    grid.update(frameFor(MAP_4X4, undefined, { step, animate: true, durationMs: 20 }));
    const burst = host.querySelector('g.qgrid-burst')!;
    expect(shown(burst, host)).toBe(true);
    expect(translation(burst.getAttribute('transform'))).toMatchObject(centre(4, 15));
    await sleep(1200);
    expect(Number(burst.getAttribute('opacity'))).toBe(0);
    expect(translation(agentNode(host).getAttribute('transform'))).toMatchObject(centre(4, 15));
  });

  test('a hole plays a splash', () => {
    const { host, grid } = mount();
    const step = {
      from: 1,
      to: 5,
      intended: 1,
      actual: 1,
      explored: false,
      outcome: 'hole' as const,
    };
    grid.update(frameFor(MAP_4X4, undefined, { step, animate: true, durationMs: 30 }));
    const rings = Array.from(host.querySelectorAll('circle.qgrid-splash'));
    expect(rings).toHaveLength(3);
    expect(rings.every((r) => shown(r, host))).toBe(true);
    expect(rings[0]!.getAttribute('cx')).toBe('150');
  });

  test('a new update interrupts a running move', async () => {
    const { host, grid } = mount();
    const step = { from: 0, to: 1, intended: 2, actual: 2, explored: false, outcome: null };
    grid.update(frameFor(MAP_4X4, undefined, { step, animate: true, durationMs: 80 }));
    await sleep(20);
    grid.update(frameFor(MAP_4X4, undefined, { agentState: 8 }));
    const agent = agentNode(host);
    expect('__transition' in agent).toBe(false);
    expect(translation(agent.getAttribute('transform'))).toMatchObject(centre(4, 8));
    await sleep(150);
    expect(translation(agent.getAttribute('transform'))).toMatchObject(centre(4, 8));
    const splash = host.querySelector('g.qgrid-burst')!;
    expect(shown(splash, host)).toBe(false);
  });
});

describe('path', () => {
  test('no path, no trajectory layer', () => {
    const { host, grid } = mount();
    grid.update(frameFor(MAP_4X4));
    expect(shown(host.querySelector('g.qgrid-path')!, host)).toBe(false);
  });

  test('a running episode: polyline through every state, slipped steps dashed and dotted', () => {
    const { host, grid } = mount();
    // Down from 0 to 4; Down from 4 but slipped Left into the border (stays on 4); Down to 8.
    const path = trajectory([0, 4, 4, 8], [1, 1, 1], [1, 0, 1]);
    grid.update(frameFor(MAP_4X4, undefined, { path, agentState: 8 }));
    const layer = host.querySelector('g.qgrid-path')!;
    expect(shown(layer, host)).toBe(true);
    const all = layer.querySelector('.qgrid-path-halo')!.getAttribute('d')!;
    expect(all.match(/[ML]/g)).toHaveLength(4);
    const slipped = layer.querySelector('.qgrid-path-slipped')!.getAttribute('d')!;
    expect(slipped.match(/M/g)).toHaveLength(1);
    expect(
      layer.querySelector('.qgrid-path-slip-dots')!.getAttribute('d')!.match(/a/g),
    ).toHaveLength(2);
    // The loop on state 4 is visible: its two visits are at different points.
    const pts = all.match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!;
    expect(pts[1]).not.toBe(pts[2]);
    expect(layer.querySelector('.qgrid-path-end')!.getAttribute('data-outcome')).toBeNull();
    expect(badValues(host)).toEqual([]);
  });

  test('the same episode again is not redrawn; another one is', () => {
    const { host, grid } = mount();
    const path = trajectory([0, 4, 8], [1, 1], [1, 1]);
    grid.update(frameFor(MAP_4X4, undefined, { path, agentState: 8 }));
    const layer = host.querySelector('g.qgrid-path')!;
    const watch = new MutationObserver(() => {});
    watch.observe(layer, { subtree: true, attributes: true });
    // A new snapshot (new values) holding the same trajectory object: the path's nodes stay.
    grid.update(frameFor(MAP_4X4, rightDominatesAtStart(), { path, agentState: 8 }));
    expect(watch.takeRecords()).toEqual([]);
    grid.update(
      frameFor(MAP_4X4, undefined, { path: trajectory([0, 1], [2], [2]), agentState: 1 }),
    );
    expect(watch.takeRecords().map((r) => r.attributeName)).toContain('d');
    watch.disconnect();
  });

  test('the end is marked hole, goal or timeout', () => {
    const { host, grid } = mount();
    const end = () => host.querySelector('.qgrid-path-end')!;
    const visible = (cls: string) => shown(host.querySelector(cls)!, host);

    grid.update(
      frameFor(MAP_4X4, undefined, {
        path: trajectory([0, 1, 5], [2, 1], [2, 1], { terminated: true }),
      }),
    );
    expect(end().getAttribute('data-outcome')).toBe('hole');
    expect(visible('.qgrid-path-end-hole')).toBe(true);
    expect(visible('.qgrid-path-end-goal')).toBe(false);

    grid.update(
      frameFor(MAP_4X4, undefined, { path: trajectory([14, 15], [2], [2], { terminated: true }) }),
    );
    expect(end().getAttribute('data-outcome')).toBe('goal');
    expect(visible('.qgrid-path-end-goal')).toBe(true);

    grid.update(
      frameFor(MAP_4X4, undefined, { path: trajectory([0, 0], [0], [0], { truncated: true }) }),
    );
    expect(end().getAttribute('data-outcome')).toBe('timeout');
    expect(visible('.qgrid-path-end-timeout')).toBe(true);
    expect(translation(end().getAttribute('transform'))).not.toMatchObject(centre(4, 0));
  });

  test('a path from TrajectoryData-sized buffers reads only length + 1 states', () => {
    const { host, grid } = mount();
    const states = new Int32Array(101);
    states.set([0, 1, 2]);
    const path = { ...trajectory([0, 1, 2], [2, 2], [2, 2]), states };
    grid.update(frameFor(MAP_4X4, undefined, { path }));
    const all = host.querySelector('.qgrid-path-halo')!.getAttribute('d')!;
    expect(all.match(/[ML]/g)).toHaveLength(3);
  });
});
