import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { createAgent, type QAgent, setParams } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runEpisodes, runSteps } from '../../src/rl/fast-loop';
import type { RunSettings, Snapshot, TrainerCommand } from '../../src/worker/protocol';
import { PENDING_EPISODES_CAPACITY } from '../../src/worker/episode-ring';
import { SLICE_MS, type TrainerOptions } from '../../src/worker/slice-loop';
import { SNAPSHOT_INTERVAL_MS } from '../../src/worker/snapshot-gate';
import { createTrainer, type Trainer } from '../../src/worker/trainer';
import optimal4x4 from '../fixtures/optimal-4x4-slippery.json';
import { createFakeEndpoint, type FakeEndpoint } from './fake-endpoint';
import { lessonSettings } from './lesson-settings';

const MAP_4X4 = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];
const MAP_8X8 = [
  'SFFFFFFF',
  'FFFFFFFF',
  'FFFHFFFF',
  'FFFFFHFF',
  'FFFHFFFF',
  'FHHFFFHF',
  'FHFFHFHF',
  'FFFHFFFG',
];

/** The lesson's run on the 4x4 map, with a test's changes. */
const settingsFor = lessonSettings;

/** The same run driven directly through rl/, as the reference. */
function directAgent(settings: RunSettings): QAgent {
  const env = createEnv({
    map: settings.map,
    isSlippery: settings.isSlippery,
    successRate: settings.successRate,
    maxSteps: settings.maxSteps,
  });
  return createAgent(env, settings.params, settings.seed);
}

/** The bits of a float array, so equality means bit-identical (−0, NaN included). */
function bits(a: Float64Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));
}

interface Harness {
  port: FakeEndpoint;
  trainer: Trainer;
  send(command: TrainerCommand): void;
  /** Asks for a snapshot and returns the one posted in answer (throws if none). */
  snap(): Snapshot;
}

function harness(options: Partial<TrainerOptions> = {}, tick = 0): Harness {
  const port = createFakeEndpoint(1000, tick);
  const trainer = createTrainer(port, options);
  const send = (command: TrainerCommand): void => trainer.handle(command);
  return {
    port,
    trainer,
    send,
    snap() {
      const before = port.snapshots().length;
      send({ type: 'request-snapshot' });
      const all = port.snapshots();
      if (all.length !== before + 1) throw new Error('The request was not answered at once.');
      return all[all.length - 1]!;
    },
  };
}

function started(settings = settingsFor(), options: Partial<TrainerOptions> = {}, tick = 0) {
  const h = harness(options, tick);
  h.send({ type: 'init', settings });
  return h;
}

function errors(port: FakeEndpoint): string[] {
  return port.events('error').map((e) => e.message);
}

