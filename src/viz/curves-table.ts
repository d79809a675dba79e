/**
 * The curves' visually hidden table for assistive technology: up to `TABLE_ROWS` display bins
 * evenly spread over the run, the last included.
 */
import type { Selection } from 'd3-selection';
import type { EpisodeBucket as CurveBucket } from '../shared/history/types';
import { binName } from './curves-bins';
import { visuallyHidden } from './curves-dom';
import { f1, f2, f3, show } from './curves-format';
import type { SeriesKey } from './learning-curves-types';

/** Rows of the visually hidden table. */
const TABLE_ROWS = 8;

/** The hidden table, mounted once. */
export interface CurvesTable {
  /** Fills the rows from `bins`, reading the sampled series with `valueOf(series, episodeCount)`. */
  draw(bins: readonly CurveBucket[], valueOf: (key: SeriesKey, at: number) => number): void;
}

/** Appends the table to `root` (hidden visually, kept for screen readers). */
export function createCurvesTable(
  root: Selection<HTMLDivElement, unknown, null, undefined>,
): CurvesTable {
  const table = visuallyHidden(root.append('table')).attr('class', 'curves-table');
  table.append('caption').text('Learning curves at evenly spaced points of the run');
  const columns = [
    'Episodes',
    'Success rate, moving',
    'Success probability of the greedy policy',
    'Mean episode length, steps',
    'ε',
  ];
  table
    .append('thead')
    .append('tr')
    .selectAll('th')
    .data(columns)
    .join('th')
    .attr('scope', 'col')
    .text((c) => c);
  const rows = table
    .append('tbody')
    .selectAll('tr')
    .data(Array.from({ length: TABLE_ROWS }, (_, i) => i))
    .join('tr')
    .attr('hidden', '');
  const cells = rows
    .selectAll('td')
    .data((row) => columns.map((_, col) => ({ row, col })))
    .join('td');

  return {
    draw(bins, valueOf) {
      const n = bins.length;
      const m = Math.min(TABLE_ROWS, n);
      // Row i shows bin round(i·(n−1)/(m−1)): the first and the last bin, evenly between.
      const picks = [
        ...new Set(
          Array.from({ length: m }, (_, i) => Math.round((i * (n - 1)) / Math.max(1, m - 1))),
        ),
      ];
      rows.attr('hidden', (i) => (i < picks.length ? null : ''));
      cells.text(({ row, col }) => {
        const b = bins[picks[row] ?? -1];
        if (!b) return '';
        if (col === 0) return binName(b);
        if (col === 1) return show(f2, valueOf('moving', b.end));
        if (col === 2) return show(f3, valueOf('greedy', b.end));
        if (col === 3) return show(f1, b.meanLength);
        return show(f3, valueOf('epsilon', b.end));
      });
    },
  };
}
