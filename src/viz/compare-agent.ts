/**
 * One learner of a comparison: its name, a mini grid of V(s) = max_a Q(s, a) with the greedy
 * actions, and its numbers at the start state:
 *
 *   V(start)          max_a Q(start, a), what acting greedily from the start is worth to it
 *   ε-greedy value    Σ_a π_ε(a | start) · Q(start, a) = ε/4 · Σ_a Q(start, a) + (1 − ε) · V(start)
 *   greedy success    the exact probability that its greedy policy reaches the goal in time
 *
 * Built once; `update` changes the grid's fills and the numbers' text. Plain data in.
 */
import { select } from 'd3-selection';
import { appendGridFigure } from './grid-figure';
import { createMiniGrid, type MiniGrid } from './mini-grid';
import type { Palette } from './scales';
import { formatFixed, formatSigned, formatThousands } from './format';
import { appendTermList } from './term-list';

/** What the card shows. */
export interface CompareAgentData {
  /** The learner's name, e.g. "SARSA". */
  label: string;
  desc: readonly string[];
  v: ArrayLike<number>;
  greedyMask: ArrayLike<number>;
  /** Colour domain of V (shared by both cards so their colours compare). */
  domain: readonly [number, number];
  episode: number;
  epsilon: number;
  startValue: number;
  startBehaviourValue: number;
  successProbability: number;
  /** Success rate over the last `window` episodes (NaN before the first). */
  recentSuccessRate: number;
  window: number;
}

/** A mounted card. */
export interface CompareAgentCard {
  readonly element: HTMLElement;
  update(data: CompareAgentData): void;
  destroy(): void;
}

/** The rows of the card's list: term, and the value's text. */
export const AGENT_ROWS: readonly {
  key: string;
  term: string;
  value: (d: CompareAgentData) => string;
}[] = [
  { key: 'episode', term: 'Episodes', value: (d) => formatThousands(d.episode) },
  { key: 'epsilon', term: 'ε', value: (d) => formatFixed(d.epsilon, 3) },
  { key: 'start-value', term: 'V(start) = max_a Q', value: (d) => fixed(d.startValue) },
  {
    key: 'behaviour-value',
    term: 'ε-greedy value Σ π_ε·Q',
    value: (d) => fixed(d.startBehaviourValue),
  },
  {
    key: 'success-rate',
    term: 'Success rate (last episodes)',
    value: (d) =>
      Number.isNaN(d.recentSuccessRate) ? '—' : `${fixed(d.recentSuccessRate)} of ${d.window}`,
  },
  { key: 'greedy', term: 'Greedy policy succeeds', value: (d) => fixed(d.successProbability) },
];

/** A card's numbers: 3 decimals, true minus. */
const fixed = (x: number) => formatSigned(x, 3);

/** Mounts a card in `host`. */
export function createCompareAgentCard(
  host: HTMLElement,
  palette: Palette = 'default',
): CompareAgentCard {
  const card = appendGridFigure(select(host), {
    figure: 'compare-agent',
    caption: 'compare-agent-name',
    host: 'compare-agent-grid',
  });
  const root = card.figure;
  let grid: MiniGrid | null = null;
  let gridLabel = '';
  const addRow = appendTermList(root, 'compare-agent-numbers');
  const rows = AGENT_ROWS.map((row) => ({ row, dd: addRow(row.key, row.term) }));

  return {
    element: root.node()!,
    update(d) {
      card.caption.text(d.label);
      const label = `${d.label}: V(s) and greedy actions`;
      if (!grid || label !== gridLabel) {
        grid?.destroy();
        grid = createMiniGrid(card.host.node()!, label, palette);
        gridLabel = label;
      }
      grid.update({
        desc: d.desc,
        v: d.v,
        greedyMask: d.greedyMask,
        path: null,
        domain: d.domain,
      });
      for (const { row, dd } of rows) dd.text(row.value(d));
    },
    destroy() {
      grid?.destroy();
      root.remove();
    },
  };
}
