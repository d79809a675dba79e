/**
 * The same seed and settings give bit-identical Q, step counts and trajectories whether run from
 * the command line, by the worker at any speed and snapshot cadence, cut by pauses and steps, or
 * replayed from a record of a run with live slider changes.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { createAgent } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runEpisodes } from '../../src/rl/fast-loop';
import { replayRun, type RunRecord } from '../../src/rl/replay';
import { labWithSilenceableWorker } from '../store/lab-with-workers';
import { createLabStore, lessonSettings } from '../../src/store/lab-store';
import type { RunSettings, Snapshot, TrainerCommand } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { createInProcessWorker, type InProcessWorker } from '../store/in-process-worker';
import { createFakeEndpoint } from '../worker/fake-endpoint';

const bits = (a: ArrayLike<number>) => Array.from(new Uint32Array(Float64Array.from(a).buffer));

function settings(seed: number, episodes = 2000): RunSettings {
  return { ...lessonSettings('4x4', seed), episodes };
}

function trainer(tick = 0) {
  const port = createFakeEndpoint(1000, tick);
  const t = createTrainer(port);
  const send = (c: TrainerCommand) => t.handle(c);
  const snap = (): Snapshot => {
    send({ type: 'request-snapshot' });
    return port.lastSnapshot();
  };
  return { port, send, snap };
}

describe('determinism', () => {
  it('the command line gives the same Q as the core and the worker', () => {
    const out = execFileSync(
      'npx',
      ['tsx', 'scripts/train.ts', '--seed', '5', '--episodes', '2000', '--json'],
      { encoding: 'utf8' },
    );
    const cli = JSON.parse(out) as { q: number[][]; steps: number };
    const agent = createAgent(createEnv(), LESSON_PARAMS, 5);
    runEpisodes(agent, 2000);
    expect(bits(cli.q.flat())).toEqual(bits(agent.q));
    expect(cli.steps).toBe(agent.totalSteps);

    const w = trainer(0.5);
    w.send({ type: 'init', settings: settings(5) });
    w.send({ type: 'set-speed', speed: 'max' });
    w.send({ type: 'play' });
    w.port.runAll();
    const s = w.snap();
    expect(s.episode).toBe(2000);
    expect(bits(s.q)).toEqual(bits(agent.q));
  }, 60_000);

  it('pauses, single steps, step-episodes and speed changes do not change the run', () => {
    const a = trainer(0.3);
    a.send({ type: 'init', settings: settings(9, 3000) });
    a.send({ type: 'set-speed', speed: 'max' });
    a.send({ type: 'play' });
    a.port.runAll();

    const b = trainer(1.7);
    b.send({ type: 'init', settings: settings(9, 3000) });
    for (let i = 0; i < 37; i++) b.send({ type: 'step' });
    for (let i = 0; i < 5; i++) b.send({ type: 'step-episode' });
    b.send({ type: 'set-speed', speed: 500 });
    b.send({ type: 'play' });
    b.port.advance(3000);
    b.send({ type: 'pause' });
    b.send({ type: 'request-snapshot' });
    b.send({ type: 'set-speed', speed: 'max' });
    b.send({ type: 'play' });
    b.port.runAll();
    const sa = a.snap();
    const sb = b.snap();
    expect(sb.episode).toBe(3000);
    expect(bits(sb.q)).toEqual(bits(sa.q));
    expect(sb.totalSteps).toBe(sa.totalSteps);
    expect(Array.from(sb.previous!.states)).toEqual(Array.from(sa.previous!.states));
  });

  it('a run with live slider changes replays exactly from its record', () => {
    const live = trainer(0.2);
    live.send({ type: 'init', settings: settings(21, 4000) });
    live.send({ type: 'set-speed', speed: 'max' });
    live.send({ type: 'play' });
    live.port.advance(3);
    live.send({ type: 'set-params', params: { alpha: 0.4 } });
    live.port.advance(2);
    live.send({ type: 'set-params', params: { epsilon: 0.5, gamma: 0.95 } });
    live.port.runAll();
    const end = live.snap();
    const ready = live.port.events('ready')[0]!;
    const changes = live.port.events('params-applied').map((e) => e.change);
    expect(changes).toHaveLength(2);
    const record: RunRecord = { ...ready.record, changes, totalSteps: end.totalSteps };

    // In the core…
    const core = replayRun(record);
    expect(bits(core.q)).toEqual(bits(end.q));
    expect(core.epsilon).toBe(end.epsilon);
    // …and in a fresh worker, after a JSON round trip (an exported file).
    const again = trainer(0.9);
    again.send({ type: 'replay', record: JSON.parse(JSON.stringify(record)) as RunRecord });
    // A replay runs in the worker's time slices.
    again.port.runAll();
    const s = again.snap();
    expect(bits(s.q)).toEqual(bits(end.q));
    expect(s.totalSteps).toBe(end.totalSteps);
    expect(s.episode).toBe(end.episode);
    expect(Array.from(s.current.states)).toEqual(Array.from(end.current.states));
    expect(again.port.events('ready')[0]!.record.changes).toEqual(changes);
  });

  it('a bad record is refused with the fields named, and the run goes on unchanged', () => {
    const w = trainer();
    w.send({ type: 'init', settings: settings(1) });
    w.send({ type: 'step' });
    const before = w.snap();
    w.send({
      type: 'replay',
      record: { settings: { seed: 'x' }, changes: [], totalSteps: 3 } as never,
    });
    expect(w.port.events('error').at(-1)?.message).toMatch(/run record was refused/);
    const after = w.snap();
    expect(bits(after.q)).toEqual(bits(before.q));
    expect(after.totalSteps).toBe(1);
  });
});

describe('faults', () => {
  it('a worker that dies is restarted from the last snapshot with the settings kept', () => {
    const workers: InProcessWorker[] = [];
    const store = createLabStore({
      createWorker: () => {
        const w = createInProcessWorker();
        workers.push(w);
        return w;
      },
    });
    store.getState().setParams({ alpha: 0.3 });
    for (let i = 0; i < 500; i++) {
      store.getState().step();
      store.getState().snapshotDrawn();
    }
    const before = store.getState().snapshot!;
    workers[0]!.crash('out of memory');
    store.getState().step();
    expect(store.getState().connection).toBe('failed');
    const notice = store.getState().notices.at(-1)!;
    expect(notice.text).toMatch(/out of memory/);
    expect(notice.action?.label).toBe('Restart the worker');
    notice.action!.run();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(store.getState().connection).toBe('ready');
    const after = store.getState().snapshot!;
    expect(after.totalSteps).toBe(before.totalSteps);
    expect(bits(after.q)).toEqual(bits(before.q));
    expect(store.getState().params.alpha).toBe(0.3);
    // And it goes on exactly as the first worker would have.
    store.getState().step();
    store.getState().snapshotDrawn();
    expect(store.getState().totalSteps).toBe(before.totalSteps + 1);
  });

  it('a worker that stops answering is reported, with a restart', async () => {
    const { store, setSilent } = labWithSilenceableWorker(5);
    setSilent(true);
    const realNow = Date.now;
    const start = realNow();
    Date.now = () => realNow() + 10_000;
    try {
      await new Promise((r) => setTimeout(r, 30));
    } finally {
      Date.now = realNow;
    }
    expect(realNow() - start).toBeLessThan(5000);
    expect(store.getState().connection).toBe('unresponsive');
    expect(store.getState().notices.at(-1)?.text).toMatch(/stopped answering/);
    setSilent(false);
    store.getState().notices.at(-1)!.action!.run();
    expect(store.getState().connection).toBe('ready');
    store.getState().dispose();
  });
});