describe('init', () => {
  it('answers ready, then a snapshot with Q = 0 and every action tied', () => {
    const { port } = started();
    expect(port.posted.map((p) => p.event.type)).toEqual(['ready', 'snapshot']);
    const [ready] = port.events('ready');
    expect(ready!.runId).toBe(1);
    expect(ready!.env).toMatchObject({ nrow: 4, ncol: 4, nS: 16, start: 0, maxSteps: 100 });
    expect(ready!.settings.map).toEqual(MAP_4X4);
    // The optimum for γ = 0.99 is Gymnasium's (fixture from value iteration in NumPy).
    expect(ready!.optimum.gamma).toBe(0.99);
    ready!.optimum.v.forEach((v, s) => expect(v).toBeCloseTo(optimal4x4.V[s]!, 10));
    expect(ready!.optimum.bestWithinLimit).toBeGreaterThanOrEqual(
      ready!.optimum.successProbability - 1e-12,
    );

    const s = port.lastSnapshot();
    expect(s.runId).toBe(1);
    expect(s.running).toBe(false);
    expect(s.finished).toBe(false);
    expect(s.episode).toBe(0);
    expect(s.totalSteps).toBe(0);
    expect(s.epsilon).toBe(1);
    expect(s.q).toHaveLength(64);
    expect([...s.q].every((x) => x === 0)).toBe(true);
    expect([...s.v].every((x) => x === 0)).toBe(true);
    expect([...s.advantage].every((x) => x === 0)).toBe(true);
    expect([...s.greedyMask]).toEqual(new Array(16).fill(0b1111));
    expect(s.last).toBeNull();
    expect(s.previous).toBeNull();
    expect(s.current.length).toBe(0);
    expect([...s.current.states]).toEqual([0]);
    expect(s.episodes.returns).toHaveLength(0);
    expect(s.stats.recentSuccessRate).toBeNaN();
    expect(s.stats.window).toBe(0);
    // At Q = 0 the greedy policy is all-Left (first of the ties): it slips down the left
    // column into the hole at row 4 and never reaches the goal.
    const allLeft = evaluateGreedy(createEnv({ map: MAP_4X4 }), new Float64Array(64), 100);
    expect(s.evaluation).toEqual({
      successProbability: 0,
      expectedLength: allLeft.expectedLength,
      expectedStepsToGoal: NaN,
      episode: 0,
    });
  });

  it('rejects a bad map with an error and leaves the paused run as it was', () => {
    const h = started();
    for (let i = 0; i < 3; i++) h.send({ type: 'step' });
    const before = h.snap();
    h.port.clearPosted();

    h.send({ type: 'init', settings: settingsFor({ map: ['SFFX', 'FHFH', 'FFFH', 'HFFG'] }) });
    expect(h.port.posted.map((p) => p.event.type)).toEqual(['error']);
    expect(errors(h.port)[0]).toMatch(/Unknown tile "X" at row 1, column 4/);
    expect(h.port.events('error')[0]!.fatal).toBe(false);

    h.send({ type: 'step' });
    const after = h.snap();
    expect(after.runId).toBe(before.runId);
    expect(after.totalSteps).toBe(4);
    const direct = directAgent(settingsFor());
    runSteps(direct, 4);
    expect(bits(after.q)).toEqual(bits(direct.q));
  });

  it('rejects a bad map while running and keeps running', () => {
    const h = started(settingsFor({ episodes: 100_000 }), {}, 1);
    h.send({ type: 'play' });
    h.port.runNext();
    h.send({ type: 'init', settings: settingsFor({ map: ['SHG'] }) });
    expect(errors(h.port)).toHaveLength(1);
    expect(errors(h.port)[0]).toMatch(/No goal G can be reached/);
    expect(h.port.pending()).toBe(1);
    h.port.advance(50);
    const a = h.snap();
    h.port.advance(50);
    const b = h.snap();
    expect(b.running).toBe(true);
    expect(b.runId).toBe(1);
    expect(b.episode).toBeGreaterThan(a.episode);
  });

  it('names every out-of-range setting at once', () => {
    const { port, trainer } = harness();
    trainer.handle({
      type: 'init',
      settings: settingsFor({
        episodes: 0,
        seed: -1,
        params: { ...LESSON_PARAMS, alpha: 0 },
      }),
    });
    expect(port.posted.map((p) => p.event.type)).toEqual(['error']);
    const [message] = errors(port);
    expect(message).toMatch(/Episodes must be/);
    expect(message).toMatch(/Seed must be/);
    expect(message).toMatch(/Learning rate α must be above 0/);
  });

  it('reports a bad number and a bad map together', () => {
    const { port, trainer } = harness();
    trainer.handle({
      type: 'init',
      settings: settingsFor({ map: ['SF', 'FF'], successRate: 2 }),
    });
    const [message] = errors(port);
    expect(message).toMatch(/no goal/);
    expect(message).toMatch(/Success rate of a move must be from 0 to 1/);
  });

  it('counts runs: each init and reset gets a new runId', () => {
    const h = started();
    h.send({ type: 'init', settings: settingsFor({ map: MAP_8X8, maxSteps: 200 }) });
    h.send({ type: 'reset' });
    expect(h.port.events('ready').map((e) => e.runId)).toEqual([1, 2, 3]);
    expect(h.port.lastSnapshot().runId).toBe(3);
    expect(h.port.lastSnapshot().q).toHaveLength(256);
  });
});

