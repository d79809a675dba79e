/**
 * The training worker's commands one by one, on the details its other tests pass over: the words
 * of each refusal before `init`, what `pause`, `set-frame-interval`, `run-greedy-episode` and a
 * refused `replay` answer, the copies it keeps of what it posts (the optimum, the TD errors),
 * the transfer lists, a speed change while running, and the speed meter's window.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy } from '../../src/rl/evaluation';
import { runSteps } from '../../src/rl/fast-loop';
import { learnerOptionErrors } from '../../src/rl/learner-options';
import { LESSON_PARAMS, paramErrors } from '../../src/rl/params';
import { parseRunRecord } from '../../src/rl/replay';
import type { RunSettings, TrainerCommand, TrainerEvent } from '../../src/worker/protocol';
import type { TrainerOptions } from '../../src/worker/slice-loop';
import * as envFacts from '../../src/worker/env-facts';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint } from './fake-endpoint';
import { lessonSettings, MAP_4X4 } from './lesson-settings';

const SETTINGS = lessonSettings();

/** A trainer on a fake port, `init`-ed with `settings` unless that is null. */
function trainer(
  settings: RunSettings | null = SETTINGS,
  options: Partial<TrainerOptions> = {},
  tick = 0,
) {
  const port = createFakeEndpoint(1000, tick);
  const t = createTrainer(port, options);
  const send = (command: TrainerCommand) => t.handle(command);
  if (settings) send({ type: 'init', settings });
  const errors = () => port.events('error').map((e) => e.message);
  /** Sends an untrusted message, as a page with a bad file would. */
  const sendRaw = (message: unknown) => t.handle(message);
  return { port, send, sendRaw, errors };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** The commands that act on a run, each with the fields it needs. */
const RUN_COMMANDS: TrainerCommand[] = [
  { type: 'reset' },
  { type: 'play' },
  { type: 'step' },
  { type: 'step-episode' },
  { type: 'set-params', params: { alpha: 0.2 } },
  { type: 'set-learner', options: {} },
  { type: 'set-env', change: { successRate: 0.5 } },
  { type: 'set-frame-interval', frameInterval: 5 },
  { type: 'run-greedy-episode' },
];

describe('before init', () => {
  for (const command of RUN_COMMANDS)
    it(`"${command.type}" is refused with one error that says a run is needed`, () => {
      const { port, send } = trainer(null);
      send(command);
      expect(port.posted.map((p) => p.event)).toEqual([
        {
          type: 'error',
          message: `"${command.type}" needs a run: send "init" first.`,
          fatal: false,
        },
      ]);
    });
});

describe('pause, set-frame-interval, run-greedy-episode', () => {
  it('pause answers a paused snapshot and no error', () => {
    const { port, send, errors } = trainer();
    send({ type: 'play' });
    send({ type: 'pause' });
    send({ type: 'request-snapshot' });
    expect(errors()).toEqual([]);
    expect(port.lastSnapshot().running).toBe(false);
  });

  it('a frame interval in range is kept with the settings (a reset shows it)', () => {
    const { port, send, errors } = trainer();
    send({ type: 'set-frame-interval', frameInterval: 7 });
    send({ type: 'reset' });
    expect(errors()).toEqual([]);
    expect(port.events('ready').map((e) => e.settings.frameInterval)).toEqual([1000, 7]);
  });

  it('a frame interval out of range is refused and the old one kept', () => {
    const { port, send, errors } = trainer();
    send({ type: 'set-frame-interval', frameInterval: 0 });
    send({ type: 'reset' });
    expect(errors()).toEqual(['Frame interval must be a whole number from 1 to 100000000; got 0.']);
    expect(port.events('ready').map((e) => e.settings.frameInterval)).toEqual([1000, 1000]);
  });

  it('run-greedy-episode answers with one greedy episode', () => {
    const { port, send, errors } = trainer();
    send({ type: 'run-greedy-episode' });
    expect(errors()).toEqual([]);
    expect(port.events('greedy-episode')).toHaveLength(1);
  });
});

describe('replay refusals', () => {
  it('a record that does not parse is refused with its reasons, and nothing else', () => {
    const { sendRaw, errors } = trainer();
    sendRaw({ type: 'replay', record: 'not a record' });
    expect(errors()).toEqual([
      'The run record was refused: The file is not a run record (a JSON object).',
    ]);
  });
  it('a record refused for several reasons names them all, separated by a space', () => {
    const { sendRaw, errors } = trainer();
    const record = { settings: { ...SETTINGS, seed: -1 }, changes: 5, totalSteps: 5 };
    const parsed = parseRunRecord(record);
    if (parsed.ok) throw new Error('expected a refused record');
    expect(parsed.errors).toHaveLength(2);
    sendRaw({ type: 'replay', record });
    expect(errors()).toEqual([`The run record was refused: ${parsed.errors.join(' ')}`]);
  });

  it('a failure while a replay ends is reported as the training stopping, and the replay dropped', () => {
    const { port, send, errors } = trainer();
    const record = { ...port.events('ready')[0]!.record, totalSteps: 50 };
    vi.spyOn(envFacts, 'optimumFor').mockImplementation(() => {
      throw new Error('no optimum');
    });
    send({ type: 'replay', record });
    port.runAll();
    expect(errors()).toEqual(['Training stopped: no optimum']);
    expect(port.events('ready')).toHaveLength(1);
    send({ type: 'cancel-replay' });
    expect(port.events('replay-cancelled')).toEqual([]);
  });
});

describe('ready and the transfer lists', () => {
  it("ready carries the record's settings as sent, the map rows and the optimum's buffers", () => {
    const { port } = trainer();
    const ready = port.posted.find((p) => p.event.type === 'ready')!;
    const event = ready.event as Extract<TrainerEvent, { type: 'ready' }>;
    expect(event.record.settings).toEqual(SETTINGS);
    expect(event.record.settings.params).toEqual(LESSON_PARAMS);
    expect(event.env.desc).toEqual(MAP_4X4);
    const { q, v, policy } = event.optimum;
    expect(ready.transfer).toEqual([q.buffer, v.buffer, policy.buffer]);
  });

  it('an event without buffers goes with an empty transfer list', () => {
    const { port, send } = trainer(null);
    send({ type: 'ping', id: 3 });
    expect(port.posted).toEqual([{ event: { type: 'pong', id: 3 }, transfer: [] }]);
  });

  it("a snapshot's transfer list holds only buffers", () => {
    const { port, send } = trainer();
    send({ type: 'step' });
    for (const p of port.posted.filter((x) => x.event.type === 'snapshot'))
      for (const item of p.transfer) expect(item).toBeInstanceOf(ArrayBuffer);
  });
});

describe("the learner's options in the run's settings", () => {
  it('ready carries the options the run started with; a reset keeps them', () => {
    const settings = lessonSettings({ algorithm: 'sarsa-lambda', learner: { lambda: 0.5 } });
    const { port, send } = trainer(settings);
    send({ type: 'reset' });
    for (const ready of port.events('ready')) {
      expect(ready.settings.learner).toEqual({ lambda: 0.5 });
      expect(ready.record.settings.learner).toEqual({ lambda: 0.5 });
    }
    expect(port.events('ready')).toHaveLength(2);
  });

  it('a live change joins them: a reset starts from the options in force', () => {
    const settings = lessonSettings({ algorithm: 'sarsa-lambda', learner: { lambda: 0.5 } });
    const { port, send, errors } = trainer(settings);
    send({ type: 'set-learner', options: { planningSteps: 3 } });
    send({ type: 'reset' });
    expect(errors()).toEqual([]);
    expect(port.events('ready')[1]!.settings.learner).toEqual({ lambda: 0.5, planningSteps: 3 });
  });
});

describe('copies kept apart from what was posted', () => {
  for (const gamma of [undefined, 0.9])
    it(`the optimum the convergence watch uses is not the posted one (${gamma ? 'a new γ' : 'ready'})`, () => {
      const verdict = (tamper: boolean) => {
        const { port, send } = trainer({ ...SETTINGS, episodes: 20 });
        if (gamma) send({ type: 'set-params', params: { gamma } });
        // The page owns what was posted (transferred): scribbling on it must change nothing.
        if (tamper)
          for (const e of [...port.events('ready'), ...port.events('optimum')]) e.optimum.q.fill(5);
        send({ type: 'play' });
        port.runAll();
        send({ type: 'request-snapshot' });
        return port.lastSnapshot().convergence.verdict;
      };
      const kept = verdict(false);
      // At the end of the budget the verdict compares the greedy policy with Q*'s.
      expect(kept!.offOptimal.length).toBeGreaterThan(0);
      expect(verdict(true)).toEqual(kept);
    });

  it('a posted TD-error table is a copy: changing it does not reach the next snapshot', () => {
    const { port, send } = trainer();
    send({ type: 'step' });
    send({ type: 'request-snapshot' });
    port.lastSnapshot().tdErrors.fill(7);
    send({ type: 'step' });
    send({ type: 'request-snapshot' });
    const direct = createAgent(createEnv({ map: [...MAP_4X4] }), { ...LESSON_PARAMS }, 42);
    runSteps(direct, 2);
    expect([...port.lastSnapshot().tdErrors]).toEqual([...direct.tdErrors]);
  });
});

describe('set-params, set-learner and their refusals', () => {
  it('names every bad parameter, the reasons separated by a space', () => {
    const { send, errors } = trainer();
    send({ type: 'set-params', params: { alpha: 2, gamma: 2 } });
    const reasons = paramErrors({ alpha: 2, gamma: 2 });
    expect(reasons).toHaveLength(2);
    expect(errors()).toEqual([reasons.join(' ')]);
  });

  it('names every bad learner option, the reasons separated by a space', () => {
    const { send, errors } = trainer();
    const options = { lambda: 2, planningSteps: -1 };
    send({ type: 'set-learner', options });
    const reasons = learnerOptionErrors(options, true);
    expect(reasons).toHaveLength(2);
    expect(errors()).toEqual([reasons.join(' ')]);
  });

  it('posts a new optimum only when γ changes', () => {
    const { port, send } = trainer();
    send({ type: 'set-params', params: { alpha: 0.2 } });
    send({ type: 'set-params', params: { gamma: SETTINGS.params.gamma } });
    expect(port.events('optimum')).toHaveLength(0);
    send({ type: 'set-params', params: { gamma: 0.5 } });
    expect(port.events('optimum')).toHaveLength(1);
  });
});

describe('speed and steps while running', () => {
  it('from a slow speed to max, the next slice runs now, not when the slow step was due', () => {
    const { port, send } = trainer({ ...SETTINGS, episodes: 100_000 });
    send({ type: 'set-speed', speed: 1 });
    send({ type: 'play' });
    const time = port.time;
    send({ type: 'set-speed', speed: 'max' });
    port.runNext();
    expect(port.time).toBe(time);
  });

  it('a speed change while paused schedules nothing and runs nothing', () => {
    const { port, send } = trainer();
    send({ type: 'set-speed', speed: 10 });
    expect(port.pending()).toBe(0);
    port.advance(1000);
    send({ type: 'request-snapshot' });
    expect(port.lastSnapshot().totalSteps).toBe(0);
  });

  it('from max to 10 steps/s, the next slice waits 100 ms for its first step', () => {
    const { port, send } = trainer({ ...SETTINGS, episodes: 100_000 });
    send({ type: 'play' });
    const time = port.time;
    send({ type: 'set-speed', speed: 10 });
    port.runNext();
    expect(port.time).toBe(time + 100);
    send({ type: 'pause' });
    send({ type: 'request-snapshot' });
    expect(port.lastSnapshot().totalSteps).toBe(1);
  });

  it('a paced slice stops when its time is up, after more than one chunk', () => {
    const { port, send } = trainer({ ...SETTINGS, episodes: 100_000 }, { chunkSteps: 10 }, 1);
    send({ type: 'set-speed', speed: 100_000 });
    send({ type: 'play' });
    // One slice, 50 ms late: 5,000 steps are due, far more than fit in its time.
    port.time += 50;
    port.runNext();
    send({ type: 'pause' });
    send({ type: 'request-snapshot' });
    const steps = port.lastSnapshot().totalSteps;
    expect(steps).toBeGreaterThan(10);
    expect(steps).toBeLessThan(5000);
  });

  it('the speed read while running is over the last second, not since Play', () => {
    const { port, send } = trainer({ ...SETTINGS, episodes: 100_000 });
    send({ type: 'set-speed', speed: 10 });
    send({ type: 'play' });
    port.advance(5000);
    send({ type: 'set-speed', speed: 100 });
    port.advance(2000);
    send({ type: 'request-snapshot' });
    port.advance(20);
    const s = port.lastSnapshot();
    expect(s.running).toBe(true);
    // 50 steps in 5 s, then 200 in 2 s: since Play that is about 36 a second.
    expect(s.stats.stepsPerSecond).toBeGreaterThan(90);
    expect(s.stats.stepsPerSecond).toBeLessThan(110);
  });

  it('a step after the budget ended says the run is no longer finished', () => {
    const { port, send } = trainer({ ...SETTINGS, episodes: 20 });
    send({ type: 'play' });
    port.runAll();
    send({ type: 'request-snapshot' });
    expect(port.lastSnapshot().finished).toBe(true);
    send({ type: 'step' });
    send({ type: 'request-snapshot' });
    expect(port.lastSnapshot().finished).toBe(false);
  });
});

describe('frames', () => {
  it("a frame's success probability is the exact evaluation of its greedy policy", () => {
    const { port, send } = trainer({ ...SETTINGS, frameInterval: 5, episodes: 20 });
    send({ type: 'play' });
    port.runAll();
    send({ type: 'request-snapshot' });
    const frames = port.snapshots().flatMap((s) => s.frames);
    expect(frames.length).toBeGreaterThan(0);
    const env = createEnv({ map: [...MAP_4X4] });
    for (const f of frames)
      expect(f.successProbability).toBe(evaluateGreedy(env, f.q).successProbability);
  });
});
