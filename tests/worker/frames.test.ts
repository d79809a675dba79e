import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { createAgent } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runEpisodes } from '../../src/rl/fast-loop';
import type { RunSettings, TrainerCommand } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { createFrameQueue, MAX_FRAMES_PER_SNAPSHOT } from '../../src/worker/frames';
import { createFakeEndpoint } from './fake-endpoint';

const MAP_4X4 = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];

function settings(overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    map: MAP_4X4,
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: 100,
    seed: 3,
    episodes: 10_000,
    frameInterval: 1000,
    params: { ...LESSON_PARAMS },
    ...overrides,
  };
}

/** The frames the page got: they ride on snapshots, so ask for one first. */
function framesOf(port: ReturnType<typeof createFakeEndpoint>, send: (c: TrainerCommand) => void) {
  send({ type: 'request-snapshot' });
  return port.snapshots().flatMap((s) => s.frames);
}

function start(s: RunSettings) {
  const port = createFakeEndpoint(1000, 0);
  const trainer = createTrainer(port);
  const send = (c: TrainerCommand) => trainer.handle(c);
  send({ type: 'init', settings: s });
  return { port, send };
}

describe('frames, as the lesson saves them', () => {
  it('a run of 10,000 episodes posts frames after episodes 0, 1000, …, 9000 and 9999', () => {
    const { port, send } = start(settings());
    send({ type: 'set-speed', speed: 'max' });
    send({ type: 'play' });
    port.runAll();
    const frames = framesOf(port, send);
    expect(frames.map((f) => f.episode)).toEqual([
      0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 9999,
    ]);
  });

  it('each frame holds Q exactly as a direct run had it after that episode, and its trajectory', () => {
    const { port, send } = start(settings({ episodes: 2001 }));
    send({ type: 'set-speed', speed: 'max' });
    send({ type: 'play' });
    port.runAll();
    const frame = framesOf(port, send).find((f) => f.episode === 1000)!;
    const env = createEnv({ map: MAP_4X4 });
    const agent = createAgent(env, LESSON_PARAMS, 3);
    runEpisodes(agent, 1001);
    expect(Array.from(frame.q)).toEqual(Array.from(agent.q));
    expect(frame.totalSteps).toBe(agent.totalSteps);
    expect(frame.trajectory.length).toBe(agent.previous.length);
    expect(frame.trajectory.states[0]).toBe(env.start);
    expect(frame.successProbability).toBe(evaluateGreedy(env, agent.q).successProbability);
    // V and A come from the frame's own Q.
    expect(frame.v[0]).toBe(Math.max(...Array.from(frame.q.slice(0, 4))));
    expect(frame.advantage[0]).toBe(frame.q[0]! - frame.v[0]!);
  });

  it('frames arrive at the interval the page sets mid-run', () => {
    const { port, send } = start(settings({ episodes: 1000 }));
    send({ type: 'set-frame-interval', frameInterval: 250 });
    send({ type: 'set-speed', speed: 'max' });
    send({ type: 'play' });
    port.runAll();
    expect(framesOf(port, send).map((f) => f.episode)).toEqual([0, 250, 500, 750, 999]);
  });

  it('a frame interval out of range is refused with a message', () => {
    const { port, send } = start(settings());
    send({ type: 'set-frame-interval', frameInterval: 0 });
    expect(port.events('error').at(-1)?.message).toMatch(/Frame interval/);
  });

  it('frames do not change the run: Q is the same as without them', () => {
    const withFrames = start(settings({ episodes: 3000, frameInterval: 7 }));
    const without = start(settings({ episodes: 3000, frameInterval: 100_000 }));
    for (const h of [withFrames, without]) {
      h.send({ type: 'set-speed', speed: 'max' });
      h.send({ type: 'play' });
      h.port.runAll();
      h.send({ type: 'request-snapshot' });
    }
    expect(Array.from(withFrames.port.lastSnapshot().q)).toEqual(
      Array.from(without.port.lastSnapshot().q),
    );
  });
});

describe('the target policy, apart from training', () => {
  it('runs a greedy episode without learning and without touching the training stream', () => {
    const a = start(settings({ episodes: 500 }));
    const b = start(settings({ episodes: 500 }));
    for (const h of [a, b]) {
      h.send({ type: 'set-speed', speed: 'max' });
      h.send({ type: 'play' });
      h.port.runAll();
    }
    a.send({ type: 'request-snapshot' });
    const before = a.port.lastSnapshot();
    for (let i = 0; i < 20; i++) a.send({ type: 'run-greedy-episode' });
    const episodes = a.port.events('greedy-episode');
    expect(episodes).toHaveLength(20);
    const lastEvent = episodes.at(-1)!;
    expect(lastEvent.episodes).toBe(20);
    expect(lastEvent.successes).toBe(episodes.filter((e) => e.reachedGoal).length);
    for (const e of episodes) {
      expect(e.trajectory.explored.every((x) => x === 0)).toBe(true);
      expect(e.trajectory.states[0]).toBe(0);
      expect(e.trajectory.length).toBeLessThanOrEqual(100);
    }
    // Training goes on exactly as in a twin run that never ran greedy episodes.
    for (const h of [a, b]) {
      h.send({ type: 'play' });
      h.port.runAll();
      h.send({ type: 'request-snapshot' });
    }
    expect(Array.from(a.port.lastSnapshot().q)).toEqual(Array.from(b.port.lastSnapshot().q));
    expect(a.port.lastSnapshot().totalSteps).toBe(b.port.lastSnapshot().totalSteps);
    expect(before.totalSteps).toBeGreaterThan(0);
  });
});

describe('the frame queue', () => {
  it('with a frame every episode, keeps the first and the newest 255, and evaluates only those it hands over', () => {
    const env = createEnv({ map: MAP_4X4 });
    const agent = createAgent(env, { ...LESSON_PARAMS }, 5);
    const queue = createFrameQueue(1, env);
    const expected = new Map<number, { q: number[]; success: number }>();
    const episodes = 1000;
    for (let e = 0; e < episodes; e++) {
      runEpisodes(agent, 1);
      expect(queue.capture(agent, 1, Infinity)).toBe(true);
      expected.set(e, {
        q: Array.from(agent.q),
        success: evaluateGreedy(env, agent.q).successProbability,
      });
    }
    let evaluations = 0;
    const frames = queue.take([], (q) => {
      evaluations++;
      return evaluateGreedy(env, q).successProbability;
    });
    const kept = [0, ...Array.from({ length: 255 }, (_, i) => episodes - 255 + i)];
    expect(frames.map((f) => f.episode)).toEqual(kept);
    expect(evaluations).toBe(MAX_FRAMES_PER_SNAPSHOT);
    for (const f of frames) {
      expect(Array.from(f.q)).toEqual(expected.get(f.episode)!.q);
      expect(f.successProbability).toBe(expected.get(f.episode)!.success);
      expect(f.trajectory.episode).toBe(f.episode);
    }
    // Taken: the queue starts over.
    expect(queue.take([], () => 0)).toEqual([]);
  });
});
