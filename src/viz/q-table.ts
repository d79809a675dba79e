/**
 * The Q-table and the advantage table as an accessible HTML <table>: one row per state, one
 * column per action (Gymnasium's order: Left 0, Down 1, Right 2, Up 3) and V(s) = max_a Q(s,a).
 *
 * The rows are built once per map with a keyed join (key: the state index); every `update` after
 * that only rewrites the text and classes of the cells whose numbers or marks changed, so a
 * 60 Hz snapshot stream costs a few text writes, not a rebuilt table.
 *
 * Greedy actions carry the class `qtable-greedy` and a visually hidden "(greedy)" after the
 * number; when several actions share the maximum (at initialisation all four do) each also has
 * `qtable-tied` and reads "(tied greedy)". Terminal states (H, G) are listed but greyed
 * (`qtable-terminal`) and never marked: no action is taken there.
 */
import { select } from 'd3-selection';
import { ACTION_NAMES } from '../rl/env-basics';
import { isTerminalTile, TILE_NAMES, tileLetter, type TileLetter } from './describe';
import { formatSigned } from './format';

/** Which numbers the action columns show: Q(s,a), or A(s,a) = Q(s,a) − V(s). */
export type QTableKind = 'q' | 'a';

/** Options of `createQTable`. */
export interface QTableOptions {
  kind: QTableKind;
  /** The table's caption (its accessible name), e.g. "Q(s,a) and V(s)". */
  caption: string;
}

/** What one update draws. All flat arrays are indexed like Q: entry (s, a) at s · 4 + a. */
export interface QTableData {
  /** Map rows; a different map rebuilds the rows. */
  desc: readonly string[];
  /** Q(s,a) for kind `'q'`, A(s,a) for kind `'a'`. */
  values: ArrayLike<number>;
  /** V(s) = max_a Q(s,a), one per state. */
  v: ArrayLike<number>;
  /** Bit a set when a is a greedy action of s (ties all set). */
  greedyMask: ArrayLike<number>;
  /** A state to highlight (the agent's), or none. */
  selectedState?: number;
}

/** A mounted table. */
export interface QTable {
  /** The <table> element. */
  readonly node: HTMLTableElement;
  update(data: QTableData): void;
  /** Removes the table from its host. */
  destroy(): void;
}

/** Column headers; the four action names sit between Tile and V(s). */
export const QTABLE_COLUMNS: readonly string[] = ['State', 'Tile', ...ACTION_NAMES, 'V(s)'];

/** Marks of an action cell: not greedy, the single greedy action, or one of several tied. */
type Mark = 0 | 1 | 2;
const NONE: Mark = 0;
const GREEDY: Mark = 1;
const TIED: Mark = 2;

/** The visually hidden words after a marked number (screen readers read them with the cell). */
const MARK_TEXT: readonly string[] = ['', ' (greedy)', ' (tied greedy)'];

const N_ACTIONS = 4;

/**
 * A number with 3 decimals and a true minus sign; −0 and values that round to zero read "0.000"
 * (A(s,a) is often −0 at the greedy action); "–" for a missing or non-finite value.
 */
export function formatQ(x: number | undefined): string {
  return formatSigned(x, 3);
}

/** Number of set bits among the four action bits. */
function popcount(mask: number): number {
  let n = 0;
  for (let m = mask & 15; m; m &= m - 1) n++;
  return n;
}

/** The mark of action a in a state with greedy mask `mask`. */
function markOf(mask: number, a: number): Mark {
  if (!(mask & (1 << a))) return NONE;
  return popcount(mask) > 1 ? TIED : GREEDY;
}

interface RowDatum {
  state: number;
  tile: TileLetter;
}