describe('step and step-episode', () => {
  it('step runs exactly one update; tdError = tdTarget − qBefore', () => {
    const h = started();
    const direct = directAgent(settingsFor());
    for (let i = 1; i <= 30; i++) {
      h.send({ type: 'step' });
      runSteps(direct, 1);
      const s = h.snap();
      expect(s.totalSteps).toBe(i);
      const last = s.last!;
      expect(last.tdError).toBe(last.tdTarget - last.qBefore);
      expect(last.tdTarget).toBe(last.reward + last.gamma * last.bootstrap);
      expect(last.qAfter).toBe(last.qBefore + last.alpha * last.tdError);
      expect(last.totalSteps).toBe(i);
      expect(last.alpha).toBe(0.1);
      expect(last.gamma).toBe(0.99);
      expect(s.q[last.state * 4 + last.action]).toBe(last.qAfter);
      expect(bits(s.q)).toEqual(bits(direct.q));
      expect(s.epsilon).toBe(direct.epsilon);
    }
  });

  it('step-episode runs to the end of the current episode, also from mid-episode', () => {
    const h = started();
    h.send({ type: 'step' });
    h.send({ type: 'step-episode' });
    const s = h.snap();
    expect(s.episode).toBe(1);
    expect(s.t).toBe(0);
    expect(s.previous!.episode).toBe(0);
    expect(s.previous!.terminated || s.previous!.truncated).toBe(true);
    expect(s.last!.terminated || s.last!.truncated).toBe(true);
    expect(s.totalSteps).toBe(s.previous!.length);
    expect(s.episodes.first).toBe(0);
    expect(s.episodes.lengths[0]).toBe(s.previous!.length);
  });

  it('step pauses a running loop first', () => {
    const h = started(settingsFor({ episodes: 100_000 }), {}, 1);
    h.send({ type: 'play' });
    h.port.advance(50);
    const total = h.snap().totalSteps;
    h.send({ type: 'step' });
    expect(h.port.pending()).toBe(0);
    const s = h.snap();
    expect(s.running).toBe(false);
    expect(s.totalSteps).toBe(total + 1);
  });
});

