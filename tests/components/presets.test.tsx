// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Presets } from '../../src/components/dock/io/Presets';
import {
  PRESETS,
  presetInForce,
  presetSettings,
  TUNED_LAB_PRESETS,
  tunedPresetInForce,
  tunedPresetSettings,
} from '../../src/components/dock/io/presets';
import { TUNED_PRESETS } from '../../src/rl/tuned-presets';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy, valueIteration } from '../../src/rl/evaluation';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS, paramErrors } from '../../src/rl/params';
import { lessonSettings } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

const note = () => screen.getByRole('status');
const button = (name: string) => screen.getByRole('button', { name });

describe('presets (data)', () => {
  it('are the five experiments of the brief, each a valid run', () => {
    expect(PRESETS.map((p) => p.name)).toEqual([
      'Lesson defaults',
      'No exploration',
      'Short-sighted',
      'Impatient learner',
      'Deterministic ice',
    ]);
    for (const p of PRESETS) {
      expect(paramErrors(presetSettings(p, lessonSettings('8x8')).params)).toEqual([]);
      expect(p.watch.length).toBeGreaterThan(40);
    }
  });

  it('are the lesson with one change, on the current map and seed', () => {
    const current = {
      ...lessonSettings('8x8', 9),
      isSlippery: false,
      maxSteps: 50,
      params: { ...LESSON_PARAMS, alpha: 0.7, gamma: 0.8 },
    };
    const byId = Object.fromEntries(PRESETS.map((p) => [p.id, presetSettings(p, current)]));
    expect(byId.lesson).toEqual(lessonSettings('8x8', 9));
    expect(byId['no-exploration']).toEqual({
      ...lessonSettings('8x8', 9),
      params: { ...LESSON_PARAMS, epsilon: 0, minEpsilon: 0 },
    });
    expect(byId['short-sighted']!.params).toEqual({ ...LESSON_PARAMS, gamma: 0.5 });
    expect(byId.impatient!.params).toEqual({ ...LESSON_PARAMS, alpha: 0.9 });
    expect(byId.deterministic).toEqual({ ...lessonSettings('8x8', 9), isSlippery: false });
  });

  it('the numbers in the sentences are right: 0.5^5, and 45% against 74% on 4x4', () => {
    const short = PRESETS.find((p) => p.id === 'short-sighted')!.watch;
    // G₀ = r₁ + γ·r₂ + …: a reward on the 6th step is discounted 5 times, not 6.
    expect(short).toContain(`0.5^5 ≈ ${(0.5 ** 5).toFixed(3)}`);
    const env = createEnv({ map: '4x4' });
    const success = (gamma: number) =>
      Math.round(100 * evaluateGreedy(env, valueIteration(env, gamma).q).successProbability);
    expect(short).toContain(`${success(0.5)}% of the time, against ${success(0.99)}% at γ 0.99`);
  });

  it('a preset stays in force until the ice or a hyperparameter changes', () => {
    const impatient = PRESETS.find((p) => p.id === 'impatient')!;
    const run = presetSettings(impatient, lessonSettings());
    expect(presetInForce(impatient, run)).toBe(true);
    expect(presetInForce(impatient, { ...run, seed: 4, frameInterval: 10 })).toBe(true);
    expect(presetInForce(impatient, { ...run, params: { ...run.params, alpha: 0.5 } })).toBe(false);
    expect(presetInForce(impatient, { ...run, isSlippery: false })).toBe(false);
  });
});

