import { describe, expect, it } from 'vitest';
import { gridFrame } from '../../src/components/board/grid-frame';
import { createLabStore } from '../../src/store/lab-store';
import { createInProcessWorker } from '../store/in-process-worker';

describe('gridFrame: the traces layer’s data', () => {
  const store = createLabStore({ createWorker: createInProcessWorker });
  store.getState().stepEpisode();
  const { snapshot, env, speed, optimum } = store.getState();

  it('carries no traces for a snapshot without them (the lesson’s Q-learning)', () => {
    expect(gridFrame(env!, snapshot!, speed, 0, optimum).traces).toBeUndefined();
  });

  it('hands the snapshot’s traces to the grid as they are', () => {
    const traces = new Float64Array(64).fill(0.5);
    const frame = gridFrame(env!, { ...snapshot!, memory: { traces } }, speed, 0, optimum);
    expect(frame.traces).toBe(traces);
  });
});