describe('play and pause', () => {
  it('play runs in slices and the episode count grows', () => {
    const h = started(settingsFor({ episodes: 100_000 }), {}, 1);
    h.send({ type: 'play' });
    expect(h.port.pending()).toBe(1);
    const t0 = h.port.time;
    h.port.runNext();
    // One slice lasts SLICE_MS (here: 8 reads of a clock that moves 1 ms per read).
    expect(h.port.time - t0).toBeGreaterThanOrEqual(SLICE_MS);
    expect(h.port.time - t0).toBeLessThan(SLICE_MS + 5);
    expect(h.port.pending()).toBe(1);
    let episode = 0;
    for (let i = 0; i < 5; i++) {
      h.port.advance(20);
      const s = h.snap();
      expect(s.running).toBe(true);
      expect(s.episode).toBeGreaterThan(episode);
      episode = s.episode;
    }
  });

  it('pause cancels the scheduled slice and nothing runs after it', () => {
    const h = started(settingsFor({ episodes: 100_000 }), {}, 1);
    h.send({ type: 'play' });
    h.port.runNext();
    h.port.runNext();
    h.send({ type: 'pause' });
    expect(h.port.pending()).toBe(0);
    const s = h.snap();
    expect(s.running).toBe(false);
    expect(s.stats.stepsPerSecond).toBe(0);
    h.port.advance(10_000);
    h.port.runAll();
    h.port.clearPosted();
    h.send({ type: 'request-snapshot' });
    // Nothing changed since: no new snapshot.
    expect(h.port.snapshots()).toHaveLength(0);
    h.send({ type: 'step' });
    expect(h.port.lastSnapshot().totalSteps).toBe(s.totalSteps + 1);
  });

  it('play stops by itself at the episode budget, and play again runs another budget', () => {
    const h = started(settingsFor({ episodes: 50 }), {}, 0.5);
    h.send({ type: 'play' });
    h.port.runAll();
    let s = h.snap();
    expect(s.running).toBe(false);
    expect(s.finished).toBe(true);
    expect(s.episode).toBe(50);
    expect(s.t).toBe(0);
    expect(h.port.pending()).toBe(0);

    h.send({ type: 'play' });
    expect(h.port.pending()).toBe(1);
    h.port.runAll();
    s = h.snap();
    expect(s.finished).toBe(true);
    expect(s.episode).toBe(100);

    // Stepped past a multiple: play completes the block it is in.
    for (let i = 0; i < 3; i++) h.send({ type: 'step-episode' });
    h.send({ type: 'play' });
    h.port.runAll();
    expect(h.snap().episode).toBe(150);
  });

  it('pausing mid-budget and playing again finishes the same budget', () => {
    const h = started(settingsFor({ episodes: 300 }), { chunkSteps: 64 }, 1);
    h.send({ type: 'play' });
    h.port.runNext();
    h.send({ type: 'pause' });
    expect(h.snap().episode).toBeLessThan(300);
    h.send({ type: 'play' });
    h.port.runAll();
    expect(h.snap().episode).toBe(300);
  });

  it('at 1 step/s, each second of clock runs exactly one step, narrated by a snapshot', () => {
    const h = started(settingsFor({ episodes: 100_000 }));
    h.send({ type: 'set-speed', speed: 1 });
    h.send({ type: 'play' });
    h.send({ type: 'request-snapshot' });
    h.port.advance(999);
    // The page learnt it is running; no step yet.
    expect(h.port.lastSnapshot().running).toBe(true);
    expect(h.port.lastSnapshot().totalSteps).toBe(0);
    const count = h.port.snapshots().length;
    h.send({ type: 'request-snapshot' });
    for (let i = 1; i <= 5; i++) {
      h.port.advance(i === 1 ? 1 : 1000);
      expect(h.port.snapshots()).toHaveLength(count + i);
      const s = h.port.lastSnapshot();
      expect(s.totalSteps).toBe(i);
      expect(s.last!.totalSteps).toBe(i);
      expect(s.running).toBe(true);
      h.send({ type: 'request-snapshot' });
    }
    expect(h.port.lastSnapshot().stats.stepsPerSecond).toBeCloseTo(1, 6);
  });

  it('at 250 steps/s, 2 s of clock run 500 steps', () => {
    const h = started(settingsFor({ episodes: 100_000 }));
    h.send({ type: 'set-speed', speed: 250 });
    h.send({ type: 'play' });
    for (let i = 0; i < 20; i++) h.port.advance(100);
    h.send({ type: 'pause' });
    expect(h.snap().totalSteps).toBe(500);
  });

  it('switching from a slow speed to max acts at once', () => {
    const h = started(settingsFor({ episodes: 100_000 }), {}, 1);
    h.send({ type: 'set-speed', speed: 1 });
    h.send({ type: 'play' });
    h.send({ type: 'set-speed', speed: 'max' });
    h.port.runNext();
    expect(h.snap().totalSteps).toBeGreaterThan(100);
  });

  it('rejects a speed out of range', () => {
    const h = started();
    h.send({ type: 'set-speed', speed: 0 });
    expect(errors(h.port)[0]).toMatch(/Speed \(steps per second\) must be from 1 to 1000000/);
  });
});

