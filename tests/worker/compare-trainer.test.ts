import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy, valueIteration } from '../../src/rl/evaluation';
import { LESSON_PARAMS } from '../../src/rl/params';
import { expectedValue } from '../../src/rl/policy';
import { trainAlgorithm } from '../../src/rl/training';
import type { Algorithm } from '../../src/rl/algorithms/registry';
import type {
  CompareAlgorithms,
  CompareCommand,
  CompareEvent,
  CompareSnapshot,
} from '../../src/worker/compare-protocol';
import { createCompareTrainer, curveIntervalFor } from '../../src/worker/compare-trainer';
import { parseCompareCommand } from '../../src/worker/parse-compare-command';
import type { RunSettings } from '../../src/worker/protocol';
import type { TrainerOptions } from '../../src/worker/slice-loop';
import { createFakePort, type FakePort } from './fake-endpoint';

const MAP_4X4 = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];

function settingsFor(overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    map: MAP_4X4,
    isSlippery: true,
    successRate: 1 / 3,
    maxSteps: 100,
    seed: 7,
    episodes: 300,
    frameInterval: 1000,
    params: { ...LESSON_PARAMS },
    ...overrides,
  };
}

/** The bits of a float array, so equality means bit-identical. */
function bits(a: Float64Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));
}

interface Harness {
  port: FakePort<CompareEvent>;
  send(command: CompareCommand): void;
  snapshots(): CompareSnapshot[];
  last(): CompareSnapshot;
  /** Asks for a snapshot, lets the loop answer, and returns the latest one. */
  drawn(): CompareSnapshot;
}

function started(
  settings = settingsFor(),
  algorithms: CompareAlgorithms = ['q-learning', 'sarsa'],
  options: Partial<TrainerOptions> = {},
  tick = 0,
): Harness {
  const port = createFakePort<CompareEvent>(1000, tick);
  const trainer = createCompareTrainer(port, options);
  const send = (command: CompareCommand) => trainer.handle(command);
  const snapshots = () => port.events('snapshot').map((e) => e.snapshot);
  const last = () => snapshots().at(-1)!;
  send({ type: 'init', settings, algorithms });
  return {
    port,
    send,
    snapshots,
    last,
    drawn() {
      send({ type: 'request-snapshot' });
      return last();
    },
  };
}

/** Plays at full speed to the end of the budget, drawing every snapshot as the page does. */
function playToEnd(h: Harness): CompareSnapshot {
  h.send({ type: 'set-speed', speed: 'max' });
  h.send({ type: 'play' });
  for (let i = 0; i < 100_000 && h.port.pending() > 0; i++) {
    h.port.runNext();
    h.send({ type: 'request-snapshot' });
  }
  return h.last();
}

const env4 = createEnv({ map: MAP_4X4 });

describe('init', () => {
  it('answers ready with the optimum, then a snapshot of two agents at Q = 0', () => {
    const h = started();
    expect(h.port.posted.map((p) => p.event.type)).toEqual(['ready', 'snapshot']);
    const [ready] = h.port.events('ready');
    const vi = valueIteration(env4, LESSON_PARAMS.gamma);
    expect(ready!.optimum.startValue).toBe(vi.v[0]);
    expect(ready!.algorithms).toEqual(['q-learning', 'sarsa']);
    expect(ready!.curveInterval).toBe(curveIntervalFor(300));
    const s = h.last();
    expect(s.agents.map((a) => a.algorithm)).toEqual(['q-learning', 'sarsa']);
    for (const a of s.agents) {
      expect(a.episode).toBe(0);
      expect([...a.q].every((x) => x === 0)).toBe(true);
      expect([...a.greedyMask]).toEqual(new Array(16).fill(0b1111));
      expect(a.recentSuccessRate).toBeNaN();
      expect(a.points).toEqual([]);
    }
  });

  it('refuses bad settings and bad algorithms with a message, keeping the run', () => {
    const h = started();
    h.port.clearPosted();
    h.send({ type: 'init', settings: settingsFor({ seed: -1 }), algorithms: ['sarsa', 'sarsa'] });
    h.send({
      type: 'init',
      settings: settingsFor(),
      algorithms: ['sarsa', 'dqn'] as unknown as CompareAlgorithms,
    });
    const errors = h.port.events('error').map((e) => e.message);
    expect(errors[0]).toMatch(/^Seed must be/);
    expect(errors[1]).toMatch(/two algorithms .*"q-learning", "sarsa", "expected-sarsa"/);
    expect(h.port.events('ready')).toHaveLength(0);
    // The old run still answers.
    h.send({ type: 'play' });
    expect(h.port.events('error')).toHaveLength(2);
  });
});

