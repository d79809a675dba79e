import { describe, expect, it } from 'vitest';
import {
  CSV_HEADER,
  exportFileName,
  formatNumber,
  greedyLabel,
  qvaCsv,
  runExport,
  runJson,
  tablesFromQ,
  zeroTables,
  type GridShape,
  type RunExport,
  type RunExportInput,
} from '../../src/components/dock/io/export-data';
import { MAPS } from '../../src/rl/maps';
import { parseRunRecord, replayRun } from '../../src/rl/replay';
import { createRunHistory } from '../../src/shared/history/run-history';
import { createLabStore, lessonSettings, type LabStore } from '../../src/store/lab-store';
import type { Speed } from '../../src/worker/protocol';
import { createInProcessWorker, type InProcessWorker } from '../store/in-process-worker';

const MAP_4X4: GridShape = {
  desc: [...MAPS['4x4']],
  nrow: 4,
  ncol: 4,
  nS: 16,
};

/** A 2x2 map: start, ice / hole, goal. */
const MAP_2X2: GridShape & { start: number } = {
  desc: ['SF', 'HG'],
  nrow: 2,
  ncol: 2,
  nS: 4,
  start: 0,
};

/**
 * Q on the 2x2 map, numbers exact in binary:
 *   s0 (S): Q = [0.25, 0.5, 0.5, −0.25]  V = 0.5  A = [−0.25, 0, 0, −0.75]  greedy down|right
 *   s1 (F): Q = [0, 0, 1, 0.75]          V = 1    A = [−1, −1, 0, −0.25]     greedy right
 *   s2 (H), s3 (G): terminal, Q = 0, every action ties.
 */
const Q_2X2 = Float64Array.from([0.25, 0.5, 0.5, -0.25, 0, 0, 1, 0.75, 0, 0, 0, 0, 0, 0, 0, 0]);

const parseCsv = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));

function input2x2(overrides: Partial<RunExportInput> = {}): RunExportInput {
  return {
    settings: { ...lessonSettings(), map: ['SF', 'HG'], maxSteps: 100, seed: 7 },
    env: MAP_2X2,
    counters: { episode: 12, totalSteps: 34, epsilon: 0.9966 },
    tables: tablesFromQ(Q_2X2),
    frames: [{ episode: 0, totalSteps: 3, epsilon: 0.9997, successProbability: 0.125 }],
    ...overrides,
  };
}