describe('set-params', () => {
  it('mid-run: the next update uses the new α, and Q is kept', () => {
    const settings = settingsFor({ episodes: 100_000 });
    const h = started(settings);
    h.send({ type: 'set-speed', speed: 1 });
    h.send({ type: 'play' });
    for (let i = 0; i < 20; i++) {
      h.port.advance(1000);
      h.send({ type: 'request-snapshot' });
    }
    const before = h.port.lastSnapshot();
    expect(before.totalSteps).toBe(20);
    expect(before.last!.alpha).toBe(0.1);

    h.send({ type: 'set-params', params: { alpha: 0.5 } });
    h.send({ type: 'request-snapshot' });
    h.port.advance(SNAPSHOT_INTERVAL_MS);
    const changed = h.port.lastSnapshot();
    expect(changed.seq).toBe(before.seq + 1);
    expect(changed.totalSteps).toBe(20);
    expect(changed.params.alpha).toBe(0.5);
    expect(bits(changed.q)).toEqual(bits(before.q));
    // The last update is still the one made with α = 0.1.
    expect(changed.last!.alpha).toBe(0.1);

    h.send({ type: 'request-snapshot' });
    h.port.advance(1000 - SNAPSHOT_INTERVAL_MS);
    const after = h.port.lastSnapshot();
    expect(after.totalSteps).toBe(21);
    expect(after.last!.alpha).toBe(0.5);
    expect(after.last!.qAfter - after.last!.qBefore).toBeCloseTo(0.5 * after.last!.tdError, 15);

    const direct = directAgent(settings);
    runSteps(direct, 20);
    setParams(direct, { alpha: 0.5 });
    runSteps(direct, 1);
    expect(bits(after.q)).toEqual(bits(direct.q));
  });

  it('ε in a change sets the current ε too', () => {
    const h = started();
    for (let i = 0; i < 10; i++) h.send({ type: 'step' });
    h.send({ type: 'set-params', params: { epsilon: 0.25 } });
    const s = h.snap();
    expect(s.epsilon).toBe(0.25);
    expect(s.params.epsilon).toBe(0.25);
    h.send({ type: 'reset' });
    // Reset starts from the current settings: ε = 0.25.
    expect(h.port.lastSnapshot().epsilon).toBe(0.25);
    expect(h.port.events('ready').at(-1)!.settings.params.epsilon).toBe(0.25);
  });

  it('rejects an out-of-range change as a whole, naming the parameter', () => {
    const h = started();
    h.send({ type: 'step' });
    const before = h.port.lastSnapshot();
    h.port.clearPosted();
    h.send({ type: 'set-params', params: { gamma: 0.5, alpha: 1.5 } });
    expect(h.port.posted.map((p) => p.event.type)).toEqual(['error']);
    expect(errors(h.port)[0]).toMatch(/Learning rate α must be above 0.*at most 1; got 1\.5/);
    h.send({ type: 'set-params', params: { beta: 0.5 } as never });
    expect(errors(h.port)[1]).toMatch(/Unknown setting "beta"/);
    h.send({ type: 'set-params', params: { tieBreak: 'last' } as never });
    expect(errors(h.port)[2]).toMatch(/Tie rule/);
    h.send({ type: 'step' });
    const after = h.snap();
    expect(after.params).toEqual(before.params);
    expect(after.last!.gamma).toBe(0.99);
    expect(h.port.events('optimum')).toHaveLength(0);
  });

  it('a new γ posts a new optimum', () => {
    const h = started();
    h.send({ type: 'set-params', params: { gamma: 0.9 } });
    const [optimum] = h.port.events('optimum');
    expect(optimum!.optimum.gamma).toBe(0.9);
    expect(optimum!.optimum.v[0]).toBeLessThan(h.port.events('ready')[0]!.optimum.v[0]!);
    h.send({ type: 'set-params', params: { gamma: 0.9, alpha: 0.2 } });
    expect(h.port.events('optimum')).toHaveLength(1);
  });

  it('needs a run', () => {
    const h = harness();
    h.send({ type: 'set-params', params: { alpha: 0.5 } });
    h.send({ type: 'play' });
    h.send({ type: 'step' });
    expect(errors(h.port)).toHaveLength(3);
    expect(errors(h.port)[0]).toMatch(/send "init" first/);
  });
});

