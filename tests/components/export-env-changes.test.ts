/** The run JSON carries the reward schedule and the live changes of rewards and ice, and replays. */
import { describe, expect, it } from 'vitest';
import { runJson, type RunExport } from '../../src/components/dock/io/export-data';
import { parseRunRecord, replayRun } from '../../src/rl/replay';
import { createLabStore, lessonSettings } from '../../src/store/lab-store';
import { createInProcessWorker, type InProcessWorker } from '../store/in-process-worker';

describe('exporting a run whose rewards and ice changed while it trained', () => {
  it('writes the changes with their env part, and the file replays bit for bit', () => {
    let worker: InProcessWorker | null = null;
    const store = createLabStore({
      settings: { ...lessonSettings('4x4', 3), rewardSchedule: [1, 0, -0.001] },
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
    store.getState().setEnv({ rewardSchedule: [1, -1, -0.01] });
    train(3);
    store.getState().setEnv({ successRate: 0.8 });
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
    expect(run.settings.rewardSchedule).toEqual([1, 0, -0.001]);
    expect(run.changes!.map((c) => c.env)).toEqual([
      { rewardSchedule: [1, -1, -0.01] },
      { successRate: 0.8 },
    ]);
    const parsed = parseRunRecord(run);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    const agent = replayRun(parsed.record);
    expect(agent.totalSteps).toBe(snapshot!.totalSteps);
    expect(Array.from(agent.q).every((x, i) => Object.is(x, snapshot!.q[i]))).toBe(true);
    store.getState().dispose();
  });
});
