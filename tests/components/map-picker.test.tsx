// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MapSettings as MapPicker } from '../../src/components/board/MapPicker';
import { generateRandomMap, MAPS } from '../../src/rl/maps';
import { lessonSettings } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

const mapSelect = () => screen.getByRole('combobox', { name: 'Map' });
const apply = () => screen.getByRole('button', { name: 'Apply' });

describe('MapPicker', () => {
  it('is a "Map" group on 4x4 by default, slippery, with the sentence on new runs', () => {
    renderWithLab(<MapPicker />);
    expect(screen.getByRole('group', { name: 'Map' })).toBeTruthy();
    expect((mapSelect() as HTMLSelectElement).value).toBe('4x4');
    expect(screen.getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual([
      '4x4',
      '8x8',
      'random',
      'custom',
    ]);
    expect(
      (screen.getByRole('checkbox', { name: 'Slippery ice' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(
      (screen.getByRole('textbox', { name: 'Success rate of a move' }) as HTMLInputElement).value,
    ).toBe('1/3');
    expect(screen.getByText('Applying a new map starts a new run.')).toBeTruthy();
  });

  it('a custom map with no goal shows the core message beside the field, and Apply does nothing', async () => {
    const { store, worker } = renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), 'custom');
    const rows = screen.getByRole('textbox', { name: 'Rows' }) as HTMLInputElement;
    // Custom starts from the map on screen.
    expect(rows.value).toBe('SFFF,FHFH,FFFH,HFFG');
    await user.clear(rows);
    await user.type(rows, 'SFFF,FHFH,FFFH,HFFF');
    expect(rows.getAttribute('aria-invalid')).toBe('true');
    const message = 'The map has no goal: put at least one G on it.';
    const error = screen.getByText(message);
    expect(rows.getAttribute('aria-describedby')!.split(' ')).toContain(error.id);

    const runId = store.getState().runId;
    const sent = worker.sent.length;
    await user.click(apply());
    expect(worker.sent.length).toBe(sent);
    expect(store.getState().runId).toBe(runId);
    expect(store.getState().settings.map).toEqual([...MAPS['4x4']]);
    // What was typed is still there, and focus went back to it.
    expect(rows.value).toBe('SFFF,FHFH,FFFH,HFFF');
    expect(document.activeElement).toBe(rows);
    expect(screen.getByRole('status').textContent).toMatch(/Nothing was applied/);
  });

  it('names a bad tile where it stands, as it is typed', async () => {
    renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), 'custom');
    const rows = screen.getByRole('textbox', { name: 'Rows' });
    await user.clear(rows);
    await user.type(rows, 'SX,FG');
    expect(screen.getByText(/Unknown tile "X" at row 1, column 2/)).toBeTruthy();
    await user.clear(rows);
    await user.type(rows, 'SF,FG');
    expect(rows.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/Unknown tile/)).toBeNull();
  });

  it('a valid custom map starts a new run on it, with the time limit for its size', async () => {
    const { store } = renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), 'custom');
    const rows = screen.getByRole('textbox', { name: 'Rows' });
    await user.clear(rows);
    await user.type(rows, 'sffff,fhfhf,ffffg');
    expect(screen.getByText('Apply would start on a map of 3 by 5: 2 holes.')).toBeTruthy();
    const runId = store.getState().runId;
    await user.click(apply());
    expect(store.getState().runId).toBeGreaterThan(runId);
    expect(store.getState().mapName).toBe('custom');
    expect(store.getState().settings.map).toEqual(['SFFFF', 'FHFHF', 'FFFFG']);
    expect(store.getState().settings.maxSteps).toBe(100);
    expect(store.getState().env?.nS).toBe(15);
    expect(screen.getByRole('status').textContent).toBe('Applied: a new run started.');
    // The form still shows what was applied.
    expect((mapSelect() as HTMLSelectElement).value).toBe('custom');
  });

  it('a random map is seeded: size 6, p 0.7, seed 11 is generateRandomMap(6, 0.7, 11)', async () => {
    const { store } = renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), 'random');
    const size = screen.getByRole('textbox', { name: 'Random map size' });
    const p = screen.getByRole('textbox', { name: 'Frozen probability p' });
    const seed = screen.getByRole('textbox', { name: 'Map seed' });
    await user.clear(size);
    await user.type(size, '6');
    await user.clear(p);
    await user.type(p, '0.7');
    await user.clear(seed);
    await user.type(seed, '11');
    await user.click(apply());
    const expected = generateRandomMap(6, 0.7, 11);
    expect(store.getState().settings.map).toEqual(expected);
    expect(store.getState().settings.maxSteps).toBe(200);
    // Applying the same seed again draws the same map; another seed another one.
    await user.click(apply());
    expect(store.getState().settings.map).toEqual(expected);
    await user.clear(seed);
    await user.type(seed, '12');
    await user.click(apply());
    expect(store.getState().settings.map).toEqual(generateRandomMap(6, 0.7, 12));
    expect(store.getState().settings.map).not.toEqual(expected);
    // The form stays on Random (the store keeps rows; the form knows they are its own).
    expect((mapSelect() as HTMLSelectElement).value).toBe('random');
  });

  it('refuses a random size or p out of range with the limit, and keeps the text', async () => {
    const { store } = renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), 'random');
    const size = screen.getByRole('textbox', { name: 'Random map size' }) as HTMLInputElement;
    await user.clear(size);
    await user.type(size, '13');
    expect(
      screen.getByText('Random map size must be a whole number from 2 to 12; got 13.'),
    ).toBeTruthy();
    const p = screen.getByRole('textbox', { name: 'Frozen probability p' }) as HTMLInputElement;
    await user.clear(p);
    await user.type(p, 'lots');
    expect(screen.getByText('Frozen probability p must be from 0.5 to 1.')).toBeTruthy();
    const runId = store.getState().runId;
    await user.click(apply());
    expect(store.getState().runId).toBe(runId);
    expect(size.value).toBe('13');
    expect(p.value).toBe('lots');
    expect(document.activeElement).toBe(size);
  });

  it('8x8, not slippery: the run is Gymnasium’s 8x8 with its 200-step limit on plain ice', async () => {
    const { store } = renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), '8x8');
    await user.click(screen.getByRole('checkbox', { name: 'Slippery ice' }));
    // The success rate only matters on slippery ice.
    expect(screen.queryByRole('textbox', { name: 'Success rate of a move' })).toBeNull();
    await user.click(apply());
    const s = store.getState();
    expect(s.mapName).toBe('8x8');
    expect(s.settings).toEqual({ ...lessonSettings('8x8'), isSlippery: false });
    expect(s.env).toMatchObject({ nS: 64, isSlippery: false, maxSteps: 200 });
  });

  it('a success rate may be a fraction; a time limit overrides Gymnasium’s', async () => {
    const { store } = renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    const rate = screen.getByRole('textbox', { name: 'Success rate of a move' });
    await user.clear(rate);
    await user.type(rate, '4/5');
    const steps = screen.getByRole('textbox', { name: 'Time limit' });
    await user.type(steps, '10001');
    expect(
      screen.getByText(/Time limit must be a whole number from 1 to 10000; got 10001\./),
    ).toBeTruthy();
    await user.clear(steps);
    await user.type(steps, '40');
    await user.click(apply());
    expect(store.getState().settings).toMatchObject({ successRate: 0.8, maxSteps: 40 });
    expect(store.getState().env).toMatchObject({ successRate: 0.8, maxSteps: 40 });
  });

  it('keeps the run’s hyperparameters and seed when the map changes', async () => {
    const { store } = renderWithLab(<MapPicker />, {
      settings: { ...lessonSettings('4x4', 5), params: { ...lessonSettings().params, alpha: 0.4 } },
    });
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), '8x8');
    await user.click(apply());
    expect(store.getState().settings.seed).toBe(5);
    expect(store.getState().settings.params.alpha).toBe(0.4);
  });

  it('follows a run started elsewhere, but keeps rows being typed when the map did not change', async () => {
    const { store } = renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), 'custom');
    const rows = screen.getByRole('textbox', { name: 'Rows' }) as HTMLInputElement;
    await user.clear(rows);
    await user.type(rows, 'SFH');
    // Another control turns the ice off on the same map: the typed rows stay.
    act(() => {
      store.getState().applySettings({ ...store.getState().settings, isSlippery: false }, '4x4');
    });
    expect(
      (screen.getByRole('checkbox', { name: 'Slippery ice' }) as HTMLInputElement).checked,
    ).toBe(false);
    expect(rows.value).toBe('SFH');
    // Another control changes the map: the form shows it.
    act(() => {
      store.getState().applySettings(lessonSettings('8x8'), '8x8');
    });
    expect((mapSelect() as HTMLSelectElement).value).toBe('8x8');
    expect(
      (screen.getByRole('checkbox', { name: 'Slippery ice' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('every field has an accessible name', async () => {
    renderWithLab(<MapPicker />);
    const user = userEvent.setup();
    await user.selectOptions(mapSelect(), 'random');
    const named = [
      screen.getByRole('combobox', { name: 'Map' }),
      screen.getByRole('textbox', { name: 'Random map size' }),
      screen.getByRole('textbox', { name: 'Frozen probability p' }),
      screen.getByRole('textbox', { name: 'Map seed' }),
      screen.getByRole('checkbox', { name: 'Slippery ice' }),
      screen.getByRole('textbox', { name: 'Success rate of a move' }),
      screen.getByRole('textbox', { name: 'Time limit' }),
    ];
    expect(document.querySelectorAll('input, select')).toHaveLength(named.length);
    await user.selectOptions(mapSelect(), 'custom');
    expect(screen.getByRole('textbox', { name: 'Rows' })).toBeTruthy();
  });

  it('snapshots do not re-render it', () => {
    let renders = 0;
    const { store } = renderWithLab(
      <Profiler id="map" onRender={() => renders++}>
        <MapPicker />
      </Profiler>,
    );
    const before = renders;
    for (let i = 0; i < 20; i++)
      act(() => {
        store.getState().step();
        store.getState().snapshotDrawn();
      });
    expect(store.getState().totalSteps).toBe(20);
    expect(renders).toBe(before);
  });
});
