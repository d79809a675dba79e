import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { DEFAULT_COMPARE_SPEED } from '../../src/worker/compare-protocol';
import { trainAlgorithm } from '../../src/rl/training';
import { lessonSettings } from '../../src/store/lab-store';
import { compareWithWorkers as setup } from './compare-with-workers';

describe('compare store', () => {
  it('starts no worker until the first comparison', () => {
    const { store, workers } = setup();
    expect(workers).toHaveLength(0);
    expect(store.getState().connection).toBe('idle');
    store.getState().pause();
    store.getState().snapshotDrawn();
    expect(workers).toHaveLength(0);
  });

  it('start builds a run with the lab settings and the chosen pair, then trains both', () => {
    const { store, workers, runToIdle } = setup();
    const settings = { ...lessonSettings('4x4', 5), episodes: 150 };
    store.getState().setAlgorithm(1, 'expected-sarsa');
    store.getState().setSpeed('max');
    store.getState().start(settings);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent.map((c) => c.type)).toEqual(['set-speed', 'init', 'play']);
    runToIdle();
    const s = store.getState();
    expect(s.runAlgorithms).toEqual(['q-learning', 'expected-sarsa']);
    expect(s.finished).toBe(true);
    expect(s.episodes).toEqual([150, 150]);
    // The curves hold one point per interval for each agent.
    expect(s.curves[0]!.at(-1)!.episode).toBe(150);
    expect(s.curves[1]).toHaveLength(s.curves[0]!.length);
    const env = createEnv({ map: settings.map });
    const core = trainAlgorithm(env, 'expected-sarsa', settings.params, 5, 150);
    expect([...s.snapshot!.agents[1]!.q]).toEqual([...core.q]);
  });

  it('start again with the same settings resumes; other settings or algorithms start afresh', () => {
    const { store, workers } = setup();
    const settings = { ...lessonSettings(), episodes: 100 };
    store.getState().start(settings);
    store.getState().pause();
    store.getState().start(settings);
    expect(workers[0]!.sent.map((c) => c.type).slice(1)).toEqual(['init', 'play', 'pause', 'play']);
    store.getState().pause();
    store.getState().start({ ...settings, seed: 9 });
    expect(workers[0]!.sent.at(-2)!.type).toBe('init');
    store.getState().pause();
    store.getState().setAlgorithm(0, 'sarsa');
    store.getState().start({ ...settings, seed: 9 });
    const init = workers[0]!.sent.filter((c) => c.type === 'init').at(-1)!;
    expect(init).toMatchObject({ algorithms: ['sarsa', 'sarsa'] });
  });

  it('reset starts a fresh paused run; a bad speed is refused with a message', () => {
    const { store, errors, runToIdle } = setup();
    const settings = { ...lessonSettings(), episodes: 60 };
    store.getState().start(settings);
    runToIdle();
    store.getState().reset(settings);
    expect(store.getState().runId).toBe(2);
    expect(store.getState().episodes).toEqual([0, 0]);
    expect(store.getState().running).toBe(false);
    expect(store.getState().setSpeed(0)).toBe(false);
    expect(errors).toEqual([
      'Comparison speed (episodes per second) must be from 1 to 1000000; got 0.',
    ]);
    expect(store.getState().speed).toBe(DEFAULT_COMPARE_SPEED);
  });

  it('reports bad lab settings from the worker and keeps nothing half-started', () => {
    const { store, errors } = setup();
    store.getState().start({ ...lessonSettings(), map: ['SH', 'HG'] });
    expect(errors[0]).toMatch(/goal/i);
    expect(store.getState().runAlgorithms).toBeNull();
    expect(store.getState().running).toBe(false);
  });

  it('dispose ends the worker; the next start makes a new one and a new run', () => {
    const { store, workers } = setup();
    const settings = { ...lessonSettings(), episodes: 60 };
    store.getState().start(settings);
    store.getState().dispose();
    expect(workers[0]!.terminated).toBe(true);
    store.getState().start(settings);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent.map((c) => c.type)).toEqual(['set-speed', 'init', 'play']);
  });
});