describe('parseCompareCommand', () => {
  it('accepts the six commands and names what is wrong with anything else', () => {
    expect(parseCompareCommand({ type: 'pause' })).toEqual({
      ok: true,
      command: { type: 'pause' },
    });
    expect(parseCompareCommand({ type: 'set-speed', speed: 'max' }).ok).toBe(true);
    expect(parseCompareCommand(null)).toEqual({
      ok: false,
      error: 'Bad command: expected an object with a "type"; got null.',
    });
    const unknown = parseCompareCommand({ type: 'step' });
    expect(unknown.ok || unknown.error).toMatch(/unknown type "step"; expected one of init, play/);
    const speed = parseCompareCommand({ type: 'set-speed', speed: '10' });
    expect(speed.ok || speed.error).toMatch(/episodes per second or "max"; got "10"/);
    const settings = parseCompareCommand({ type: 'init', settings: 3, algorithms: [] });
    expect(settings.ok || settings.error).toMatch(/settings object; got number/);
  });
});

describe('two to four agents', () => {
  it('refuses one agent and five, naming the bounds', () => {
    for (const algorithms of [['sarsa'], ['sarsa', 'sarsa', 'sarsa', 'sarsa', 'sarsa']]) {
      const parsed = parseCompareCommand({ type: 'init', settings: settingsFor(), algorithms });
      expect(parsed.ok || parsed.error).toMatch(/needs two algorithms \(up to four\)/);
    }
  });

  it('a four-agent run announces its four algorithms and snapshots four agents', () => {
    const four: CompareAlgorithms = ['q-learning', 'dyna-q', 'sarsa-lambda', 'monte-carlo'];
    const h = started(settingsFor({ episodes: 40 }), four);
    expect(h.port.events('ready')[0]!.algorithms).toEqual(four);
    const end = playToEnd(h);
    expect(end.agents.map((a) => a.algorithm)).toEqual(four);
    expect(end.agents.every((a) => a.episode === 40)).toBe(true);
  });
});

describe('determinism', () => {
  const pairs: CompareAlgorithms[] = [
    ['q-learning', 'sarsa'],
    ['expected-sarsa', 'q-learning'],
    ['sarsa', 'sarsa'],
    // Issue 17: up to four agents, of any algorithm.
    ['double-q-learning', 'sarsa-lambda', 'dyna-q', 'monte-carlo'],
    ['q-lambda', 'q-learning', 'expected-sarsa'],
  ];
  for (const pair of pairs) {
    it(`${pair.join(' vs ')}: after N episodes each Q is the core's for the same seed`, () => {
      const settings = settingsFor({ episodes: 250, seed: 11 });
      // Short slices and small calls cut the run at many places.
      const h = started(settings, pair, { sliceMs: 1, chunkSteps: 37 }, 0.25);
      const end = playToEnd(h);
      expect(end.finished).toBe(true);
      expect(end.running).toBe(false);
      pair.forEach((algorithm: Algorithm, i: number) => {
        const core = trainAlgorithm(env4, algorithm, settings.params, settings.seed, 250);
        const a = end.agents[i]!;
        expect(a.episode).toBe(250);
        expect(a.totalSteps).toBe(core.totalSteps);
        expect(a.epsilon).toBe(core.epsilon);
        expect(bits(a.q)).toEqual(bits(core.q));
        expect(a.successProbability).toBe(
          evaluateGreedy(env4, core.q, env4.maxSteps).successProbability,
        );
        expect(a.startBehaviourValue).toBe(expectedValue(core.q, 0, core.epsilon));
      });
    });
  }

  it('gives the same numbers at a finite speed as at full speed', () => {
    const settings = settingsFor({ episodes: 120 });
    const fast = playToEnd(started(settings));
    const slow = started(settings);
    slow.send({ type: 'set-speed', speed: 500 });
    slow.send({ type: 'play' });
    for (let i = 0; i < 10_000 && slow.port.pending() > 0; i++) {
      slow.port.runNext();
      slow.send({ type: 'request-snapshot' });
    }
    expect(slow.last().finished).toBe(true);
    for (const i of [0, 1]) expect(bits(slow.last().agents[i]!.q)).toEqual(bits(fast.agents[i]!.q));
  });
});

