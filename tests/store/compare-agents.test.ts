import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { trainAlgorithm } from '../../src/rl/training';
import { createCompareStore } from '../../src/store/compare-store';
import { lessonSettings } from '../../src/store/lab-store';
import {
  createInProcessCompareWorker,
  type InProcessCompareWorker,
} from './in-process-compare-worker';

function setup() {
  const workers: InProcessCompareWorker[] = [];
  const store = createCompareStore({
    createWorker: () => {
      const w = createInProcessCompareWorker();
      workers.push(w);
      return w;
    },
  });
  const runToIdle = () => {
    const w = workers.at(-1)!;
    for (let i = 0; i < 100_000 && w.endpoint.pending() > 0; i++) {
      w.endpoint.runNext();
      store.getState().snapshotDrawn();
    }
  };
  return { store, workers, runToIdle };
}

describe('compare store: two to four agents', () => {
  it('adds agents with algorithms not yet compared, up to four; removes down to two', () => {
    const { store } = setup();
    const s = () => store.getState();
    s().addAgent();
    s().addAgent();
    expect(s().algorithms).toEqual(['q-learning', 'sarsa', 'expected-sarsa', 'double-q-learning']);
    s().addAgent();
    expect(s().algorithms).toHaveLength(4);
    s().removeAgent(1);
    expect(s().algorithms).toEqual(['q-learning', 'expected-sarsa', 'double-q-learning']);
    s().removeAgent(0);
    s().removeAgent(0);
    expect(s().algorithms).toEqual(['expected-sarsa', 'double-q-learning']);
    s().setAlgorithm(5, 'dyna-q');
    expect(s().algorithms).toEqual(['expected-sarsa', 'double-q-learning']);
  });

  it('trains three agents to the budget, each Q the core’s, one curve per agent', () => {
    const { store, runToIdle } = setup();
    const settings = { ...lessonSettings('4x4', 3), episodes: 120 };
    store.getState().addAgent();
    store.getState().setAlgorithm(2, 'dyna-q');
    store.getState().setSpeed('max');
    store.getState().start(settings);
    runToIdle();
    const s = store.getState();
    expect(s.runAlgorithms).toEqual(['q-learning', 'sarsa', 'dyna-q']);
    expect(s.episodes).toEqual([120, 120, 120]);
    expect(s.curves).toHaveLength(3);
    const env = createEnv({ map: settings.map });
    const core = trainAlgorithm(env, 'dyna-q', settings.params, 3, 120);
    expect([...s.snapshot!.agents[2]!.q]).toEqual([...core.q]);
    // A different list of agents makes Start begin a fresh run rather than resume this one.
    store.getState().removeAgent(2);
    store.getState().start(settings);
    runToIdle();
    expect(store.getState().runAlgorithms).toEqual(['q-learning', 'sarsa']);
  });
});
