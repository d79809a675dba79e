/**
 * The objectives' numbers are never stale: whenever the loop is not running (pause, step, step
 * episode, the end of the budget), the snapshot's exact evaluation is of the current greedy
 * policy and dated to the current episode, and the worker's speed reads 0; and a page that
 * follows a run learns of its end at once.
 */
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { LESSON_PARAMS } from '../../src/rl/params';
import type { CompareCommand, CompareEvent } from '../../src/worker/compare-protocol';
import { createCompareTrainer } from '../../src/worker/compare-trainer';
import type { RunSettings, Snapshot, TrainerCommand } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint, createFakePort } from './fake-endpoint';

const MAP_4X4 = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];

/** The lesson's 4x4 run, `episodes` long. */
function lessonSettings(episodes: number): RunSettings {
  return {
    map: MAP_4X4,
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: 100,
    seed: 0,
    episodes,
    frameInterval: 1000,
    params: { ...LESSON_PARAMS },
  };
}

/**
 * A corridor S F F G without slipping: the greedy policy settles on Right within a few episodes
 * and never changes after, so an evaluation kept from then would be dated long before the end.
 */
function corridorSettings(episodes: number): RunSettings {
  return {
    ...lessonSettings(episodes),
    map: ['SFFG'],
    isSlippery: false,
    maxSteps: 20,
    params: { ...LESSON_PARAMS, epsilonDecay: 0.001 },
  };
}

function start(settings: RunSettings, tick = 0.5) {
  const port = createFakeEndpoint(1000, tick);
  const trainer = createTrainer(port);
  const send = (command: TrainerCommand) => trainer.handle(command);
  send({ type: 'init', settings });
  const env = createEnv({
    map: settings.map,
    isSlippery: settings.isSlippery,
    maxSteps: settings.maxSteps,
  });
  return {
    port,
    send,
    /** Plays to the end of the budget, asking for a snapshot after each slice as the page does. */
    playToEnd() {
      send({ type: 'play' });
      while (port.pending() > 0) {
        port.runNext();
        send({ type: 'request-snapshot' });
      }
    },
    /** Asks for a snapshot and returns the latest one. */
    snap(): Snapshot {
      send({ type: 'request-snapshot' });
      return port.lastSnapshot();
    },
    /** The evaluation a snapshot must carry when nothing is stale. */
    expectExactNow(s: Snapshot) {
      const e = evaluateGreedy(env, s.q, settings.maxSteps);
      expect(s.evaluation).toEqual({
        successProbability: e.successProbability,
        expectedLength: e.expectedLength,
        expectedStepsToGoal: e.expectedStepsToGoal,
        episode: s.episode,
      });
    },
  };
}

describe('the exact evaluation off the loop', () => {
  it('when the run finishes, is dated to the last episode even if the policy settled long before', () => {
    // 4 ms per clock read: two 4096-step calls per slice, a snapshot after each slice.
    const h = start(corridorSettings(30_000), 4);
    h.playToEnd();
    const s = h.snap();
    expect(s.finished).toBe(true);
    expect(s.episode).toBe(30_000);
    expect(s.evaluation.successProbability).toBe(1);
    h.expectExactNow(s);
  });

  it('after the lesson’s whole run, is the final policy’s at the final episode', () => {
    const h = start(lessonSettings(10_000), 2);
    h.playToEnd();
    const s = h.snap();
    expect(s.finished).toBe(true);
    h.expectExactNow(s);
  });

  it('step episode after the end refreshes it (new episode, new date)', () => {
    const h = start(corridorSettings(30_000), 4);
    h.playToEnd();
    for (let i = 1; i <= 3; i++) {
      h.send({ type: 'step-episode' });
      const s = h.snap();
      expect(s.episode).toBe(30_000 + i);
      h.expectExactNow(s);
    }
  });

  it('each step refreshes it, also when a step changes the greedy policy', () => {
    const h = start(lessonSettings(10_000));
    let changes = 0;
    let before = h.port.lastSnapshot();
    for (let i = 0; i < 400; i++) {
      h.send({ type: 'step' });
      const s = h.snap();
      if (s.greedyMask.some((m, k) => m !== before.greedyMask[k])) changes++;
      h.expectExactNow(s);
      before = s;
    }
    expect(changes).toBeGreaterThan(5);
  });

  it('pause makes it exact for the Q paused at, whatever the running snapshots carried', () => {
    const h = start(lessonSettings(100_000), 1);
    h.send({ type: 'play' });
    for (let i = 0; i < 30; i++) {
      h.port.advance(20);
      h.snap();
    }
    h.send({ type: 'pause' });
    const s = h.snap();
    expect(s.running).toBe(false);
    expect(s.episode).toBeGreaterThan(0);
    h.expectExactNow(s);
  });
});