describe('snapshots', () => {
  it('posts copies and transfers the copies’ buffers', () => {
    const h = started();
    const first = h.port.posted.find((p) => p.event.type === 'snapshot')!;
    const s0 = h.port.lastSnapshot();
    expect(first.transfer).toContain(s0.q.buffer);
    expect(first.transfer).toContain(s0.v.buffer);
    expect(first.transfer).toContain(s0.episodes.returns.buffer);
    expect(new Set(first.transfer).size).toBe(first.transfer.length);

    h.send({ type: 'step' });
    const s1 = h.snap();
    s1.q.fill(123);
    s1.visits.fill(7);
    h.send({ type: 'step' });
    const s2 = h.snap();
    expect(s2.q.buffer).not.toBe(s1.q.buffer);
    const direct = directAgent(settingsFor());
    runSteps(direct, 2);
    expect(bits(s2.q)).toEqual(bits(direct.q));
    expect([...s2.visits]).toEqual([...direct.visits]);
  });

  it('without a request, many slices post no snapshot; a request gets exactly one', () => {
    const h = started(settingsFor({ episodes: 1_000_000 }), {}, 1);
    h.port.clearPosted();
    h.send({ type: 'play' });
    for (let i = 0; i < 50; i++) h.port.runNext();
    expect(h.port.snapshots()).toHaveLength(0);
    h.send({ type: 'request-snapshot' });
    expect(h.port.snapshots()).toHaveLength(1);
    for (let i = 0; i < 50; i++) h.port.runNext();
    expect(h.port.snapshots()).toHaveLength(1);
    expect(h.port.pending()).toBe(1);
  });

  it('a page that always asks gets at most one snapshot per interval', () => {
    const h = started(settingsFor({ episodes: 1_000_000 }), { chunkSteps: 256 }, 0.5);
    const times: number[] = [];
    const port = h.port;
    const post = port.post;
    // The page asks again after drawing each snapshot (here: before the next slice).
    let queueAsk = true;
    port.post = (event, transfer) => {
      if (event.type === 'snapshot') {
        times.push(port.time);
        queueAsk = true;
      }
      post(event, transfer);
    };
    h.send({ type: 'play' });
    for (let i = 0; i < 200; i++) {
      port.runNext();
      if (queueAsk) {
        queueAsk = false;
        h.send({ type: 'request-snapshot' });
      }
    }
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(SNAPSHOT_INTERVAL_MS);
  });

  it('a request arriving early at a slow speed is answered when the frame interval is over', () => {
    const h = started(settingsFor({ episodes: 100_000 }));
    h.send({ type: 'set-speed', speed: 1 });
    h.send({ type: 'play' });
    h.port.advance(1000);
    expect(h.snap().totalSteps).toBe(1);
    const n = h.port.snapshots().length;
    h.send({ type: 'set-params', params: { alpha: 0.2 } }); // dirty, but the page has not asked
    h.port.advance(5);
    h.send({ type: 'request-snapshot' });
    expect(h.port.snapshots()).toHaveLength(n);
    // The next step is 1 s away, but the answer comes when the frame interval is over.
    h.port.advance(SNAPSHOT_INTERVAL_MS - 5);
    expect(h.port.snapshots()).toHaveLength(n + 1);
    expect(h.port.lastSnapshot().params.alpha).toBe(0.2);
  });

  it('the episode batches cover every episode once, in order, with the right numbers', () => {
    const settings = settingsFor({ episodes: 2000 });
    const h = started(settings, { chunkSteps: 100 }, 1);
    h.send({ type: 'play' });
    const returns: number[] = [];
    const lengths: number[] = [];
    const goals: number[] = [];
    let next = 0;
    const take = (s: Snapshot): void => {
      expect(s.episodes.dropped).toBe(0);
      expect(s.episodes.first).toBe(next);
      next += s.episodes.returns.length;
      expect(next).toBe(s.episode);
      returns.push(...s.episodes.returns);
      lengths.push(...s.episodes.lengths);
      goals.push(...s.episodes.reachedGoal);
    };
    let seen = h.port.snapshots().length;
    let final: Snapshot | null = null;
    h.send({ type: 'request-snapshot' });
    while (h.port.pending() > 0) {
      h.port.runNext();
      // The page takes each snapshot and asks for the next.
      while (seen < h.port.snapshots().length) {
        final = h.port.snapshots()[seen]!;
        take(final);
        seen++;
        h.send({ type: 'request-snapshot' });
      }
    }
    expect(seen).toBeGreaterThan(3);
    expect(next).toBe(2000);
    expect(final!.finished).toBe(true);

    // Against the agent's own log, run directly.
    const direct = directAgent(settings);
    runEpisodes(direct, 2000);
    const successes = goals.reduce((a, b) => a + b, 0);
    for (let e = 2000 - 100; e < 2000; e++) {
      expect(returns[e]).toBe(direct.log.returns[e & 4095]);
      expect(lengths[e]).toBe(direct.log.lengths[e & 4095]);
      expect(goals[e]).toBe(direct.log.reachedGoal[e & 4095]);
    }
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(direct.totalSteps);

    // Statistics over the last 100.
    const last = final!;
    const windowGoals = goals.slice(-100);
    const windowLengths = lengths.slice(-100);
    expect(last.stats.successes).toBe(successes);
    expect(last.stats.window).toBe(100);
    expect(last.stats.recentSuccessRate).toBeCloseTo(
      windowGoals.reduce((a, b) => a + b, 0) / 100,
      12,
    );
    expect(last.stats.recentMeanLength).toBeCloseTo(
      windowLengths.reduce((a, b) => a + b, 0) / 100,
      12,
    );
  });

  it('drops the oldest episodes only when the page lags more than the pending capacity', () => {
    // One-step episodes on a 1x2 map: an episode per step.
    const budget = PENDING_EPISODES_CAPACITY + 1000;
    const settings = settingsFor({ map: ['SG'], isSlippery: false, maxSteps: 1, episodes: budget });
    const h = started(settings, {}, 1);
    h.send({ type: 'play' });
    h.port.runAll();
    const s = h.snap();
    expect(s.episode).toBe(budget);
    expect(s.episodes.dropped).toBe(1000);
    expect(s.episodes.first).toBe(1000);
    expect(s.episodes.returns).toHaveLength(PENDING_EPISODES_CAPACITY);
    // Successes are counted from every episode, dropped or not.
    const direct = directAgent(settings);
    let successes = 0;
    while (direct.episode < budget) {
      const from = direct.episode;
      runEpisodes(direct, Math.min(4096, budget - from));
      for (let e = from; e < direct.episode; e++) successes += direct.log.reachedGoal[e & 4095]!;
    }
    expect(s.stats.successes).toBe(successes);
    expect(s.episodes.reachedGoal[s.episodes.reachedGoal.length - 1]).toBe(
      direct.log.reachedGoal[(budget - 1) & 4095],
    );
  });

  it('the evaluation is exact for the Q it was computed from, and records its episode', () => {
    const h = started(settingsFor({ episodes: 1000 }), {}, 1);
    h.send({ type: 'play' });
    h.port.runAll();
    const s = h.snap();
    const env = createEnv({ map: MAP_4X4 });
    const e = evaluateGreedy(env, s.q, 100);
    expect(s.evaluation.episode).toBe(1000);
    expect(s.evaluation.successProbability).toBe(e.successProbability);
    expect(s.evaluation.expectedLength).toBe(e.expectedLength);
  });
});

