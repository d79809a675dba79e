/**
 * A long import is replayed in the worker's time slices (issue 22): it reports progress, answers
 * pings meanwhile, can be cancelled with the run on screen left as it was, and ends bit for bit
 * where the core's `replayRun` does.
 */
import { describe, expect, it } from 'vitest';
import { replayRun, type RunRecord } from '../../src/rl/replay';
import { lessonSettings } from '../../src/shared/lesson-run';
import type { Snapshot, TrainerCommand } from '../../src/worker/protocol';
import { REPLAY_PROGRESS_INTERVAL_MS } from '../../src/worker/replay-job';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint } from './fake-endpoint';

const bits = (a: ArrayLike<number>) => Array.from(new Uint32Array(Float64Array.from(a).buffer));

/** 200,000 steps with a frame every episode and two slider changes on the way. */
const RECORD: RunRecord = {
  settings: { ...lessonSettings('4x4', 7), frameInterval: 1 },
  changes: [
    { atStep: 50_000, params: { alpha: 0.3 } },
    { atStep: 120_000, params: { epsilon: 0.2, gamma: 0.9 } },
  ],
  totalSteps: 200_000,
};

/** A trainer on a clock that moves 1 ms per read: a slice covers a few chunks of steps. */
function setup() {
  const port = createFakeEndpoint(1000, 1);
  const trainer = createTrainer(port, { chunkSteps: 1000 });
  const send = (c: TrainerCommand) => trainer.handle(structuredClone(c));
  const snap = (): Snapshot => {
    send({ type: 'request-snapshot' });
    return port.lastSnapshot();
  };
  send({ type: 'init', settings: lessonSettings('4x4', 1) });
  for (let i = 0; i < 9; i++) send({ type: 'step' });
  port.clearPosted();
  return { port, send, snap };
}

describe('a replay in slices', () => {
  it('reports its progress, answers a ping between slices, and ends where the core does', () => {
    const { port, send, snap } = setup();
    send({ type: 'replay', record: RECORD });
    // The first slice ran at once and did not finish: the page hears how far it got.
    expect(port.events('ready')).toHaveLength(0);
    const first = port.events('replay-progress');
    expect(first).toHaveLength(1);
    expect(first[0]!.totalSteps).toBe(200_000);
    expect(first[0]!.steps).toBeGreaterThan(0);
    expect(first[0]!.steps).toBeLessThan(200_000);

    send({ type: 'ping', id: 7 });
    expect(port.events('pong')).toEqual([{ type: 'pong', id: 7 }]);
    expect(port.events('ready')).toHaveLength(0);

    port.runAll();
    const progress = port.events('replay-progress');
    expect(progress.length).toBeGreaterThan(2);
    // Rising, and spaced by the interval on the worker's clock.
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.steps).toBeGreaterThan(progress[i - 1]!.steps);
    expect(port.events('ready')).toHaveLength(1);
    const core = replayRun(RECORD);
    const s = snap();
    expect(s.totalSteps).toBe(200_000);
    expect(bits(s.q)).toEqual(bits(core.q));
    expect(s.epsilon).toBe(core.epsilon);
    expect(port.events('ready')[0]!.record.changes).toEqual(RECORD.changes);
  });

  it('spaces its progress reports by REPLAY_PROGRESS_INTERVAL_MS', () => {
    const { port, send } = setup();
    const times: number[] = [];
    const post = port.post.bind(port);
    port.post = (event, transfer) => {
      if (event.type === 'replay-progress') times.push(port.time);
      post(event, transfer);
    };
    send({ type: 'replay', record: RECORD });
    port.runAll();
    expect(times.length).toBeGreaterThan(1);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(REPLAY_PROGRESS_INTERVAL_MS);
  });

  it('cancel drops it: no ready, and the run on screen is as it was before the import', () => {
    const { port, send, snap } = setup();
    const before = snap();
    send({ type: 'replay', record: RECORD });
    port.runNext();
    send({ type: 'cancel-replay' });
    const [cancelled] = port.events('replay-cancelled');
    expect(cancelled!.totalSteps).toBe(200_000);
    expect(cancelled!.steps).toBeGreaterThan(0);
    expect(cancelled!.steps).toBeLessThan(200_000);
    port.runAll();
    expect(port.events('ready')).toHaveLength(0);
    const after = snap();
    expect(after.runId).toBe(before.runId);
    expect(after.totalSteps).toBe(9);
    expect(bits(after.q)).toEqual(bits(before.q));
    // The run on screen goes on.
    send({ type: 'step' });
    expect(snap().totalSteps).toBe(10);
    // Nothing to cancel any more: no answer.
    send({ type: 'cancel-replay' });
    expect(port.events('replay-cancelled')).toHaveLength(1);
  });

  it('a new run asked for during a replay replaces it', () => {
    const { port, send, snap } = setup();
    send({ type: 'replay', record: RECORD });
    send({ type: 'init', settings: lessonSettings('8x8', 2) });
    port.runAll();
    expect(port.events('ready')).toHaveLength(1);
    expect(snap().totalSteps).toBe(0);
    expect(port.events('ready')[0]!.env.nrow).toBe(8);
  });
});
