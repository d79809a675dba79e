/** The lab store's live change of rewards and success rate, through an in-process worker. */
import { describe, expect, it } from 'vitest';
import { replayRun } from '../../src/rl/replay';
import { labWithWorkers } from './lab-with-workers';

describe('lab store: setEnv', () => {
  it('changes the rewards at the next step, and the settings, env facts and record follow', () => {
    const { store } = labWithWorkers();
    store.getState().step();
    store.getState().setEnv({ rewardSchedule: [1, -1, -0.01] });
    const s = store.getState();
    expect(s.settings.rewardSchedule).toEqual([1, -1, -0.01]);
    expect(s.env!.rewardSchedule).toEqual([1, -1, -0.01]);
    expect(s.record!.changes).toEqual([
      { atStep: 1, params: {}, env: { rewardSchedule: [1, -1, -0.01] } },
    ]);
    expect(s.optimum!.q.some((x) => x < 0)).toBe(true); // Q* of the new schedule
  });

  it('a run changed along the way replays from the store’s record bit for bit', () => {
    const { store } = labWithWorkers();
    const act = (n: number) => {
      for (let i = 0; i < n; i++) {
        store.getState().step();
        store.getState().snapshotDrawn();
      }
    };
    act(40);
    store.getState().setEnv({ successRate: 0.8 });
    act(25);
    store.getState().setEnv({ rewardSchedule: [2, -1, 0] });
    act(10);
    const s = store.getState();
    const replayed = replayRun({ ...s.record!, totalSteps: s.totalSteps });
    expect(Array.from(replayed.q)).toEqual(Array.from(s.snapshot!.q));
    expect(s.settings.successRate).toBe(0.8);
  });

  it('a bad change is refused with a notice and changes nothing', () => {
    const { store } = labWithWorkers();
    const before = store.getState().settings;
    store.getState().setEnv({ rewardSchedule: [1, 0, 1000] });
    const s = store.getState();
    expect(s.notices.at(-1)!.text).toBe(
      'Reward for a frozen tile must be from -100 to 100; got 1000.',
    );
    expect(s.settings).toEqual(before);
    expect(s.record!.changes).toEqual([]);
  });
});