describe('determinism', () => {
  const N = 300;

  function reference(settings: RunSettings): QAgent {
    const direct = directAgent(settings);
    runEpisodes(direct, N);
    return direct;
  }

  function expectSame(s: Snapshot, direct: QAgent): void {
    expect(s.episode).toBe(N);
    expect(s.totalSteps).toBe(direct.totalSteps);
    expect(bits(s.q)).toEqual(bits(direct.q));
    expect([...s.visits]).toEqual([...direct.visits]);
    expect(s.epsilon).toBe(direct.epsilon);
  }

  // [name, options, clock advance per read (ms), slices at least]
  const variants: Array<[string, Partial<TrainerOptions>, number, number]> = [
    ['default slices and chunks', {}, 0.25, 1],
    ['37-step chunks, 5 ms per clock read', { chunkSteps: 37 }, 5, 20],
    ['1-step chunks, one per slice', { chunkSteps: 1 }, 100, 1000],
    ['3 ms slices of 100-step chunks', { chunkSteps: 100, sliceMs: 3 }, 1, 5],
  ];

  for (const map of [MAP_4X4, MAP_8X8]) {
    const settings = settingsFor({ map, maxSteps: map === MAP_4X4 ? 100 : 200, episodes: N });

    describe(`${map.length}x${map.length}`, () => {
      const direct = reference(settings);

      for (const [name, options, tick, minSlices] of variants)
        it(`play at max, ${name}`, () => {
          const h = started(settings, options, tick);
          h.send({ type: 'play' });
          expect(h.port.runAll()).toBeGreaterThanOrEqual(minSlices);
          expectSame(h.snap(), direct);
        });

      it('play at a finite speed, with pauses and speed changes', () => {
        const h = started(settings, { chunkSteps: 50 });
        h.send({ type: 'set-speed', speed: 5000 });
        h.send({ type: 'play' });
        for (let i = 0; h.port.pending() > 0; i++) {
          h.port.advance(1 + ((i * 37) % 23));
          if (h.port.pending() === 0) break; // finished: another play would start a new budget
          if (i % 7 === 3) {
            h.send({ type: 'pause' });
            h.send({ type: 'play' });
          }
          if (i % 11 === 5) h.send({ type: 'set-speed', speed: i % 2 ? 20_000 : 3000 });
          if (i > 100_000) throw new Error('did not finish');
        }
        expectSame(h.snap(), direct);
      });

      it('single steps', () => {
        const h = started(settings);
        for (let i = 0; i < direct.totalSteps; i++) h.send({ type: 'step' });
        expectSame(h.snap(), direct);
      });

      it('step-episode', () => {
        const h = started(settings);
        for (let i = 0; i < N; i++) h.send({ type: 'step-episode' });
        expectSame(h.snap(), direct);
      });
    });
  }

  it('with random tie-breaking (the lesson loop) too', () => {
    const settings = settingsFor({ params: { ...LESSON_PARAMS, tieBreak: 'random' }, episodes: N });
    const direct = reference(settings);
    const h = started(settings, { chunkSteps: 13 }, 2);
    h.send({ type: 'play' });
    h.port.runAll();
    expectSame(h.snap(), direct);
  });
});