/** Mounts an empty table (caption and header only) into `host`; the first `update` adds the rows. */
export function createQTable(host: HTMLElement, options: QTableOptions): QTable {
  const table = select(host)
    .append('table')
    .attr('class', `qtable qtable-${options.kind}`)
    .attr('data-kind', options.kind);
  table.append('caption').attr('class', 'qtable-caption').text(options.caption);
  table
    .append('thead')
    .append('tr')
    .selectAll('th')
    .data(QTABLE_COLUMNS)
    .join('th')
    .attr('scope', 'col')
    .attr('class', (_, i) =>
      i >= 2 && i < 2 + N_ACTIONS ? 'qtable-col qtable-col-action' : 'qtable-col',
    )
    .text((d) => d);
  const tbody = table.append('tbody');

  let mapKey: string | null = null;
  let nS = 0;
  let terminal = new Uint8Array(0);
  // Direct references to the cells that change, filled when the rows are built.
  let rowNodes: HTMLTableRowElement[] = [];
  let actionCells: HTMLTableCellElement[] = [];
  let actionNums: Text[] = [];
  let actionMarks: Text[] = [];
  let vNums: Text[] = [];
  // What the cells show now, so an update writes only what changed.
  let drawnText: string[] = [];
  let drawnMark = new Int8Array(0);
  let drawnV: string[] = [];
  let drawnSelected = -1;

  /** Builds (or re-keys) the rows for a map. Rows are keyed by state; the tile text follows the map. */
  function buildRows(desc: readonly string[]) {
    const ncol = desc[0]?.length ?? 0;
    nS = desc.length * ncol;
    const rows: RowDatum[] = Array.from({ length: nS }, (_, s) => ({
      state: s,
      tile: tileLetter(desc, ncol, s),
    }));
    terminal = Uint8Array.from(rows, (r) => (isTerminalTile(r.tile) ? 1 : 0));

    const tr = tbody
      .selectAll<HTMLTableRowElement, RowDatum>('tr')
      .data(rows, (d) => String(d.state))
      .join((enter) => {
        const row = enter.append('tr').attr('data-state', (d) => d.state);
        row.append('th').attr('scope', 'row').attr('class', 'qtable-state');
        row.append('td').attr('class', 'qtable-tile');
        for (let a = 0; a < N_ACTIONS; a++) {
          const cell = row
            .append('td')
            .attr('class', 'qtable-num qtable-action')
            .attr('data-action', a);
          cell.append('span').attr('class', 'qtable-value');
          cell.append('span').attr('class', 'qtable-mark');
        }
        row.append('td').attr('class', 'qtable-num qtable-v').append('span');
        return row;
      })
      .attr('data-tile', (d) => d.tile)
      .classed('qtable-terminal', (d) => isTerminalTile(d.tile));
    tr.select('th').text((d) => `${d.state} (${d.tile})`);
    tr.select('td.qtable-tile').text((d) => TILE_NAMES[d.tile]);

    rowNodes = tr.nodes();
    actionCells = [];
    actionNums = [];
    actionMarks = [];
    vNums = [];
    const doc = host.ownerDocument;
    for (const row of rowNodes) {
      const cells = row.querySelectorAll<HTMLTableCellElement>('td.qtable-action');
      for (const cell of cells) {
        const [num, mark] = cell.children;
        actionCells.push(cell);
        actionNums.push(num!.appendChild(doc.createTextNode('')));
        actionMarks.push(mark!.appendChild(doc.createTextNode('')));
      }
      vNums.push(row.querySelector('td.qtable-v span')!.appendChild(doc.createTextNode('')));
    }
    drawnText = new Array<string>(nS * N_ACTIONS).fill('');
    drawnMark = new Int8Array(nS * N_ACTIONS);
    drawnV = new Array<string>(nS).fill('');
    drawnSelected = -1;
    for (const row of rowNodes) {
      row.classList.remove('qtable-current');
      row.removeAttribute('aria-current');
    }
  }

  return {
    node: table.node()!,
    update(data) {
      const key = data.desc.join('\n');
      if (key !== mapKey) {
        // Rows of states both maps have keep their nodes; their text nodes are renewed.
        for (const row of rowNodes)
          row.querySelectorAll('span').forEach((el) => el.replaceChildren());
        buildRows(data.desc);
        mapKey = key;
      }
      for (let s = 0; s < nS; s++) {
        const isTerminal = terminal[s] === 1;
        const mask = data.greedyMask[s] ?? 0;
        for (let a = 0; a < N_ACTIONS; a++) {
          const i = s * N_ACTIONS + a;
          const text = formatQ(data.values[i]);
          if (text !== drawnText[i]) {
            actionNums[i]!.data = text;
            drawnText[i] = text;
          }
          const mark = isTerminal ? NONE : markOf(mask, a);
          if (mark !== drawnMark[i]) {
            const cell = actionCells[i]!;
            cell.classList.toggle('qtable-greedy', mark !== NONE);
            cell.classList.toggle('qtable-tied', mark === TIED);
            actionMarks[i]!.data = MARK_TEXT[mark]!;
            drawnMark[i] = mark;
          }
        }
        const v = formatQ(data.v[s]);
        if (v !== drawnV[s]) {
          vNums[s]!.data = v;
          drawnV[s] = v;
        }
      }
      const selected =
        data.selectedState !== undefined && data.selectedState >= 0 && data.selectedState < nS
          ? data.selectedState
          : -1;
      if (selected !== drawnSelected) {
        const before = rowNodes[drawnSelected];
        if (before) {
          before.classList.remove('qtable-current');
          before.removeAttribute('aria-current');
        }
        const after = rowNodes[selected];
        if (after) {
          after.classList.add('qtable-current');
          after.setAttribute('aria-current', 'true');
        }
        drawnSelected = selected;
      }
    },
    destroy() {
      table.remove();
    },
  };
}
