/**
 * The lab worker trains any algorithm: a live run driven by Step commands with slider and option
 * changes records exactly what `replayRun` needs, and the record replays in the worker to the
 * identical Q, ε and step count at two different cadences. Its snapshots carry the algorithm and
 * copies of only the memory that algorithm keeps.
 */
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, type Algorithm } from '../../src/rl/algorithms/registry';
import { replayRun } from '../../src/rl/replay';
import { lessonSettings } from '../../src/shared/lesson-run';
import type { Snapshot, TrainerCommand } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { algorithmRecord } from '../rl/algorithm-record';
import { createFakeEndpoint } from './fake-endpoint';

const bits = (a: ArrayLike<number>) => Array.from(new Uint32Array(Float64Array.from(a).buffer));

function setup(chunkSteps = 1000) {
  const port = createFakeEndpoint(1000, 1);
  const trainer = createTrainer(port, { chunkSteps });
  const send = (c: TrainerCommand) => trainer.handle(structuredClone(c));
  const snap = (): Snapshot => {
    send({ type: 'request-snapshot' });
    return port.lastSnapshot();
  };
  return { port, send, snap };
}

describe('the lab worker with any algorithm', () => {
  it.each(ALGORITHMS)(
    '%s: a live run with changes records its changes and replays bit for bit',
    (algorithm) => {
      const record = algorithmRecord(algorithm);
      const live = setup();
      live.send({ type: 'init', settings: record.settings });
      for (const change of record.changes) {
        // Whole episodes while they fit, then single steps to the change's step.
        let s = live.snap();
        while (s.totalSteps < change.atStep) {
          live.send({ type: change.atStep - s.totalSteps > 100 ? 'step-episode' : 'step' });
          s = live.snap();
          if (s.totalSteps > change.atStep) throw new Error('overshot: shorten the episodes');
        }
        live.send({ type: 'set-params', params: change.params });
        live.send({ type: 'set-learner', options: change.learner! });
      }
      while (live.snap().totalSteps < record.totalSteps) live.send({ type: 'step' });
      const s = live.snap();
      const core = replayRun(record);
      expect(bits(s.q)).toEqual(bits(core.q));
      expect(s.epsilon).toBe(core.epsilon);
      expect(s.algorithm).toBe(algorithm);
      // The record the page keeps: the start and every change, at its step.
      const applied = live.port.events('params-applied').map((e) => e.change);
      const expected = record.changes.flatMap(({ atStep, params, learner }) => [
        { atStep, params },
        { atStep, params: {}, learner },
      ]);
      expect(applied).toEqual(expected);

      // Replayed in the worker at two cadences: the same numbers as the core.
      for (const chunkSteps of [7, 1000]) {
        const other = setup(chunkSteps);
        other.send({ type: 'replay', record });
        other.port.runAll();
        const r = other.snap();
        expect(r.totalSteps).toBe(record.totalSteps);
        expect(bits(r.q)).toEqual(bits(core.q));
        expect(r.epsilon).toBe(core.epsilon);
        expect(other.port.events('ready')[0]!.settings.algorithm).toBe(algorithm);
      }
    },
  );

  it('Play trains any algorithm to its budget, with frames and the episode ring', () => {
    const { port, send, snap } = setup();
    send({
      type: 'init',
      settings: {
        ...lessonSettings('4x4', 2),
        algorithm: 'monte-carlo',
        episodes: 300,
        frameInterval: 100,
      },
    });
    send({ type: 'play' });
    port.runAll();
    const s = snap();
    expect(s.finished).toBe(true);
    expect(s.episode).toBe(300);
    const frames = port.snapshots().flatMap((x) => x.frames.map((f) => f.episode));
    expect(frames).toEqual([0, 100, 200, 299]);
    const episodes = port.snapshots().reduce((n, x) => n + x.episodes.returns.length, 0);
    expect(episodes).toBe(300);
  });

  it('refuses a bad live option or a start-only one, and changes nothing', () => {
    const { port, send, snap } = setup();
    send({ type: 'init', settings: { ...lessonSettings('4x4', 2), algorithm: 'sarsa-lambda' } });
    send({ type: 'step' });
    port.clearPosted();
    send({ type: 'set-learner', options: { lambda: 1.5 } });
    send({ type: 'set-learner', options: { initialQ: 1 } } as unknown as TrainerCommand);
    expect(port.events('error').map((e) => e.message)).toEqual([
      expect.stringMatching(/^Trace decay λ must be /),
      '"initialQ" cannot change during a run; it takes a new run.',
    ]);
    expect(port.events('params-applied')).toEqual([]);
    expect(snap().totalSteps).toBe(1);
  });

  it('refuses an init with an unknown algorithm or a bad option, naming them', () => {
    const { port, send } = setup();
    send({
      type: 'init',
      settings: {
        ...lessonSettings('4x4'),
        algorithm: 'td-zero' as Algorithm,
        learner: { planningSteps: 1.5 },
      },
    });
    expect(port.events('ready')).toEqual([]);
    const [error] = port.events('error');
    expect(error!.message).toMatch(/Algorithm must be one of q-learning, .*got "td-zero"\./);
    expect(error!.message).toMatch(/Planning steps n must be a whole number/);
  });
});