describe('the worker speed off the loop', () => {
  it('reads the speed while running and 0 in the snapshot that says the run finished', () => {
    const h = start(lessonSettings(100_000), 0.5);
    h.send({ type: 'play' });
    h.port.advance(100);
    const running = h.snap();
    expect(running.running).toBe(true);
    expect(running.stats.stepsPerSecond).toBeGreaterThan(0);
    h.port.runAll();
    const end = h.snap();
    expect(end.finished).toBe(true);
    expect(end.running).toBe(false);
    expect(end.stats.stepsPerSecond).toBe(0);
  });

  it('reads 0 after a step or a step episode that interrupted a running loop', () => {
    for (const type of ['step', 'step-episode'] as const) {
      const h = start(lessonSettings(100_000), 0.5);
      h.send({ type: 'play' });
      h.port.advance(100);
      expect(h.snap().stats.stepsPerSecond).toBeGreaterThan(0);
      h.send({ type });
      const s = h.snap();
      expect(s.running).toBe(false);
      expect(s.stats.stepsPerSecond).toBe(0);
    }
  });

  it('starts again from the new Play, not from the speed before the pause', () => {
    const h = start(lessonSettings(100_000), 0.5);
    h.send({ type: 'play' });
    h.port.advance(100);
    h.snap();
    h.send({ type: 'pause' });
    h.port.advance(5000);
    h.send({ type: 'set-speed', speed: 100 });
    h.send({ type: 'play' });
    h.port.advance(1000);
    // 100 steps/s over the second since Play, not diluted by the 5 s paused nor lifted by max.
    expect(h.snap().stats.stepsPerSecond).toBeCloseTo(100, -1);
  });
});

describe('the end of a Play', () => {
  it('goes out at once to a page that followed the run, without waiting for its next ask', () => {
    const h = start(lessonSettings(20_000), 2);
    h.send({ type: 'play' });
    h.port.runNext();
    // The page draws one running snapshot and asks; then it is busy (it asks only after a draw).
    const running = h.snap();
    expect(running.running).toBe(true);
    h.port.runNext();
    h.port.runNext();
    const count = h.port.snapshots().length;
    h.port.runAll();
    const posted = h.port.snapshots();
    expect(posted.length).toBeGreaterThan(count);
    const end = posted.at(-1)!;
    expect(end.finished).toBe(true);
    expect(end.running).toBe(false);
    expect(end.episode).toBe(20_000);
    expect(end.stats.stepsPerSecond).toBe(0);
    h.expectExactNow(end);
    // Its next ask finds nothing new: no second copy of the end.
    h.send({ type: 'request-snapshot' });
    expect(h.port.snapshots()).toHaveLength(posted.length);
  });

  it('waits for the ask of a page that did not follow the run (it asks when it can take it)', () => {
    const h = start(lessonSettings(20_000), 2);
    h.send({ type: 'play' });
    h.port.runAll();
    expect(h.port.lastSnapshot().running).toBe(false);
    expect(h.port.lastSnapshot().episode).toBe(0);
    expect(h.snap().finished).toBe(true);
  });
});

describe('the end of a comparison', () => {
  it('goes out at once to a page that followed it', () => {
    const port = createFakePort<CompareEvent>(1000, 2);
    const trainer = createCompareTrainer(port);
    const send = (c: CompareCommand) => trainer.handle(c);
    send({ type: 'init', settings: lessonSettings(2000), algorithms: ['q-learning', 'sarsa'] });
    send({ type: 'set-speed', speed: 'max' });
    send({ type: 'play' });
    port.runNext();
    send({ type: 'request-snapshot' });
    port.runAll();
    const end = port.events('snapshot').at(-1)!.snapshot;
    expect(end.finished).toBe(true);
    expect(end.agents.map((a) => a.episode)).toEqual([2000, 2000]);
  });
});
