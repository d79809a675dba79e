/**
 * The comparison worker's commands on the details its other tests pass over: the words of a
 * refusal before `init` and of a failure, `pause`, a speed change while running and while paused,
 * `ready`'s settings and the transfer lists, the lockstep's tie rule, and the parser's refusal of
 * bad algorithms.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as training from '../../src/rl/training';
import type { CompareCommand, CompareEvent } from '../../src/worker/compare-protocol';
import { createCompareTrainer } from '../../src/worker/compare-trainer';
import { parseCompareCommand } from '../../src/worker/parse-compare-command';
import { checkSettings } from '../../src/worker/run-checks';
import type { TrainerOptions } from '../../src/worker/slice-loop';
import { createFakePort } from './fake-endpoint';
import { lessonSettings } from './lesson-settings';

const SETTINGS = lessonSettings({ seed: 7, episodes: 300 });

/** A comparison trainer on a fake port, `init`-ed with Q-learning vs SARSA unless told not to. */
function comparison(init = true, options: Partial<TrainerOptions> = {}, tick = 0) {
  const port = createFakePort<CompareEvent>(1000, tick);
  const trainer = createCompareTrainer(port, options);
  const send = (command: CompareCommand) => trainer.handle(command);
  if (init) send({ type: 'init', settings: SETTINGS, algorithms: ['q-learning', 'sarsa'] });
  const errors = () => port.events('error').map((e) => e.message);
  const last = () => port.events('snapshot').at(-1)!.snapshot;
  return { port, send, errors, last };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('comparison commands', () => {
  it('reset before init is refused once, saying a comparison is needed', () => {
    const { port, send } = comparison(false);
    send({ type: 'reset' });
    expect(port.posted.map((p) => p.event)).toEqual([
      { type: 'error', message: '"reset" needs a comparison: send "init" first.', fatal: false },
    ]);
  });

  it('pause answers a paused snapshot and no error', () => {
    const { send, errors, last } = comparison();
    send({ type: 'play' });
    send({ type: 'pause' });
    send({ type: 'request-snapshot' });
    expect(errors()).toEqual([]);
    expect(last().running).toBe(false);
  });

  it('a speed change while paused schedules nothing', () => {
    const { port, send } = comparison();
    send({ type: 'set-speed', speed: 50 });
    expect(port.pending()).toBe(0);
  });

  it('a speed change while running runs the next slice at once, not a frame later', () => {
    const { port, send, last } = comparison();
    send({ type: 'set-speed', speed: 1000 });
    send({ type: 'play' });
    port.runNext();
    const time = port.time;
    send({ type: 'set-speed', speed: 50 });
    port.runNext();
    expect(port.time).toBe(time);
    // Paced from the change on: a second at 50 episodes per second.
    const from = Math.min(...last().agents.map((a) => a.episode));
    port.advance(1000);
    send({ type: 'pause' });
    send({ type: 'request-snapshot' });
    const to = Math.min(...last().agents.map((a) => a.episode));
    expect(to - from).toBeGreaterThanOrEqual(45);
    expect(to - from).toBeLessThanOrEqual(55);
  });

  it('a failure inside a slice stops the comparison with its message', () => {
    const { port, send, errors, last } = comparison();
    vi.spyOn(training, 'runAlgorithm').mockImplementation(() => {
      throw new Error('lost');
    });
    send({ type: 'play' });
    port.runAll();
    expect(errors()).toEqual(['The comparison stopped: lost']);
    send({ type: 'request-snapshot' });
    expect(last().running).toBe(false);
  });

  it('refuses bad settings naming each problem, separated by a space', () => {
    const { send, errors } = comparison(false);
    const bad = { ...SETTINGS, seed: -1, episodes: 0 };
    send({ type: 'init', settings: bad, algorithms: ['q-learning', 'sarsa'] });
    const reasons = checkSettings(bad).errors;
    expect(reasons).toHaveLength(2);
    expect(errors()).toEqual([reasons.join(' ')]);
  });
});

describe('ready, snapshots and their transfer lists', () => {
  it('ready carries the settings as sent, and nothing to transfer', () => {
    const { port } = comparison();
    const [ready] = port.posted;
    const event = ready!.event as Extract<CompareEvent, { type: 'ready' }>;
    expect(event.type).toBe('ready');
    expect(event.settings).toEqual(SETTINGS);
    expect(ready!.transfer).toEqual([]);
  });

  it("a snapshot's transfer list holds only buffers", () => {
    const { port } = comparison();
    const snapshots = port.posted.filter((p) => p.event.type === 'snapshot');
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.transfer.length).toBeGreaterThan(0);
    for (const p of snapshots)
      for (const item of p.transfer) expect(item).toBeInstanceOf(ArrayBuffer);
  });

  it('on a tie the first agent goes first: a slice cut short after one advance moved only it', () => {
    const { port, send, last } = comparison(true, { sliceMs: 1 }, 5);
    send({ type: 'set-speed', speed: 'max' });
    send({ type: 'play' });
    port.runNext();
    send({ type: 'pause' });
    send({ type: 'request-snapshot' });
    const [first, second] = last().agents;
    expect(first!.episode).toBeGreaterThan(0);
    expect(second!.episode).toBe(0);
  });
});

describe('parseCompareCommand: the algorithms', () => {
  it('names what it got when the algorithms are not a list of two to four', () => {
    const parsed = parseCompareCommand({ type: 'init', settings: SETTINGS, algorithms: 'sarsa' });
    expect(parsed.ok || parsed.error).toMatch(/; got "sarsa"\.$/);
  });
});
