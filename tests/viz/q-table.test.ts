// @vitest-environment jsdom
import { getAllByRole, getByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, test } from 'vitest';
import { advantages, greedyMasks, stateValues } from '../../src/rl/tables';
import { createQTable, formatQ, type QTable, type QTableKind } from '../../src/viz/q-table';
import { MAP_4X4, MAP_8X8, badValues, makeHost, rightDominatesAtStart } from './fixtures';

let table: QTable | null = null;
afterEach(() => {
  table?.destroy();
  table = null;
  document.body.replaceChildren();
});

function mount(kind: QTableKind = 'q', caption = 'Q(s,a) and V(s)') {
  const host = makeHost();
  table = createQTable(host, { kind, caption });
  return { host, table };
}

/** Table data for a map and a flat Q (zeros by default), V, A and masks derived from it. */
function dataFor(
  desc: readonly string[],
  q: Float64Array = new Float64Array(desc.length * desc[0]!.length * 4),
  kind: QTableKind = 'q',
  selectedState?: number,
) {
  return {
    desc,
    values: kind === 'q' ? q : advantages(q),
    v: stateValues(q),
    greedyMask: greedyMasks(q),
    ...(selectedState === undefined ? {} : { selectedState }),
  };
}

const bodyRows = (host: HTMLElement) => Array.from(host.querySelectorAll('tbody tr'));
const actionCell = (host: HTMLElement, s: number, a: number) =>
  host.querySelector<HTMLTableCellElement>(`tr[data-state="${s}"] td[data-action="${a}"]`)!;

/** Non-terminal states of Gymnasium's 4x4 map (S and F tiles). */
const NON_TERMINAL_4X4 = [0, 1, 2, 3, 4, 6, 8, 9, 10, 13, 14];