describe('qvaCsv', () => {
  it('has the header state,row,col,tile,Q_left…Q_up,V,A_left…A_up,greedy', () => {
    expect(CSV_HEADER).toBe(
      'state,row,col,tile,Q_left,Q_down,Q_right,Q_up,V,A_left,A_down,A_right,A_up,greedy',
    );
  });

  it('writes the 4x4 zero table: 16 rows of zeros, every action greedy (all tie)', () => {
    const csv = qvaCsv(MAP_4X4, zeroTables(16));
    expect(csv.endsWith('\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(17);
    expect(rows[0]!.join(',')).toBe(CSV_HEADER);
    expect(rows[1]!.join(',')).toBe('0,0,0,S,0,0,0,0,0,0,0,0,0,left|down|right|up');
    expect(rows[6]!.join(',')).toBe('5,1,1,H,0,0,0,0,0,0,0,0,0,left|down|right|up');
    expect(rows[16]!.join(',')).toBe('15,3,3,G,0,0,0,0,0,0,0,0,0,left|down|right|up');
    expect(
      rows
        .slice(1)
        .map((r) => r[3])
        .join(''),
    ).toBe(MAP_4X4.desc.join(''));
    for (const row of rows) expect(row).toHaveLength(14);
  });

  it('writes the 2x2 worked example: V = max Q, A = Q − V, ties listed', () => {
    expect(qvaCsv(MAP_2X2, tablesFromQ(Q_2X2))).toBe(
      [
        CSV_HEADER,
        '0,0,0,S,0.25,0.5,0.5,-0.25,0.5,-0.25,0,0,-0.75,down|right',
        '1,0,1,F,0,0,1,0.75,1,-1,-1,0,-0.25,right',
        '2,1,0,H,0,0,0,0,0,0,0,0,0,left|down|right|up',
        '3,1,1,G,0,0,0,0,0,0,0,0,0,left|down|right|up',
        '',
      ].join('\n'),
    );
  });

  it('numbers read back bit-identical (shortest round-trip text)', () => {
    const hard = [0.1 + 0.2, 1 / 3, -1e-300, 5e-324, 0.9999999999999999, 123456.789, -0, 2 ** -40];
    const q = new Float64Array(16);
    hard.forEach((x, i) => (q[i] = x));
    const rows = parseCsv(qvaCsv(MAP_2X2, tablesFromQ(q)));
    const back: number[] = [];
    for (const row of rows.slice(1)) back.push(...row.slice(4, 8).map(Number));
    // −0 is written as 0: equal as a number, not by Object.is.
    back.forEach((x, i) => expect(x === q[i]).toBe(true));
    expect(back.slice(0, 6).every((x, i) => Object.is(x, q[i]))).toBe(true);
  });

  it('refuses a Q of the wrong size', () => {
    expect(() => qvaCsv(MAP_4X4, zeroTables(4))).toThrow(/16 states/);
  });
});

describe('formatNumber and greedyLabel', () => {
  it('writes −0 as 0 and leaves non-finite numbers empty', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('names the greedy actions of a mask, Left 0, Down 1, Right 2, Up 3', () => {
    expect(greedyLabel(0b1111)).toBe('left|down|right|up');
    expect(greedyLabel(0b0100)).toBe('right');
    expect(greedyLabel(0b1001)).toBe('left|up');
    expect(greedyLabel(0)).toBe('');
  });
});

describe('runExport', () => {
  it('holds the run record, counters, Q/V/A per state and the frames', () => {
    const input = input2x2();
    const out = runExport(input);
    expect(out.format).toBe('ice-maze-lab/run');
    expect(out.version).toBe(1);
    // The record: starting settings, no changes, the step count.
    expect(out.settings).toEqual(input.settings);
    expect(out.settings).not.toBe(input.settings);
    expect(out.changes).toEqual([]);
    expect(out.totalSteps).toBe(34);
    expect(out.params).toEqual(input.settings.params);
    expect(out.env).toEqual({ nrow: 2, ncol: 2, nS: 4, start: 0 });
    expect(out.counters).toEqual({ episode: 12, totalSteps: 34, epsilon: 0.9966 });
    expect(out.actions).toEqual(['left', 'down', 'right', 'up']);
    expect(out.q).toEqual([
      [0.25, 0.5, 0.5, -0.25],
      [0, 0, 1, 0.75],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(out.v).toEqual([0.5, 1, 0, 0]);
    expect(out.advantage[0]).toEqual([-0.25, 0, 0, -0.75]);
    expect(out.advantage[1]).toEqual([-1, -1, 0, -0.25]);
    expect(out.greedy).toEqual([
      ['down', 'right'],
      ['right'],
      ['left', 'down', 'right', 'up'],
      ['left', 'down', 'right', 'up'],
    ]);
    expect(out.frames).toEqual([
      { episode: 0, totalSteps: 3, epsilon: 0.9997, successProbability: 0.125 },
    ]);
    expect(out.optimum).toBeNull();
    expect(out.evaluation).toBeNull();
    expect(out.history).toBeNull();
    expect(out).not.toHaveProperty('exportedAt');
  });

  it('is a run record the replay parser accepts', () => {
    const parsed = parseRunRecord(JSON.parse(runJson(input2x2())));
    expect(parsed).toEqual({
      ok: true,
      record: { settings: input2x2().settings, changes: [], totalSteps: 34 },
    });
  });

  it('keeps the hyperparameter changes up to the tables’ step, and the params in force', () => {
    const out = runExport(
      input2x2({
        changes: [
          { atStep: 10, params: { alpha: 0.5 } },
          { atStep: 34, params: { epsilon: 0.2 } },
          // Made by the worker after the snapshot the tables come from: not part of this state.
          { atStep: 40, params: { gamma: 0.9 } },
        ],
        params: { ...lessonSettings().params, alpha: 0.5, epsilon: 0.2, gamma: 0.9 },
      }),
    );
    expect(out.changes).toEqual([
      { atStep: 10, params: { alpha: 0.5 } },
      { atStep: 34, params: { epsilon: 0.2 } },
    ]);
    expect(out.params).toMatchObject({ alpha: 0.5, epsilon: 0.2, gamma: 0.9 });
    expect(out.settings.params.alpha).toBe(0.1);
  });

  it('is plain JSON: NaN becomes null, and parsing gives the same object back', () => {
    const input = input2x2({
      evaluation: {
        episode: 12,
        successProbability: 0,
        expectedLength: 4.5,
        expectedStepsToGoal: NaN,
      },
      optimum: { gamma: 0.99, successProbability: 0.5, bestWithinLimit: 0.75 },
      exportedAt: '2025-01-01T00:00:00.000Z',
    });
    const text = runJson(input);
    expect(text).not.toMatch(/NaN|Infinity/);
    const parsed = JSON.parse(text) as RunExport;
    expect(parsed).toEqual(runExport(input));
    expect(parsed.evaluation?.expectedStepsToGoal).toBeNull();
    expect(parsed.optimum).toEqual({ gamma: 0.99, successProbability: 0.5, bestWithinLimit: 0.75 });
    expect(parsed.exportedAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it('includes the learning-curve history, NaN (empty buckets, no goal yet) as null', () => {
    const history = createRunHistory({ maxBuckets: 4, window: 2, maxPoints: 4 });
    history.ingest({
      runId: 1,
      seq: 1,
      episode: 3,
      epsilon: 0.99,
      totalSteps: 30,
      t: 0,
      params: { epsilonDecay: 0.0001, minEpsilon: 0.01 },
      episodes: {
        first: 0,
        lengths: Int32Array.from([10, 12, 8]),
        reachedGoal: Uint8Array.from([0, 0, 0]),
      },
      evaluation: { successProbability: 0, episode: 3 },
    });
    const out = runExport(input2x2({ history }));
    expect(out.history).not.toBeNull();
    const h = out.history!;
    expect(h.window).toBe(2);
    expect(h.bucketWidth).toBe(history.bucketWidth);
    expect(h.totals).toMatchObject({ episodes: 3, recorded: 3, successes: 0, successRate: 0 });
    expect(h.buckets).toHaveLength(history.buckets().length);
    expect(h.buckets[0]).toMatchObject({
      start: 0,
      count: 1,
      meanLength: 10,
      meanStepsToGoal: null,
    });
    expect(h.greedy).toEqual([{ episode: 3, value: 0 }]);
    expect(runJson(input2x2({ history }))).not.toContain('NaN');
  });

  it('refuses a Q of the wrong size', () => {
    expect(() => runExport(input2x2({ tables: zeroTables(16) }))).toThrow(/4 states/);
  });
});

describe('replaying a run from its JSON', () => {
  /** Trains `frames` frames of 20 ms in the app's real worker code (in-process, fake clock). */
  function train(store: LabStore, worker: InProcessWorker, frames: number): void {
    for (let i = 0; i < frames; i++) {
      worker.endpoint.advance(20);
      store.getState().snapshotDrawn();
    }
  }

  /** The export of the store's run, as the Export panel builds it. */
  function exportStore(store: LabStore): string {
    const { snapshot, env, record, params, frames, history } = store.getState();
    return runJson({
      settings: record!.settings,
      changes: record!.changes,
      params,
      env: env!,
      counters: snapshot!,
      tables: snapshot!,
      frames,
      history,
    });
  }

  /** At full speed one frame trains the whole budget of 10,000 episodes; give a speed to stop earlier. */
  function setup(speed: Speed = 'max'): { store: LabStore; worker: InProcessWorker } {
    let worker: InProcessWorker | null = null;
    const store = createLabStore({
      settings: lessonSettings('4x4', 3),
      speed,
      createWorker: () => (worker = createInProcessWorker()),
    });
    return { store, worker: worker! };
  }

  it('the record in the file trains a bit-identical Q with the core', () => {
    const { store, worker } = setup();
    store.getState().play();
    train(store, worker, 6);
    store.getState().pause();
    store.getState().snapshotDrawn();
    const snapshot = store.getState().snapshot!;
    expect(snapshot.totalSteps).toBeGreaterThan(1000);

    const run = JSON.parse(exportStore(store)) as RunExport;
    expect(run.settings.seed).toBe(3);
    expect(run.totalSteps).toBe(snapshot.totalSteps);
    const parsed = parseRunRecord(run);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    const agent = replayRun(parsed.record);
    const exported = run.q.flat();
    expect(agent.q).toHaveLength(exported.length);
    expect(Array.from(agent.q).every((x, i) => Object.is(x, exported[i]))).toBe(true);
    expect(Array.from(agent.q).every((x, i) => Object.is(x, snapshot.q[i]))).toBe(true);
    expect(agent.q.some((x) => x !== 0)).toBe(true);
    expect(agent.episode).toBe(run.counters.episode);
    expect(agent.epsilon).toBe(run.counters.epsilon);
    store.getState().dispose();
  });

  it('with sliders moved while it trained, the file still replays it exactly', () => {
    // 50,000 steps per second: 1,000 steps per 20 ms frame.
    const { store, worker } = setup(50_000);
    store.getState().play();
    train(store, worker, 3);
    expect(store.getState().setParams({ alpha: 0.5 })).toBe(true);
    train(store, worker, 3);
    expect(store.getState().setParams({ epsilon: 0.3, gamma: 0.9 })).toBe(true);
    train(store, worker, 3);
    store.getState().pause();
    store.getState().snapshotDrawn();
    const snapshot = store.getState().snapshot!;

    const run = JSON.parse(exportStore(store)) as RunExport;
    expect(run.changes.map((c) => c.params)).toEqual([
      { alpha: 0.5 },
      { epsilon: 0.3, gamma: 0.9 },
    ]);
    expect(run.settings.params.alpha).toBe(0.1);
    expect(run.params).toMatchObject({ alpha: 0.5, epsilon: 0.3, gamma: 0.9 });
    const parsed = parseRunRecord(run);
    if (!parsed.ok) throw new Error(parsed.errors.join(' '));
    const agent = replayRun(parsed.record);
    expect(Array.from(agent.q).every((x, i) => Object.is(x, snapshot.q[i]))).toBe(true);
    // Replaying the starting settings alone, without the changes, does not give that Q.
    const plain = replayRun({ ...parsed.record, changes: [] });
    expect(Array.from(plain.q).every((x, i) => Object.is(x, snapshot.q[i]))).toBe(false);
    store.getState().dispose();
  });
});

describe('exportFileName', () => {
  it('names files by map size, seed and episode', () => {
    const parts = { nrow: 4, ncol: 4, seed: 0, episode: 10_000 };
    expect(exportFileName(parts, 'csv')).toBe('ice-maze-4x4-seed0-episode10000.csv');
    expect(exportFileName(parts, 'json')).toBe('ice-maze-4x4-seed0-episode10000.json');
    expect(exportFileName(parts, 'png', 'grid')).toBe('ice-maze-4x4-seed0-episode10000-grid.png');
    expect(exportFileName({ nrow: 8, ncol: 8, seed: 42, episode: 0 }, 'svg', 'grid')).toBe(
      'ice-maze-8x8-seed42-episode0-grid.svg',
    );
  });

  it('keeps only letters, digits and dashes in its parts', () => {
    expect(exportFileName({ nrow: 2, ncol: 3, seed: 1, episode: 5 }, 'png', 'a b/c')).toBe(
      'ice-maze-2x3-seed1-episode5-a-b-c.png',
    );
  });
});
