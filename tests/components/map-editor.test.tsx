// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MapEditor } from '../../src/components/dock/editor/MapEditor';
import { qvaCsv, runExport, zeroTables } from '../../src/components/dock/io/export-data';
import { MAPS } from '../../src/rl/maps';
import { lessonSettings } from '../../src/store/lab-store';
import { labQuery } from '../../src/shared/url/lab-link';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

const grid = () => screen.getByRole('grid', { name: /Map being edited/ });
const cell = (row: number, col: number) =>
  within(grid()).getByRole('gridcell', { name: new RegExp(`^row ${row}, column ${col}:`) });
const train = () => screen.getByRole('button', { name: 'Train on this map' });
const tilesOf = () =>
  within(grid())
    .getAllByRole('row')
    .map((r) =>
      within(r)
        .getAllByRole('gridcell')
        .map((c) => c.textContent)
        .join(''),
    );

/** Builds a 3x3 map by size selects and clicks: S F F / F H F / F F G. */
async function make3x3(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Rows' }), '3');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Columns' }), '3');
  // From 4x4 cut to 3x3: S F F / F H F / F F F. Cycle the bottom right F → H → G.
  expect(tilesOf()).toEqual(['SFF', 'FHF', 'FFF']);
  await user.click(cell(3, 3));
  await user.click(cell(3, 3));
  expect(tilesOf()).toEqual(['SFF', 'FHF', 'FFG']);
}