describe('q-table', () => {
  test('the 4x4 map renders a captioned table with a header row and 16 state rows', () => {
    const { host, table } = mount();
    table.update(dataFor(MAP_4X4));
    const el = getByRole(host, 'table', { name: 'Q(s,a) and V(s)' });
    expect(el).toBe(table.node);
    const headers = within(el).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'State',
      'Tile',
      'Left',
      'Down',
      'Right',
      'Up',
      'V(s)',
    ]);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(getAllByRole(el, 'row')).toHaveLength(17);
    const rowHeaders = within(el).getAllByRole('rowheader');
    expect(rowHeaders).toHaveLength(16);
    expect(rowHeaders.every((h) => h.getAttribute('scope') === 'row')).toBe(true);
    expect(rowHeaders[0]!.textContent).toBe('0 (S)');
    expect(rowHeaders[5]!.textContent).toBe('5 (H)');
    expect(rowHeaders[15]!.textContent).toBe('15 (G)');
    expect(badValues(host)).toEqual([]);
  });

  test('terminal states are listed, greyed and never marked greedy', () => {
    const { host, table } = mount();
    table.update(dataFor(MAP_4X4));
    const terminal = bodyRows(host)
      .filter((r) => r.classList.contains('qtable-terminal'))
      .map((r) => Number(r.getAttribute('data-state')));
    expect(terminal).toEqual([5, 7, 11, 12, 15]);
    for (const s of terminal)
      for (let a = 0; a < 4; a++) {
        expect(actionCell(host, s, a).className).not.toMatch(/greedy|tied/);
        expect(actionCell(host, s, a).textContent).toBe('0.000');
      }
    expect(host.querySelector('tr[data-state="5"] td.qtable-tile')?.textContent).toBe('hole');
  });

  test('an all-zero Q marks every action of every non-terminal state as tied', () => {
    const { host, table } = mount();
    table.update(dataFor(MAP_4X4));
    const tied = Array.from(host.querySelectorAll('td.qtable-tied'));
    expect(tied).toHaveLength(NON_TERMINAL_4X4.length * 4);
    expect(host.querySelectorAll('td.qtable-greedy')).toHaveLength(tied.length);
    for (const s of NON_TERMINAL_4X4)
      for (let a = 0; a < 4; a++)
        expect(actionCell(host, s, a).textContent).toBe('0.000 (tied greedy)');
  });

  test('a Q with a single maximum marks exactly that action greedy, not tied', () => {
    const { host, table } = mount();
    table.update(dataFor(MAP_4X4, rightDominatesAtStart()));
    const row0 = host.querySelectorAll('tr[data-state="0"] td.qtable-greedy');
    expect(row0).toHaveLength(1);
    expect(row0[0]).toBe(actionCell(host, 0, 2));
    expect(row0[0]!.classList.contains('qtable-tied')).toBe(false);
    expect(row0[0]!.textContent).toBe('0.500 (greedy)');
    expect(actionCell(host, 0, 0).textContent).toBe('0.000');
    expect(host.querySelector('tr[data-state="0"] td.qtable-v')?.textContent).toBe('0.500');
    // Every other non-terminal state still ties.
    expect(host.querySelectorAll('td.qtable-tied')).toHaveLength((NON_TERMINAL_4X4.length - 1) * 4);
  });

  test('the advantage table shows Q − V: 0 at the greedy action, negative elsewhere', () => {
    const { host, table } = mount('a', 'A(s,a)');
    table.update(dataFor(MAP_4X4, rightDominatesAtStart(), 'a'));
    expect(getByRole(host, 'table', { name: 'A(s,a)' }).getAttribute('data-kind')).toBe('a');
    expect(actionCell(host, 0, 2).textContent).toBe('0.000 (greedy)');
    expect(actionCell(host, 0, 0).textContent).toBe('−0.500');
    expect(host.querySelector('tr[data-state="0"] td.qtable-v')?.textContent).toBe('0.500');
  });

  test('a second update keeps the same row and cell nodes and changes only text and classes', () => {
    const { host, table } = mount();
    table.update(dataFor(MAP_4X4));
    const rows = bodyRows(host);
    const cell = actionCell(host, 0, 2);
    table.update(dataFor(MAP_4X4, rightDominatesAtStart()));
    expect(bodyRows(host)).toEqual(rows);
    expect(bodyRows(host).every((r, i) => r === rows[i])).toBe(true);
    expect(actionCell(host, 0, 2)).toBe(cell);
    expect(cell.textContent).toBe('0.500 (greedy)');
    table.update(dataFor(MAP_4X4));
    expect(cell.textContent).toBe('0.000 (tied greedy)');
  });

  test('the selected state is highlighted and announced as current, one row at a time', () => {
    const { host, table } = mount();
    table.update(dataFor(MAP_4X4, undefined, 'q', 4));
    expect(host.querySelector('tr[aria-current="true"]')?.getAttribute('data-state')).toBe('4');
    table.update(dataFor(MAP_4X4, undefined, 'q', 8));
    expect(host.querySelectorAll('tr.qtable-current')).toHaveLength(1);
    expect(host.querySelector('tr[aria-current="true"]')?.getAttribute('data-state')).toBe('8');
    table.update(dataFor(MAP_4X4));
    expect(host.querySelector('tr[aria-current]')).toBeNull();
  });

  test('a new map re-keys the rows: shared states keep their nodes, new ones are added', () => {
    const { host, table } = mount();
    table.update(dataFor(MAP_4X4));
    const first = bodyRows(host)[0];
    table.update(dataFor(MAP_8X8));
    expect(bodyRows(host)).toHaveLength(64);
    expect(bodyRows(host)[0]).toBe(first);
    expect(bodyRows(host).map((r) => r.getAttribute('data-state'))).toEqual(
      Array.from({ length: 64 }, (_, i) => String(i)),
    );
    expect(host.querySelector('tr[data-state="5"]')?.classList.contains('qtable-terminal')).toBe(
      false,
    );
    expect(actionCell(host, 5, 0).textContent).toBe('0.000 (tied greedy)');
    table.update(dataFor(MAP_4X4));
    expect(bodyRows(host)).toHaveLength(16);
    expect(actionCell(host, 5, 0).textContent).toBe('0.000');
  });

  test('destroy removes the table', () => {
    const { host, table: t } = mount();
    t.update(dataFor(MAP_4X4));
    t.destroy();
    table = null;
    expect(host.querySelector('table')).toBeNull();
  });
});

describe('formatQ', () => {
  test('3 decimals, a true minus, no negative zero, a dash for missing values', () => {
    expect(formatQ(0.12345)).toBe('0.123');
    expect(formatQ(-0.5)).toBe('−0.500');
    expect(formatQ(-0)).toBe('0.000');
    expect(formatQ(-0.0001)).toBe('0.000');
    expect(formatQ(NaN)).toBe('–');
    expect(formatQ(undefined)).toBe('–');
  });
});
