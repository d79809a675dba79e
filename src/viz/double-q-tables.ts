/**
 * Double Q-learning's two tables side by side: each a mini grid of its state values
 * Vᵢ(s) = max_a Qᵢ(s, a) on one shared colour domain, with its greedy ticks, captioned with its
 * bias against the optimum and its maximisation bias (`rl/table-bias.ts` computes both). Built
 * once; `update` rewrites the grids and the captions' numbers.
 */
import { select } from 'd3-selection';
import type { TableBias } from '../rl/table-bias';
import { formatSigned } from './format';
import { appendGridFigure } from './grid-figure';
import { createMiniGrid, type MiniGrid } from './mini-grid';
import type { Palette } from './scales';

/** One table as the figure draws it. */
export interface DoubleQTableData {
  /** Vᵢ(s) = max_a Qᵢ(s, a). */
  v: ArrayLike<number>;
  /** Bit a set when a is greedy in Qᵢ at s. */
  greedyMask: ArrayLike<number>;
  bias: TableBias;
}

/** What the pair of grids shows. */
export interface DoubleQTablesData {
  desc: readonly string[];
  /** Q₁ then Q₂. */
  tables: readonly [DoubleQTableData, DoubleQTableData];
  /** The colour domain both grids share, e.g. [0, max V*]. */
  domain: readonly [number, number];
  /** The value bias of their mean (Q₁ + Q₂)/2, the Q the agent acts on. */
  meanBias: number;
  /** The states the biases average over. */
  states: number;
}

/** The mounted pair. */
export interface DoubleQTables {
  update(data: DoubleQTablesData): void;
  destroy(): void;
}

const NAMES = ['Q₁', 'Q₂'] as const;

/** A bias with 3 decimals and its sign, + included, so an overestimate reads as one: +0.012. */
export function formatBias(x: number): string {
  const text = formatSigned(x, 3);
  return x > 0 && text !== '0.000' ? `+${text}` : text;
}

/** A table's caption: "Q₁: bias +0.012 against V*, maximisation bias +0.031". */
export function tableCaption(name: string, bias: TableBias): string {
  return `${name}: bias ${formatBias(bias.value)} against V*, maximisation bias ${formatBias(bias.maximisation)}`;
}

/** Mounts the two grids in `host`. */
export function createDoubleQTables(
  host: HTMLElement,
  palette: Palette = 'default',
): DoubleQTables {
  const root = select(host).append('div').attr('class', 'double-q-tables');
  const parts = NAMES.map((name) => {
    const {
      figure,
      caption,
      host: gridHost,
    } = appendGridFigure(root, {
      figure: 'double-q-table',
      caption: 'double-q-caption',
      host: 'double-q-grid',
    });
    const grid: MiniGrid = createMiniGrid(
      gridHost.node()!,
      `${name}: state values max over a of ${name}(s, a), greedy actions ticked`,
      palette,
    );
    return { figure, caption, grid };
  });
  const mean = root.append('p').attr('class', 'double-q-mean');
  return {
    update(data) {
      data.tables.forEach((table, i) => {
        const part = parts[i]!;
        part.grid.update({
          desc: data.desc,
          v: table.v,
          greedyMask: table.greedyMask,
          path: null,
          domain: data.domain,
        });
        part.caption.text(tableCaption(NAMES[i]!, table.bias));
      });
      mean.text(
        `Their mean, the Q the agent acts on: bias ${formatBias(data.meanBias)} against V*, averaged over the ${data.states} states it can reach.`,
      );
    },
    destroy() {
      for (const part of parts) part.grid.destroy();
      root.remove();
    },
  };
}