describe('MapEditor', () => {
  it('starts from the lab’s map, one grid cell per tile, and says it is the map being trained', () => {
    renderWithLab(<MapEditor />);
    expect(screen.getByRole('region', { name: 'Map editor' })).toBeTruthy();
    expect(within(grid()).getAllByRole('gridcell')).toHaveLength(16);
    expect(tilesOf()).toEqual([...MAPS['4x4']]);
    expect(cell(1, 1).getAttribute('aria-label')).toBe('row 1, column 1: Start');
    expect(screen.getByText('This is the map being trained.')).toBeTruthy();
    expect((train() as HTMLButtonElement).disabled).toBe(false);
  });

  it('a click cycles Frozen → Hole → Goal → Start → Frozen', async () => {
    renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      await user.click(cell(1, 2));
      names.push(cell(1, 2).textContent!);
    }
    expect(names).toEqual(['H', 'G', 'S', 'F']);
  });

  it('paints with a tile from the palette, and painting twice keeps it', async () => {
    renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Hole (H)' }));
    await user.click(cell(1, 2));
    await user.click(cell(1, 2));
    expect(cell(1, 2).textContent).toBe('H');
  });

  it('resizes rows and columns independently, 2 to 12', async () => {
    renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    const rows = screen.getByRole('combobox', { name: 'Rows' });
    const cols = screen.getByRole('combobox', { name: 'Columns' });
    expect(
      within(rows)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(Array.from({ length: 11 }, (_, i) => String(i + 2)));
    await user.selectOptions(cols, '6');
    expect(tilesOf()).toEqual(['SFFFFF', 'FHFHFF', 'FFFHFF', 'HFFGFF']);
    await user.selectOptions(rows, '2');
    expect(grid().getAttribute('aria-label')).toBe('Map being edited, 2 by 6');
  });

  it('a walled-off goal: why it cannot be trained, the cut-off tiles, Train disabled with that reason', async () => {
    const { store, worker } = renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    await make3x3(user);
    // Wall off G at (3,3): holes at (2,3) and (3,2).
    await user.click(cell(2, 3));
    await user.click(cell(3, 2));
    expect(tilesOf()).toEqual(['SFF', 'FHH', 'FHG']);
    const reason =
      'Cannot train on this map: No goal G can be reached from the start S at row 1, column 1 without crossing a hole H.';
    expect(screen.getByText(reason)).toBeTruthy();
    expect((train() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Train on this map', description: reason })).toBe(
      train(),
    );
    expect(screen.getByText(/Cut off from the start/).textContent).toContain(
      'row 3, column 3 (Goal)',
    );
    expect(cell(3, 3).getAttribute('aria-label')).toBe(
      'row 3, column 3: Goal, cut off from the start',
    );
    const sent = worker.sent.length;
    fireEvent.click(train());
    expect(worker.sent.length).toBe(sent);
    expect(store.getState().settings.map).toEqual([...MAPS['4x4']]);
  });

  it('names no start, more than one start and no goal', async () => {
    renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Frozen (F)' }));
    await user.click(cell(1, 1));
    expect(screen.getByText(/The map has no start: put one S on it\./)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Start (S)' }));
    await user.click(cell(1, 1));
    await user.click(cell(1, 2));
    expect(
      screen.getByText(/A second start S at row 1, column 2 \(the first is at row 1, column 1\)/),
    ).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Frozen (F)' }));
    await user.click(cell(1, 2));
    await user.click(cell(4, 4));
    expect(screen.getByText(/The map has no goal/)).toBeTruthy();
  });

  it('editing while a run goes on leaves the run alone until Train on this map', async () => {
    const { store, worker } = renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    for (let i = 0; i < 2; i++)
      act(() => {
        store.getState().step();
        store.getState().snapshotDrawn();
      });
    const { runId, totalSteps } = store.getState();
    expect(totalSteps).toBe(2);
    const inits = worker.sent.filter((c) => c.type === 'init').length;
    await make3x3(user);
    expect(screen.getByText(/Edited, not applied/)).toBeTruthy();
    expect(store.getState().runId).toBe(runId);
    expect(store.getState().totalSteps).toBe(2);
    expect(worker.sent.filter((c) => c.type === 'init').length).toBe(inits);
    expect(store.getState().settings.map).toEqual([...MAPS['4x4']]);
  });

  it('Train on this map starts a run on it, with Gymnasium’s time limit for its size', async () => {
    const { store } = renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    await make3x3(user);
    // The lab's rule, not Gymnasium's: FrozenLake-v1 cuts at 100 on any map.
    expect(
      screen.getByText(/time limit 100 steps \(the lab’s rule: 100 steps up to 16 tiles/),
    ).toBeTruthy();
    const runId = store.getState().runId;
    await user.click(train());
    const s = store.getState();
    expect(s.runId).toBeGreaterThan(runId);
    expect(s.settings.map).toEqual(['SFF', 'FHF', 'FFG']);
    expect(s.settings.maxSteps).toBe(100);
    expect(s.mapName).toBe('custom');
    expect(s.env?.nS).toBe(9);
    expect(screen.getByText('Training on the 3 by 3 map: a new run started.')).toBeTruthy();
    expect(screen.getByText('This is the map being trained.')).toBeTruthy();
  });

  it('a 5x5 map gets 200 steps, and the lab’s own time limit is kept when the user set one', async () => {
    const { store } = renderWithLab(<MapEditor />, {
      settings: { ...lessonSettings(), maxSteps: 37 },
    });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows' }), '5');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Columns' }), '5');
    await user.click(cell(4, 4)); // G → S: two starts
    await user.click(cell(4, 4)); // S → F
    await user.click(screen.getByRole('radio', { name: 'Goal (G)' }));
    await user.click(cell(5, 5));
    expect(screen.getByText(/time limit 37 steps \(the time limit you set is kept\)/)).toBeTruthy();
    await user.click(train());
    expect(store.getState().settings.maxSteps).toBe(37);
    expect(store.getState().settings.map).toHaveLength(5);
  });

  it('the trained map goes into the link, the JSON run record and the CSV', async () => {
    const { store } = renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    await make3x3(user);
    await user.click(train());
    const lab = store.getState();
    expect(new URLSearchParams(labQuery(lab, '')).get('map')).toBe('SFF,FHF,FFG');
    const record = runExport({
      settings: lab.settings,
      env: lab.env!,
      counters: { episode: 0, totalSteps: 0, epsilon: 1 },
      tables: zeroTables(9),
      frames: [],
    });
    expect(record.settings.map).toEqual(['SFF', 'FHF', 'FFG']);
    const tiles = qvaCsv(lab.env!, zeroTables(9))
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[3])
      .join('');
    expect(tiles).toBe('SFFFHFFFG');
  });

  it('arrow keys move focus between cells; Enter and Space change the focused one', async () => {
    const { store } = renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    cell(1, 1).focus();
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(document.activeElement).toBe(cell(2, 2));
    expect(cell(2, 2).getAttribute('tabindex')).toBe('0');
    expect(cell(1, 1).getAttribute('tabindex')).toBe('-1');
    await user.keyboard('{Enter}'); // H → G
    expect(cell(2, 2).textContent).toBe('G');
    await user.keyboard(' '); // G → S
    expect(cell(2, 2).textContent).toBe('S');
    // The edge stops the focus; the grid claims the arrows from the lab's shortcuts.
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(cell(1, 1));
    expect(grid().getAttribute('data-own-keys')).toBe('arrows enter space');
    expect(store.getState().totalSteps).toBe(0);
  });

  it('follows a new lab map when it holds no edits, and keeps its edits otherwise', async () => {
    const { store } = renderWithLab(<MapEditor />);
    const user = userEvent.setup();
    store.getState().applySettings({ ...lessonSettings('8x8') }, '8x8');
    await screen.findByRole('grid', { name: 'Map being edited, 8 by 8' });
    await user.click(cell(1, 2));
    store.getState().applySettings({ ...lessonSettings('4x4') }, '4x4');
    expect(grid().getAttribute('aria-label')).toBe('Map being edited, 8 by 8');
    expect(cell(1, 2).textContent).toBe('H');
    await user.click(screen.getByRole('button', { name: 'Start from the current map' }));
    expect(tilesOf()).toEqual([...MAPS['4x4']]);
  });
});

describe('MapEditor on a map larger than it holds', () => {
  it('starts from the top-left 12 by 12 of a 16 by 16 map and says so', () => {
    const big = Array.from({ length: 16 }, (_, r) =>
      r === 0 ? 'S' + 'F'.repeat(15) : r === 15 ? 'F'.repeat(15) + 'G' : 'F'.repeat(16),
    );
    renderWithLab(<MapEditor />, {
      settings: { ...lessonSettings(), map: big, maxSteps: 200 },
      mapName: 'custom',
    });
    expect(grid().getAttribute('aria-label')).toBe('Map being edited, 12 by 12');
    expect(
      screen.getByText(/The map on screen is 16 by 16; the editor holds 2 to 12 tiles a side/),
    ).toBeTruthy();
    // The goal was cut away: the editor says so before anything is trained.
    expect(screen.getByText(/The map has no goal/)).toBeTruthy();
  });
});
