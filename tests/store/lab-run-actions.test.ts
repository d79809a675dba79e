/** The run slice's actions as the controls use them, through an in-process worker. */
import { describe, expect, it } from 'vitest';
import { createLabStore, lessonSettings, type WorkerPort } from '../../src/store/lab-store';
import { createInProcessWorker, type InProcessWorker } from './in-process-worker';
import { labWithWorkers } from './lab-with-workers';

/** A worker that takes every command and never answers (a real one still loading). */
function silentWorker(): WorkerPort {
  return { onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} };
}

type Lab = ReturnType<typeof labWithWorkers>;

/** Takes `n` single steps, each drawn. */
function steps(store: Lab['store'], n: number): void {
  for (let i = 0; i < n; i++) {
    store.getState().step();
    store.getState().snapshotDrawn();
  }
}

const sentTypes = (lab: Lab, type: string) =>
  lab.workers.at(-1)!.sent.filter((c) => c.type === type).length;

describe('lab store: the run’s controls', () => {
  it('before the worker answers, the run is starting, stopped, and has the settings asked for', () => {
    const settings = { ...lessonSettings(), params: { ...lessonSettings().params, alpha: 0.4 } };
    const store = createLabStore({ createWorker: silentWorker, settings });
    const s = store.getState();
    expect(s.connection).toBe('starting');
    expect(s.running).toBe(false);
    expect(s.finished).toBe(false);
    expect(s.params).toEqual(settings.params);
    expect(s.epsilon).toBe(settings.params.epsilon);
    store.getState().dispose();
  });

  it('the play button plays and pauses in turn', () => {
    const lab = labWithWorkers();
    const { store, workers } = lab;
    store.getState().setSpeed(1000);
    store.getState().togglePlay();
    workers[0]!.endpoint.advance(20);
    store.getState().snapshotDrawn();
    expect(store.getState().running).toBe(true);
    store.getState().togglePlay();
    store.getState().snapshotDrawn();
    expect(store.getState().running).toBe(false);
    expect(sentTypes(lab, 'play')).toBe(1);
    expect(sentTypes(lab, 'pause')).toBe(1);
    store.getState().dispose();
  });

  it('one episode at a time: each press ends exactly one more episode', () => {
    const { store } = labWithWorkers();
    store.getState().stepEpisode();
    store.getState().snapshotDrawn();
    expect(store.getState().episode).toBe(1);
    store.getState().stepEpisode();
    store.getState().snapshotDrawn();
    expect(store.getState().episode).toBe(2);
    store.getState().dispose();
  });

  it('a new run after a finished one is stopped and not finished', () => {
    const { store, workers } = labWithWorkers();
    store.getState().setSpeed('max');
    store.getState().play();
    workers[0]!.endpoint.runAll();
    store.getState().snapshotDrawn();
    expect(store.getState().finished).toBe(true);
    // What the page draws when the new run is ready, before its first picture arrives.
    const atReady: { running: boolean; finished: boolean }[] = [];
    store.subscribe((s, prev) => {
      if (s.runId !== prev.runId) atReady.push({ running: s.running, finished: s.finished });
    });
    store.getState().reset();
    expect(store.getState()).toMatchObject({ finished: false, running: false, episode: 0 });
    store.getState().setSpeed(1000);
    store.getState().play();
    workers[0]!.endpoint.advance(20);
    store.getState().snapshotDrawn();
    expect(store.getState().running).toBe(true);
    store.getState().reset();
    expect(store.getState().running).toBe(false);
    expect(atReady).toEqual([
      { running: false, finished: false },
      { running: false, finished: false },
    ]);
    store.getState().dispose();
  });

  it('a slider change shows at once; ε follows its own slider only', () => {
    const { store } = labWithWorkers();
    steps(store, 40);
    const decayed = store.getState().epsilon;
    expect(store.getState().setParams({ alpha: 0.2 })).toBe(true);
    expect(store.getState().params.alpha).toBe(0.2);
    expect(store.getState().settings.params.alpha).toBe(0.2);
    expect(store.getState().epsilon).toBe(decayed);
    expect(store.getState().setParams({ epsilon: 0.5 })).toBe(true);
    expect(store.getState().epsilon).toBe(0.5);
    expect(store.getState().params.epsilon).toBe(0.5);
    expect(store.getState().settings.params).toMatchObject({ alpha: 0.2, epsilon: 0.5 });
    store.getState().dispose();
  });

  it('two bad slider values are refused in one error notice naming both', () => {
    const { store } = labWithWorkers();
    expect(store.getState().setParams({ alpha: 2, gamma: 1.5 })).toBe(false);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.text).toMatch(/^Learning rate α.*\. Discount γ.*\.$/);
    store.getState().dispose();
  });

  it('full speed and a speed in range are sent; one out of range is refused, pointing to full speed', () => {
    const lab = labWithWorkers();
    const { store } = lab;
    const before = sentTypes(lab, 'set-speed');
    store.getState().setSpeed('max');
    expect(store.getState().speed).toBe('max');
    store.getState().setSpeed(250);
    expect(store.getState().speed).toBe(250);
    expect(sentTypes(lab, 'set-speed')).toBe(before + 2);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(250);
    expect(sentTypes(lab, 'set-speed')).toBe(before + 2);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.text).toMatch(/^Speed \(steps per second\).* Or choose full speed\.$/);
    store.getState().dispose();
  });

  it('settings out of their limits are refused in an error notice, and no run is built', () => {
    const lab = labWithWorkers();
    const { store } = lab;
    const before = sentTypes(lab, 'init');
    const bad = {
      ...lessonSettings(),
      episodes: 0,
      params: { ...lessonSettings().params, alpha: 2 },
    };
    expect(store.getState().applySettings(bad)).toBe(false);
    expect(sentTypes(lab, 'init')).toBe(before);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect(notice.text).toMatch(/^Episodes must be .*\. Learning rate α/);
    store.getState().dispose();
  });

  it('settings with no map name came from the editor: the map is custom', () => {
    const { store } = labWithWorkers();
    expect(store.getState().applySettings({ ...lessonSettings(), seed: 2 })).toBe(true);
    expect(store.getState().mapName).toBe('custom');
    store.getState().dispose();
  });

  it('an imported run is on a custom map', () => {
    const { store } = labWithWorkers();
    store.getState().replay({ settings: lessonSettings('8x8'), changes: [], totalSteps: 10 });
    expect(store.getState().mapName).toBe('custom');
    expect(store.getState().env?.nS).toBe(64);
    store.getState().dispose();
  });

  it('a lesson’s settings after another algorithm say so and go back to Q-learning', () => {
    const { store } = labWithWorkers();
    store.getState().applySettings({ ...lessonSettings(), algorithm: 'sarsa' }, '4x4');
    expect(store.getState().notices).toEqual([]);
    store.getState().applySettings(lessonSettings(), '4x4');
    expect(store.getState().notices.at(-1)).toMatchObject({
      kind: 'info',
      text: "Back to q-learning, the lesson's algorithm (not sarsa).",
    });
    store.getState().dispose();
  });

  it('no such notice when the algorithm was Q-learning, or when the new settings name one', () => {
    const { store } = labWithWorkers();
    store.getState().applySettings(lessonSettings(), '4x4');
    store.getState().applySettings({ ...lessonSettings(), algorithm: 'q-learning' }, '4x4');
    store.getState().applySettings(lessonSettings(), '4x4');
    store.getState().applySettings({ ...lessonSettings(), algorithm: 'sarsa' }, '4x4');
    store.getState().applySettings({ ...lessonSettings(), algorithm: 'expected-sarsa' }, '4x4');
    expect(store.getState().notices).toEqual([]);
    store.getState().dispose();
  });

  it('a frame interval out of range is refused as an error', () => {
    const { store } = labWithWorkers();
    expect(store.getState().setFrameInterval(0)).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error' });
    expect(store.getState().notices.at(-1)!.text).toMatch(/^Frame interval/);
    store.getState().dispose();
  });

  it('a worker that fails at its first command restarts the run asked for at step 0, said as information', () => {
    const workers: InProcessWorker[] = [];
    const store = createLabStore({
      settings: { ...lessonSettings(), seed: 9 },
      createWorker: () => {
        const w = createInProcessWorker();
        if (workers.length === 0) {
          // It fails on the run it is asked to build.
          const post = w.postMessage.bind(w);
          w.postMessage = (c) => {
            if (c.type === 'init') w.crash('out of memory');
            post(c);
          };
        }
        workers.push(w);
        return w;
      },
    });
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().snapshot).toBeNull();
    store.getState().notices.at(-1)!.action!.run();
    expect(store.getState().connection).toBe('ready');
    expect(store.getState().settings.seed).toBe(9);
    expect(store.getState().notices.at(-1)).toMatchObject({
      kind: 'info',
      text: 'The worker was restarted and the run replayed to step 0.',
    });
    store.getState().dispose();
  });

  it('dispose ends the worker', () => {
    const { store, workers } = labWithWorkers();
    store.getState().dispose();
    expect(workers[0]!.terminated).toBe(true);
  });
});
