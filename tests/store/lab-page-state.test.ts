/** The lab store's page state apart from the run: the grid's view, the look, the notices. */
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { DEFAULT_DISPLAY } from '../../src/shared/display';
import { envOfInfo } from '../../src/store/lab/live-env';
import { MAX_NOTICE_CHARS } from '../../src/store/lab/notices-slice';
import { labWithWorkers } from './lab-with-workers';

describe('lab store: the grid’s view and the page’s look', () => {
  it('a plain page shows V(s) in the default look; a link’s view is kept', () => {
    const { store } = labWithWorkers();
    expect(store.getState().view).toBe('v');
    expect(store.getState().display).toEqual(DEFAULT_DISPLAY);
    const { store: linked } = labWithWorkers({ view: 'td' });
    expect(linked.getState().view).toBe('td');
    store.getState().dispose();
    linked.getState().dispose();
  });

  it('the view switch changes only the view', () => {
    const { store } = labWithWorkers({ display: { theme: 'dark' } });
    store.getState().setView('n');
    expect(store.getState().view).toBe('n');
    store.getState().setView('q');
    expect(store.getState().view).toBe('q');
    expect(store.getState().display).toEqual({ ...DEFAULT_DISPLAY, theme: 'dark' });
    store.getState().dispose();
  });
});

describe('lab store: notices', () => {
  it('a notice of exactly the longest length is shown whole', () => {
    const { store } = labWithWorkers();
    const text = 'x'.repeat(MAX_NOTICE_CHARS);
    store.getState().notify('info', text);
    expect(store.getState().notices.at(-1)!.text).toBe(text);
    store.getState().dispose();
  });

  it('a longer notice is cut at the last word near the end, with an ellipsis', () => {
    const { store } = labWithWorkers();
    // Words of 8 letters and a space: the cut falls inside a word, the last space is just before.
    const text = 'abcdefgh '.repeat(MAX_NOTICE_CHARS / 9 + 2);
    store.getState().notify('info', text);
    const shown = store.getState().notices.at(-1)!.text;
    expect(shown.length).toBeLessThanOrEqual(MAX_NOTICE_CHARS);
    expect(shown.length).toBeGreaterThan(MAX_NOTICE_CHARS - 12);
    expect(shown.endsWith('abcdefgh…')).toBe(true);
    expect(text.startsWith(shown.slice(0, -1))).toBe(true);
    store.getState().dispose();
  });

  it('a space up to 79 characters before the cut is near enough to cut there', () => {
    const { store } = labWithWorkers();
    const words = `${'a'.repeat(MAX_NOTICE_CHARS - 79)} ${'b'.repeat(MAX_NOTICE_CHARS)}`;
    store.getState().notify('info', words);
    expect(store.getState().notices.at(-1)!.text).toBe(`${'a'.repeat(MAX_NOTICE_CHARS - 79)}…`);
    store.getState().dispose();
  });

  it('a space 80 characters or more before the cut is too far: cut mid-word, at the longest length', () => {
    const { store } = labWithWorkers();
    const text = `${'a'.repeat(MAX_NOTICE_CHARS - 80)} ${'b'.repeat(MAX_NOTICE_CHARS)}`;
    store.getState().notify('error', text);
    const shown = store.getState().notices.at(-1)!.text;
    expect(shown).toHaveLength(MAX_NOTICE_CHARS);
    expect(shown).toBe(`${text.slice(0, MAX_NOTICE_CHARS - 1)}…`);
    store.getState().dispose();
  });

  it('the same words as an error and as information are two notices', () => {
    const { store } = labWithWorkers();
    store.getState().notify('info', 'Seed 3.');
    store.getState().notify('error', 'Seed 3.');
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      ['info', 'Seed 3.'],
      ['error', 'Seed 3.'],
    ]);
    store.getState().dispose();
  });

  it('a notice with a button carries it; one without has none', () => {
    const { store } = labWithWorkers();
    let pressed = 0;
    store.getState().notify('error', 'Failed.', { label: 'Try again', run: () => pressed++ });
    store.getState().notify('info', 'Plain.');
    const [withButton, plain] = store.getState().notices;
    expect(withButton!.action?.label).toBe('Try again');
    withButton!.action!.run();
    expect(pressed).toBe(1);
    expect(plain).not.toHaveProperty('action');
    store.getState().dispose();
  });

  it('dismissing a notice removes that one only', () => {
    const { store } = labWithWorkers();
    const { notify } = store.getState();
    notify('info', 'first');
    notify('info', 'second');
    notify('error', 'third');
    const [, second] = store.getState().notices;
    store.getState().dismissNotice(second!.id);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['first', 'third']);
    store.getState().dismissNotice(-1);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['first', 'third']);
    store.getState().dispose();
  });
});

describe('the environment the worker reported, rebuilt for the panels', () => {
  it('is the environment of the run’s settings, changed rewards and success rate included', () => {
    const { store } = labWithWorkers();
    store.getState().setEnv({ successRate: 0.8, rewardSchedule: [2, -1, 0] });
    const { env, settings } = store.getState();
    const rebuilt = envOfInfo(env!);
    const expected = createEnv({
      map: settings.map,
      isSlippery: settings.isSlippery,
      successRate: 0.8,
      rewardSchedule: [2, -1, 0],
      maxSteps: settings.maxSteps,
    });
    expect(rebuilt.desc).toEqual(expected.desc);
    expect(rebuilt.successRate).toBe(0.8);
    expect(rebuilt.rewardSchedule).toEqual([2, -1, 0]);
    expect(rebuilt.maxSteps).toBe(settings.maxSteps);
    expect(Array.from(rebuilt.outProb)).toEqual(Array.from(expected.outProb));
    expect(Array.from(rebuilt.outReward)).toEqual(Array.from(expected.outReward));
    store.getState().dispose();
  });
});