describe('robustness', () => {
  it('rejects malformed commands with a message and changes nothing', () => {
    const h = started();
    h.port.clearPosted();
    const bad: unknown[] = [
      null,
      42,
      'play',
      [],
      {},
      { type: 'jump' },
      { type: 'PLAY' },
      { type: 'set-speed', speed: 'fast' },
      { type: 'set-speed' },
      { type: 'set-params', params: 0.5 },
      { type: 'set-params', params: null },
      { type: 'init' },
      { type: 'init', settings: { ...settingsFor(), map: 'SFFF' } },
      { type: 'init', settings: { ...settingsFor(), seed: '42' } },
      { type: 'init', settings: { ...settingsFor(), isSlippery: 1 } },
      { type: 'init', settings: { ...settingsFor(), params: { alpha: 0.1 } } },
    ];
    for (const m of bad) h.trainer.handle(m);
    expect(h.port.posted.map((p) => p.event.type)).toEqual(bad.map(() => 'error'));
    const messages = errors(h.port);
    messages.forEach((m) => expect(m).toMatch(/^Bad command: /));
    expect(messages[5]).toMatch(/unknown type "jump"; expected one of init, play/);
    expect(messages[7]).toMatch(/"set-speed" needs a number of steps per second or "max"/);
    expect(messages[12]).toMatch(/settings\.map must be an array/);
    expect(messages[13]).toMatch(/settings\.seed must be a number/);
    expect(messages[15]).toMatch(/settings\.params is missing gamma, epsilon/);
    expect(h.snap).toThrow();
    h.send({ type: 'step' });
    expect(h.port.lastSnapshot().totalSteps).toBe(1);
    expect(h.port.lastSnapshot().runId).toBe(1);
  });

  it('a failure inside a slice is reported and stops the loop; the trainer still works', () => {
    const h = started(settingsFor({ episodes: 100_000 }), {}, 1);
    const post = h.port.post;
    let failOnce = true;
    h.port.post = (event, transfer) => {
      if (event.type === 'snapshot' && failOnce) {
        failOnce = false;
        throw new Error('clone failed');
      }
      post(event, transfer);
    };
    h.send({ type: 'play' });
    h.send({ type: 'request-snapshot' });
    h.port.advance(50);
    expect(errors(h.port)).toEqual(['Training stopped: clone failed']);
    expect(h.port.events('error')[0]!.fatal).toBe(false);
    expect(h.port.pending()).toBe(0);
    h.send({ type: 'step' });
    expect(h.port.lastSnapshot().running).toBe(false);
  });

  it('dispose stops the loop and ignores later messages', () => {
    const h = started(settingsFor({ episodes: 100_000 }), {}, 1);
    h.send({ type: 'play' });
    h.trainer.dispose();
    expect(h.port.pending()).toBe(0);
    h.port.clearPosted();
    h.send({ type: 'step' });
    expect(h.port.posted).toHaveLength(0);
  });
});