describe('Presets', () => {
  it('one click starts a new run of the preset on the same map and shows what to watch for', async () => {
    const { store } = renderWithLab(<Presets />, {
      settings: lessonSettings('8x8', 3),
      mapName: '8x8',
    });
    const user = userEvent.setup();
    expect(note().textContent).toBe('');
    const runId = store.getState().runId;
    await user.click(button('Deterministic ice'));
    const s = store.getState();
    expect(s.runId).toBeGreaterThan(runId);
    expect(s.mapName).toBe('8x8');
    expect(s.settings).toEqual({ ...lessonSettings('8x8', 3), isSlippery: false });
    expect(s.env?.isSlippery).toBe(false);
    expect(note().textContent).toMatch(/^Deterministic ice\. Every move goes where it is aimed/);
  });

  it('each button says what it changes', () => {
    renderWithLab(<Presets />);
    expect(button('Short-sighted').getAttribute('aria-describedby')).toBeTruthy();
    const id = button('Short-sighted').getAttribute('aria-describedby')!;
    expect(document.getElementById(id)!.textContent).toContain('γ 0.5');
  });

  it('No exploration: ε 0, and the sentence holds: ties go Left and every Q stays 0', async () => {
    const { store } = renderWithLab(<Presets />);
    const user = userEvent.setup();
    await user.click(button('No exploration'));
    expect(store.getState().settings.params).toMatchObject({ epsilon: 0, minEpsilon: 0 });
    expect(note().textContent).toContain('ties go Left');
    for (let i = 0; i < 200; i++)
      act(() => {
        store.getState().stepEpisode();
        store.getState().snapshotDrawn();
      });
    const snap = store.getState().snapshot!;
    expect(snap.episode).toBe(200);
    expect(snap.stats.successes).toBe(0);
    expect([...snap.q].every((q) => q === 0)).toBe(true);
  });

  it('Lesson defaults undoes the changes, keeps the map and the seed', async () => {
    const { store } = renderWithLab(<Presets />, {
      settings: { ...lessonSettings('4x4', 6), map: ['SFH', 'FFG'], maxSteps: 100 },
      mapName: 'custom',
    });
    const user = userEvent.setup();
    await user.click(button('Impatient learner'));
    expect(store.getState().settings.params.alpha).toBe(0.9);
    act(() => {
      store.getState().setParams({ gamma: 0.7 });
    });
    await user.click(button('Lesson defaults'));
    expect(store.getState().settings).toEqual({
      ...lessonSettings('4x4', 6),
      map: ['SFH', 'FFG'],
      maxSteps: 100,
    });
    expect(store.getState().mapName).toBe('custom');
    expect(note().textContent).toMatch(/^Lesson defaults\./);
  });

  it('the note goes once the run is no longer the preset', async () => {
    const { store } = renderWithLab(<Presets />);
    const user = userEvent.setup();
    await user.click(button('Short-sighted'));
    expect(note().textContent).toContain('0.5^5');
    act(() => {
      store.getState().setParams({ gamma: 0.9 });
    });
    expect(note().textContent).toBe('');
    expect(store.getState().settings.map).toEqual([...MAPS['4x4']]);
  });
});

describe('tuned presets (pass Gymnasium’s bar)', () => {
  it('are the ones of rl/tuned-presets.ts, on their own map, with the run’s seed', () => {
    expect(TUNED_LAB_PRESETS).toBe(TUNED_PRESETS);
    const current = { ...lessonSettings('4x4', 4), frameInterval: 50 };
    const eight = TUNED_PRESETS.find((p) => p.map === '8x8')!;
    expect(tunedPresetSettings(eight, current)).toEqual({
      ...lessonSettings('8x8', 4),
      frameInterval: 50,
      episodes: eight.episodes,
      params: eight.params,
    });
    const run = tunedPresetSettings(eight, current);
    expect(tunedPresetInForce(eight, run)).toBe(true);
    expect(tunedPresetInForce(eight, { ...run, episodes: 10 })).toBe(false);
    expect(tunedPresetInForce(eight, { ...run, map: [...MAPS['4x4']] })).toBe(false);
  });

  it('a click loads the preset on its map at full speed and says why it works', async () => {
    const { store } = renderWithLab(<Presets />);
    const user = userEvent.setup();
    const eight = TUNED_PRESETS.find((p) => p.map === '8x8')!;
    await user.click(button(eight.name));
    const s = store.getState();
    expect(s.mapName).toBe('8x8');
    expect(s.settings.map).toEqual([...MAPS['8x8']]);
    expect(s.settings.episodes).toBe(eight.episodes);
    expect(s.speed).toBe('max');
    expect(note().textContent).toContain(eight.why);
    const id = button(eight.name).getAttribute('aria-describedby')!;
    expect(document.getElementById(id)!.textContent).toContain(`at least ${eight.threshold}`);
  });
});
