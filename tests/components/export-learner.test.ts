/**
 * The run JSON carries the algorithm, the learner's options and their live changes, and the file
 * replays bit for bit; an export made before the picker (no algorithm, no learner) still imports.
 */
import { describe, expect, it } from 'vitest';
import { runJson, type RunExport } from '../../src/components/dock/io/export-data';
import { parseRunRecord, replayRun } from '../../src/rl/replay';
import { createLabStore, lessonSettings } from '../../src/store/lab-store';
import { setLearnerOptions } from '../../src/store/lab/learner-actions';
import { createInProcessWorker, type InProcessWorker } from '../store/in-process-worker';

describe('exporting a run of a picked algorithm whose options changed while it trained', () => {
  it('writes the algorithm, the options and the changes, and the file replays bit for bit', () => {
    let worker: InProcessWorker | null = null;
    const store = createLabStore({
      settings: {
        ...lessonSettings('4x4', 3),
        algorithm: 'q-lambda',
        learner: { initialQ: 0.2 },
      },
      speed: 20_000,
      createWorker: () => (worker = createInProcessWorker()),
    });
    const train = (frames: number) => {
      for (let i = 0; i < frames; i++) {
        worker!.endpoint.advance(20);
        store.getState().snapshotDrawn();
      }
    };
    store.getState().play();
    train(3);
    setLearnerOptions(store, { lambda: 0.4, exploration: 'softmax' });
    train(3);
    store.getState().pause();
    store.getState().snapshotDrawn();
    const { snapshot, env, record, params, frames, history } = store.getState();
    const run = JSON.parse(
      runJson({
        settings: record!.settings,
        changes: record!.changes,
        params,
        env: env!,
        counters: snapshot!,
        tables: snapshot!,
        frames,
        history,
      }),
    ) as RunExport;
    expect(run.settings.algorithm).toBe('q-lambda');
    expect(run.settings.learner).toEqual({ initialQ: 0.2 });
    expect(run.changes!.map((c) => c.learner)).toEqual([{ lambda: 0.4, exploration: 'softmax' }]);
    const parsed = parseRunRecord(run);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    const agent = replayRun(parsed.record);
    expect(agent.totalSteps).toBe(snapshot!.totalSteps);
    expect(Array.from(agent.q).every((x, i) => Object.is(x, snapshot!.q[i]))).toBe(true);
    store.getState().dispose();
  });

  it('an export without algorithm or learner imports as the lesson’s Q-learning', () => {
    const old = JSON.parse(
      JSON.stringify({ settings: lessonSettings('4x4', 9), changes: [], totalSteps: 500 }),
    ) as unknown;
    const parsed = parseRunRecord(old);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    expect(parsed.record.settings).toEqual(lessonSettings('4x4', 9));
    expect(replayRun(parsed.record).totalSteps).toBe(500);
  });
});
