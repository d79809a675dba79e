/**
 * The optimal values beside the learner: two small grids and two numbers.
 *
 *   V* grid     each frozen cell filled by V*(s) = max_a Q*(s, a) (value iteration), with a tick
 *               for the optimal action (none where several tie within 1e-9); the tooltip lists
 *               Q*(s, ·) and the optimal actions
 *   Gap grid    each cell filled by max_a |Q(s, a) − Q*(s, a)| (white: learned, purple: far), the
 *               tooltip lists the gap per action
 *   Numbers     V*(start), and the max gap ‖Q − Q*‖_∞ with the state that holds it
 *   Table       |Q(s, a) − Q*(s, a)| per frozen state and action, and its max per state, in a
 *               collapsed <details> (the grids' tooltips do not reach a screen reader)
 *
 * The gap's colour domain is [0, max(‖Q* − 0‖_∞, max gap)]: the gap of Q = 0, so the colours fade
 * as the learner closes in and the same colour means the same gap all run long.
 * Built once; `update` changes fills, titles and text. Plain data in: no React, no store.
 */
import { select } from 'd3-selection';
import { ACTION_NAMES } from '../rl/env-basics';
import { optimalActionSets } from '../rl/evaluation';
import { qGap } from '../rl/optimal-gap';
import { appendGridFigure } from './grid-figure';
import { createMiniGrid } from './mini-grid';
import { extentWithZero, gapScale, type Palette } from './scales';
import { formatFixed, formatValue } from './format';
import { appendTermList } from './term-list';

/** What the overlay shows. */
export interface OptimalOverlayData {
  desc: readonly string[];
  start: number;
  /** Q*(s, a), flat, and V*(s). */
  qStar: ArrayLike<number>;
  vStar: ArrayLike<number>;
  gamma: number;
  /** The learner's current Q (null before the first snapshot: Q = 0). */
  q: ArrayLike<number> | null;
}

/** A mounted overlay. */
export interface OptimalOverlay {
  readonly element: HTMLElement;
  update(data: OptimalOverlayData): void;
  destroy(): void;
}

/** The gap table's columns: the state, one per action, and the max over actions. */
export const GAP_COLUMNS: readonly string[] = ['State', ...ACTION_NAMES, 'Max'];

function cellName(s: number, ncol: number): string {
  return `State ${s} (row ${Math.floor(s / ncol) + 1}, column ${(s % ncol) + 1})`;
}

function perAction(values: ArrayLike<number>, s: number): string {
  return ACTION_NAMES.map((name, a) => `${name} ${formatValue(values[s * 4 + a]!)}`).join(', ');
}

/** Mounts the overlay in `host`. */
export function createOptimalOverlay(
  host: HTMLElement,
  palette: Palette = 'default',
): OptimalOverlay {
  const root = select(host).append('div').attr('class', 'optimal-overlay');
  const grids = root.append('div').attr('class', 'optimal-grids');
  const figure = (caption: string) => {
    const f = appendGridFigure(grids, { host: 'optimal-grid' });
    f.caption.text(caption);
    return f.host.node()!;
  };
  const vStarGrid = createMiniGrid(
    figure('V*(s) and the optimal actions'),
    'V* and optimal actions',
    palette,
  );
  const gapGrid = createMiniGrid(
    figure('Gap max_a |Q(s, a) − Q*(s, a)|'),
    'Gap between Q and Q* per cell',
    palette,
  );
  const row = appendTermList(root, 'optimal-numbers');
  const vStartText = row('v-star-start', 'V*(start)');
  const maxGapText = row('max-gap', 'Max gap ‖Q − Q*‖∞');
  const details = root.append('details').attr('class', 'optimal-gap-details');
  details.append('summary').text('Gap per state and action (table)');
  const table = details.append('table').attr('class', 'qtable optimal-gap-table');
  table.append('caption').attr('class', 'qtable-caption').text('|Q(s, a) − Q*(s, a)|');
  table
    .append('thead')
    .append('tr')
    .selectAll('th')
    .data(GAP_COLUMNS)
    .join('th')
    .attr('scope', 'col')
    .text((c) => c);
  const body = table.append('tbody');

  return {
    element: root.node()!,
    update(d) {
      const ncol = d.desc[0]!.length;
      const nS = d.vStar.length;
      const sets = optimalActionSets(d.qStar, 4);
      const masks = sets.map((set) => set.reduce((m, a) => m | (1 << a), 0));
      const tiles = d.desc.join('');
      const frozen = (s: number) => tiles[s] !== 'H' && tiles[s] !== 'G';
      vStarGrid.update({
        desc: d.desc,
        v: d.vStar,
        greedyMask: masks,
        path: null,
        domain: extentWithZero(d.vStar),
        titles: Array.from({ length: nS }, (_, s) =>
          frozen(s)
            ? `${cellName(s, ncol)}: V* ${formatValue(d.vStar[s]!)}; Q*: ${perAction(d.qStar, s)}; ` +
              `optimal: ${sets[s]!.map((a) => ACTION_NAMES[a]).join(' or ')}`
            : `${cellName(s, ncol)}: ${tiles[s] === 'G' ? 'the goal' : 'a hole'}, V* 0`,
        ),
      });

      const q = d.q ?? new Float64Array(d.qStar.length);
      const gap = qGap(q, d.qStar);
      // The gap of Q = 0 is ‖Q*‖_∞: the colour scale spans it from the start.
      const initial = qGap(new Float64Array(d.qStar.length), d.qStar).max;
      gapGrid.update({
        desc: d.desc,
        v: gap.states,
        greedyMask: new Uint8Array(nS),
        path: null,
        domain: [0, Math.max(initial, gap.max)],
        fill: gapScale([0, Math.max(initial, gap.max)], palette),
        titles: Array.from({ length: nS }, (_, s) =>
          frozen(s)
            ? `${cellName(s, ncol)}: max gap ${formatValue(gap.states[s]!)}; ` +
              `|Q − Q*|: ${perAction(gap.pairs, s)}`
            : `${cellName(s, ncol)}: ${tiles[s] === 'G' ? 'the goal' : 'a hole'}, no gap`,
        ),
      });

      const frozenStates = Array.from({ length: nS }, (_, s) => s).filter(frozen);
      body
        .selectAll<HTMLTableRowElement, number>('tr')
        .data(frozenStates, (s) => s)
        .join((enter) => {
          const tr = enter.append('tr');
          tr.append('th').attr('scope', 'row');
          for (let k = 0; k < ACTION_NAMES.length + 1; k++) tr.append('td');
          return tr;
        })
        .each(function (s) {
          const tr = select(this);
          tr.select('th').text(s);
          tr.selectAll<HTMLTableCellElement, unknown>('td').text((_, k) =>
            formatValue(k < ACTION_NAMES.length ? gap.pairs[s * 4 + k]! : gap.states[s]!),
          );
        });

      vStartText.text(`${formatFixed(d.vStar[d.start]!, 4)} (γ ${d.gamma})`);
      maxGapText
        .attr('data-value', gap.max)
        .attr('title', cellName(gap.maxState, ncol))
        .text(`${formatFixed(gap.max, 4)} at state ${gap.maxState}`);
    },
    destroy() {
      vStarGrid.destroy();
      gapGrid.destroy();
      root.remove();
    },
  };
}