describe('curves', () => {
  it('takes one point per agent every curve interval, with the exact greedy success', () => {
    const settings = settingsFor({ episodes: 400 });
    const h = started(settings, ['q-learning', 'expected-sarsa']);
    playToEnd(h);
    const interval = curveIntervalFor(400);
    expect(interval).toBe(2);
    for (const i of [0, 1]) {
      const points = h.snapshots().flatMap((s) => s.agents[i]!.points);
      expect(points.map((p) => p.episode)).toEqual(
        Array.from({ length: 400 / interval }, (_, k) => (k + 1) * interval),
      );
      for (const p of points) {
        expect(p.movingSuccessRate).toBeGreaterThanOrEqual(0);
        expect(p.movingSuccessRate).toBeLessThanOrEqual(1);
      }
      // The last point is the end of the run, as the core computes it.
      const core = trainAlgorithm(
        env4,
        i === 0 ? 'q-learning' : 'expected-sarsa',
        settings.params,
        7,
        400,
      );
      const lastPoint = points.at(-1)!;
      expect(lastPoint.startValue).toBe(Math.max(...core.q.subarray(0, 4)));
      expect(lastPoint.successProbability).toBe(
        evaluateGreedy(env4, core.q, 100).successProbability,
      );
      expect(lastPoint.epsilon).toBe(core.epsilon);
    }
  });

  it('keeps the moving success rate over the last 100 episodes', () => {
    const settings = settingsFor({ episodes: 250 });
    const h = started(settings, ['q-learning', 'sarsa']);
    const end = playToEnd(h);
    for (const i of [0, 1]) {
      const core = trainAlgorithm(
        env4,
        (['q-learning', 'sarsa'] as const)[i]!,
        settings.params,
        7,
        250,
      );
      let goals = 0;
      for (let e = 150; e < 250; e++) goals += core.log.reachedGoal[e]!;
      expect(end.agents[i]!.recentSuccessRate).toBe(goals / 100);
      expect(end.agents[i]!.window).toBe(100);
    }
  });
});