describe('the snapshot carries the algorithm and its memory, as copies', () => {
  const memoryOf = (algorithm: Algorithm) => {
    const { port, send } = setup();
    send({ type: 'init', settings: { ...lessonSettings('4x4', 4), algorithm } });
    send({ type: 'step-episode' });
    send({ type: 'step-episode' });
    send({ type: 'request-snapshot' });
    const posted = port.posted.filter((p) => p.event.type === 'snapshot').at(-1)!;
    const snapshot = (posted.event as { snapshot: Snapshot }).snapshot;
    return { snapshot, transfer: posted.transfer };
  };

  it('Q-learning, SARSA and Expected SARSA keep nothing beyond Q', () => {
    for (const algorithm of ['q-learning', 'sarsa', 'expected-sarsa'] as const) {
      const { snapshot } = memoryOf(algorithm);
      expect(snapshot.algorithm).toBe(algorithm);
      expect('memory' in snapshot).toBe(false);
    }
  });

  it("Double Q's two tables, whose mean is Q", () => {
    const { snapshot, transfer } = memoryOf('double-q-learning');
    const [q1, q2] = snapshot.memory!.tables!;
    expect(Object.keys(snapshot.memory!)).toEqual(['tables']);
    snapshot.q.forEach((q, i) => expect(q).toBe((q1![i]! + q2![i]!) / 2));
    expect(transfer).toContain(q1!.buffer);
    expect(transfer).toContain(q2!.buffer);
  });

  it("SARSA(λ)'s traces, Dyna-Q's model, Monte Carlo's return", () => {
    const traces = memoryOf('sarsa-lambda');
    expect(Object.keys(traces.snapshot.memory!)).toEqual(['traces']);
    expect(traces.snapshot.memory!.traces!.length).toBe(64);
    expect(traces.transfer).toContain(traces.snapshot.memory!.traces!.buffer);

    const { model } = memoryOf('dyna-q').snapshot.memory!;
    const steps = memoryOf('dyna-q').snapshot.totalSteps;
    // Every real step is one observation, and n = 5 planning updates follow it.
    expect(model!.counts.reduce((a, b) => a + b, 0)).toBe(steps);
    expect(model!.planningUpdates).toBe(5 * steps);

    const mc = memoryOf('monte-carlo').snapshot;
    expect(mc.memory!.returns!.updates).toBe(mc.previous!.actions.length);
    // G₀ with the lesson's rewards: γ^(T−1) if the episode reached the goal, else 0.
    const T = mc.previous!.actions.length;
    const reached = mc.previous!.rewards[T - 1] === 1;
    expect(mc.memory!.returns!.lastReturn).toBeCloseTo(reached ? 0.99 ** (T - 1) : 0, 12);
  });
});