describe('loop and cadence', () => {
  it('pause stops both agents at once and nothing stays scheduled', () => {
    const h = started(
      settingsFor({ episodes: 100_000 }),
      ['q-learning', 'sarsa'],
      { sliceMs: 2 },
      0.5,
    );
    h.send({ type: 'set-speed', speed: 'max' });
    h.send({ type: 'play' });
    h.port.runNext();
    h.port.runNext();
    h.send({ type: 'pause' });
    expect(h.port.pending()).toBe(0);
    const paused = h.drawn();
    expect(paused.running).toBe(false);
    const episodes = paused.agents.map((a) => a.episode);
    expect(Math.min(...episodes)).toBeGreaterThan(0);
    h.port.advance(1000);
    h.send({ type: 'request-snapshot' });
    expect(h.last().agents.map((a) => a.episode)).toEqual(episodes);
  });

  it('keeps the two agents within one curve interval of each other', () => {
    const h = started(
      settingsFor({ episodes: 2000 }),
      ['q-learning', 'sarsa'],
      { sliceMs: 1, chunkSteps: 50 },
      0.2,
    );
    h.send({ type: 'set-speed', speed: 'max' });
    h.send({ type: 'play' });
    const interval = curveIntervalFor(2000);
    for (let i = 0; i < 100 && h.port.pending() > 0; i++) {
      h.port.runNext();
      const s = h.drawn();
      const [a, b] = s.agents.map((x) => x.episode);
      expect(Math.abs(a! - b!)).toBeLessThanOrEqual(interval);
    }
  });

  it('at a finite speed trains about speed × time episodes per agent', () => {
    const h = started(settingsFor({ episodes: 100_000 }));
    h.send({ type: 'set-speed', speed: 200 });
    h.send({ type: 'play' });
    h.port.advance(1000);
    h.send({ type: 'pause' });
    for (const a of h.drawn().agents) {
      expect(a.episode).toBeGreaterThanOrEqual(190);
      expect(a.episode).toBeLessThanOrEqual(200);
    }
  });

  it('sends a snapshot only when the page asked for one', () => {
    const h = started(settingsFor({ episodes: 100_000 }), ['q-learning', 'sarsa'], {}, 0.5);
    h.send({ type: 'set-speed', speed: 'max' });
    h.send({ type: 'play' });
    const before = h.snapshots().length;
    // The snapshot after init used up the page's request: none while running without one.
    h.port.advance(200);
    expect(h.snapshots().length).toBe(before);
    h.send({ type: 'request-snapshot' });
    h.port.advance(50);
    expect(h.snapshots().length).toBe(before + 1);
    expect(h.last().running).toBe(true);
    h.send({ type: 'pause' });
  });

  it('posts copies: changing a posted table does not reach the agent', () => {
    const h = started(settingsFor({ episodes: 50 }));
    const end = playToEnd(h);
    const posted = h.port.posted.at(-1)!;
    expect(posted.transfer).toContain(end.agents[0]!.q.buffer);
    end.agents[0]!.q.fill(99);
    h.send({ type: 'play' });
    h.port.runNext();
    h.send({ type: 'pause' });
    expect([...h.drawn().agents[0]!.q].some((x) => x === 99)).toBe(false);
  });

  it('reset starts both agents over with the same settings and a new run id', () => {
    const h = started(settingsFor({ episodes: 40 }));
    playToEnd(h);
    h.send({ type: 'reset' });
    const readies = h.port.events('ready');
    expect(readies.map((r) => r.runId)).toEqual([1, 2]);
    expect(h.last().agents.every((a) => a.episode === 0)).toBe(true);
  });

  it('refuses a bad speed and commands before init', () => {
    const port = createFakePort<CompareEvent>();
    const trainer = createCompareTrainer(port);
    trainer.handle({ type: 'play' });
    trainer.handle({ type: 'set-speed', speed: 0 });
    expect(port.events('error').map((e) => e.message)).toEqual([
      '"play" needs a comparison: send "init" first.',
      'Comparison speed (episodes per second) must be from 1 to 1000000; got 0.',
    ]);
  });
});

describe('untrusted messages', () => {
  it('anything at all is either carried out or refused with a message, never thrown', () => {
    const h = started(settingsFor({ episodes: 20 }));
    const typed = fc.record({
      type: fc.constantFrom('init', 'play', 'pause', 'reset', 'set-speed', 'request-snapshot', 'x'),
      speed: fc.oneof(fc.double(), fc.constant('max'), fc.string()),
      settings: fc.oneof(fc.anything({ maxDepth: 2 }), fc.constant(settingsFor())),
      algorithms: fc.oneof(
        fc.anything({ maxDepth: 1 }),
        fc.tuple(fc.constantFrom('q-learning', 'sarsa', 'dqn'), fc.constant('sarsa')),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 3 }), typed), (message) => {
        const errorsBefore = h.port.events('error').length;
        const parsed = parseCompareCommand(structuredClone(message));
        expect(() => h.send(structuredClone(message) as CompareCommand)).not.toThrow();
        if (!parsed.ok) {
          expect(parsed.error).toMatch(/^Bad command: /);
          expect(h.port.events('error').length).toBe(errorsBefore + 1);
        }
        h.send({ type: 'pause' });
        for (const s of h.snapshots().slice(-1))
          for (const a of s.agents) expect([...a.q].some((x) => Number.isNaN(x))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
