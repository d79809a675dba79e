/**
 * What the Export panel writes: Q, V and A as CSV, the run as JSON (a replayable run record with
 * the tables, frames and learning curves), and the files' names. Pure functions over plain data:
 * no DOM, no store, no React, so they are unit-tested in Node.
 *
 * Tables are flat and row-major, as the worker sends them: Q(s, a) = q[s · 4 + a], actions in
 * Gymnasium's order Left 0, Down 1, Right 2, Up 3, state s = row · ncol + col.
 *
 * Numbers are written with `String(x)`, the shortest text that parses back to the same double, so
 * a table read back from the CSV or the JSON is bit-identical to the one exported.
 */
import type { RunHistory } from '../../../shared/history/types';
import { advantages, greedyMasks, stateValues } from '../../../rl/tables';
import type { QParams } from '../../../rl/params';
import { copyChange, type ParamChangeRecord, type RunRecord } from '../../../rl/replay';
import type { EnvInfo, GreedyEvaluation, OptimumInfo, RunSettings } from '../../../worker/protocol';

/** Action names as columns and JSON keys use them, in Gymnasium's order. */
export const ACTION_KEYS = ['left', 'down', 'right', 'up'] as const;

/** The CSV's header: one row per state follows. */
export const CSV_HEADER = [
  'state',
  'row',
  'col',
  'tile',
  ...ACTION_KEYS.map((a) => `Q_${a}`),
  'V',
  ...ACTION_KEYS.map((a) => `A_${a}`),
  'greedy',
].join(',');

/** The `format` field of the run JSON; `version` changes when its shape does. */
export const RUN_FORMAT = 'ice-maze-lab/run';
export const RUN_FORMAT_VERSION = 1;

/** Q and the tables derived from it, flat as the snapshot carries them. */
export interface ValueTables {
  /** Q(s, a) = q[s · 4 + a]. */
  q: ArrayLike<number>;
  /** V(s) = max_a Q(s, a). */
  v: ArrayLike<number>;
  /** A(s, a) = Q(s, a) − V(s), flat like Q. */
  advantage: ArrayLike<number>;
  /** Bit a set when a is a greedy action of s (ties all set). */
  greedyMask: ArrayLike<number>;
}

/** V, A and the greedy masks computed from Q (for a table no snapshot carried yet). */
export function tablesFromQ(q: ArrayLike<number>): ValueTables {
  return { q, v: stateValues(q), advantage: advantages(q), greedyMask: greedyMasks(q) };
}

/** The tables of a fresh agent on `nS` states: Q = 0, so V = 0, A = 0 and every action ties. */
export function zeroTables(nS: number): ValueTables {
  return tablesFromQ(new Float64Array(nS * ACTION_KEYS.length));
}

/** A number as the shortest text that reads back to the same double; −0 as 0, non-finite as empty. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  return Object.is(x, -0) ? '0' : String(x);
}

/** The greedy actions of a tie mask, lowest first, joined by `|` ("left|down|right|up" at the start). */
export function greedyLabel(mask: number): string {
  return ACTION_KEYS.filter((_, a) => (mask & (1 << a)) !== 0).join('|');
}

/** The map's geometry, as `EnvInfo` gives it. */
export type GridShape = Pick<EnvInfo, 'desc' | 'nrow' | 'ncol' | 'nS'>;

/**
 * Q, V and A as CSV, one row per state:
 *
 *   state,row,col,tile,Q_left,Q_down,Q_right,Q_up,V,A_left,A_down,A_right,A_up,greedy
 *
 * `tile` is the map letter (S, F, H, G); `greedy` lists the greedy actions joined by `|`. No
 * field needs quoting: tiles are letters and numbers never hold a comma. Lines end with `\n`.
 */
export function qvaCsv(env: GridShape, tables: ValueTables): string {
  const nA = ACTION_KEYS.length;
  if (tables.q.length !== env.nS * nA)
    throw new RangeError(`Q has ${tables.q.length} entries, expected ${env.nS} states × ${nA}.`);
  const lines = [CSV_HEADER];
  for (let s = 0; s < env.nS; s++) {
    const row = Math.floor(s / env.ncol);
    const col = s % env.ncol;
    const fields: string[] = [String(s), String(row), String(col), env.desc[row]?.[col] ?? ''];
    for (let a = 0; a < nA; a++) fields.push(formatNumber(tables.q[s * nA + a]!));
    fields.push(formatNumber(tables.v[s]!));
    for (let a = 0; a < nA; a++) fields.push(formatNumber(tables.advantage[s * nA + a]!));
    fields.push(greedyLabel(tables.greedyMask[s]!));
    lines.push(fields.join(','));
  }
  return lines.join('\n') + '\n';
}

/** A run's counters at the moment of the export. */
export interface RunCounters {
  /** Episodes finished. */
  episode: number;
  /** Environment steps taken (= Q updates). */
  totalSteps: number;
  /** Current ε. */
  epsilon: number;
}

/** A frame of the gallery, reduced to its numbers. */
export interface FrameSummary {
  /** The episode just finished (0-based) when the frame was kept. */
  episode: number;
  totalSteps: number;
  epsilon: number;
  /** Exact success probability of the greedy policy at that moment. */
  successProbability: number;
}

/** Everything `runExport` reads. */
export interface RunExportInput {
  /** The settings the run started with (the run record's, not the sliders' current values). */
  settings: RunSettings;
  /** Hyperparameter changes made while it trained, each with the step it took effect at. */
  changes?: readonly ParamChangeRecord[];
  /** Hyperparameters in force now (default: the starting ones). */
  params?: QParams;
  env: GridShape & Pick<EnvInfo, 'start'>;
  /** Counters of the snapshot the tables come from. */
  counters: RunCounters;
  tables: ValueTables;
  frames: readonly FrameSummary[];
  optimum?: Pick<OptimumInfo, 'gamma' | 'successProbability' | 'bestWithinLimit'> | null;
  /** The latest exact evaluation of the greedy policy. */
  evaluation?: GreedyEvaluation | null;
  /** The learning-curve history, when the page keeps one. */
  history?: RunHistory | null;
  /** ISO time of the export (the caller's clock: this module reads none). */
  exportedAt?: string;
}

/** A number that JSON can hold: NaN and ±∞ become `null` (JSON has no such numbers). */
export type JsonNumber = number | null;

/** The learning-curve history as written to JSON (see `RunHistory`). */
export interface HistoryExport {
  bucketWidth: number;
  window: number;
  totals: Record<string, JsonNumber>;
  buckets: Record<string, JsonNumber>[];
  epsilon: { episode: number; value: JsonNumber }[];
  greedy: { episode: number; value: JsonNumber }[];
}

/**
 * The run JSON. Its `settings`, `changes` and `totalSteps` are a `RunRecord` (rl/replay): the
 * file itself replays the run (`replayRun`, or the worker's `replay` command after
 * `parseRunRecord`), giving bit-identical Q; the rest is what the run looked like.
 */
export interface RunExport extends RunRecord {
  format: typeof RUN_FORMAT;
  version: typeof RUN_FORMAT_VERSION;
  exportedAt?: string;
  /** Hyperparameters in force at the export (the starting ones plus every change). */
  params: QParams;
  env: { nrow: number; ncol: number; nS: number; start: number };
  counters: RunCounters;
  /** Action order of every per-action array. */
  actions: typeof ACTION_KEYS;
  /** Q per state: `q[s][a]`. */
  q: number[][];
  /** V per state. */
  v: number[];
  /** A per state: `advantage[s][a]`. */
  advantage: number[][];
  /** Greedy actions per state (ties all listed). */
  greedy: string[][];
  frames: FrameSummary[];
  optimum: { gamma: number; successProbability: number; bestWithinLimit: number } | null;
  evaluation: {
    episode: number;
    successProbability: JsonNumber;
    expectedLength: JsonNumber;
    expectedStepsToGoal: JsonNumber;
  } | null;
  /** `null` when the page keeps no learning-curve history. */
  history: HistoryExport | null;
}

const json = (x: number): JsonNumber => (Number.isFinite(x) ? x : null);

/** Every numeric field of an object, NaN and ±∞ as null. */
function jsonNumbers(o: object): Record<string, JsonNumber> {
  const out: Record<string, JsonNumber> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number') out[k] = json(v);
  return out;
}

/** The history's series, reduced to plain JSON. */
export function historyExport(history: RunHistory): HistoryExport {
  const points = (series: readonly { episode: number; value: number }[]) =>
    series.map((p) => ({ episode: p.episode, value: json(p.value) }));
  return {
    bucketWidth: history.bucketWidth,
    window: history.window,
    totals: jsonNumbers(history.totals()),
    buckets: history.buckets().map(jsonNumbers),
    epsilon: points(history.epsilon()),
    greedy: points(history.greedy()),
  };
}

/** Rows of `nA` numbers: `rows(q)[s][a] = Q(s, a)`. */
function rows(flat: ArrayLike<number>, nS: number): number[][] {
  const nA = ACTION_KEYS.length;
  const out: number[][] = [];
  for (let s = 0; s < nS; s++) out.push(Array.from({ length: nA }, (_, a) => flat[s * nA + a]!));
  return out;
}

/**
 * The run as one JSON-ready object: its record (starting settings with the seed, the
 * hyperparameter changes with their steps, the step count), the counters, Q/V/A per state, the
 * frames' success probabilities and the learning-curve history. The record alone trains the
 * same Q again: the core is deterministic.
 */
export function runExport(input: RunExportInput): RunExport {
  const { settings, env, counters, tables } = input;
  const nS = env.nS;
  if (tables.q.length !== nS * ACTION_KEYS.length)
    throw new RangeError(`Q has ${tables.q.length} entries, expected ${nS} states × 4.`);
  const ev = input.evaluation;
  return {
    format: RUN_FORMAT,
    version: RUN_FORMAT_VERSION,
    ...(input.exportedAt === undefined ? {} : { exportedAt: input.exportedAt }),
    // Every field of the settings (a field added later travels too), copied.
    settings: { ...settings, map: [...settings.map], params: { ...settings.params } },
    // A change the worker made after the snapshot of these tables is not part of this state.
    changes: (input.changes ?? []).filter((c) => c.atStep <= counters.totalSteps).map(copyChange),
    totalSteps: counters.totalSteps,
    params: { ...(input.params ?? settings.params) },
    env: { nrow: env.nrow, ncol: env.ncol, nS, start: env.start },
    counters: {
      episode: counters.episode,
      totalSteps: counters.totalSteps,
      epsilon: counters.epsilon,
    },
    actions: ACTION_KEYS,
    q: rows(tables.q, nS),
    v: Array.from({ length: nS }, (_, s) => tables.v[s]!),
    advantage: rows(tables.advantage, nS),
    greedy: Array.from({ length: nS }, (_, s) => {
      const label = greedyLabel(tables.greedyMask[s]!);
      return label === '' ? [] : label.split('|');
    }),
    frames: input.frames.map((f) => ({
      episode: f.episode,
      totalSteps: f.totalSteps,
      epsilon: f.epsilon,
      successProbability: f.successProbability,
    })),
    optimum: input.optimum
      ? {
          gamma: input.optimum.gamma,
          successProbability: input.optimum.successProbability,
          bestWithinLimit: input.optimum.bestWithinLimit,
        }
      : null,
    evaluation: ev
      ? {
          episode: ev.episode,
          successProbability: json(ev.successProbability),
          expectedLength: json(ev.expectedLength),
          expectedStepsToGoal: json(ev.expectedStepsToGoal),
        }
      : null,
    history: input.history ? historyExport(input.history) : null,
  };
}

/** `runExport` as indented JSON text, ending with a newline. */
export function runJson(input: RunExportInput): string {
  return JSON.stringify(runExport(input), null, 2) + '\n';
}

/** What a file name is made of. */
export interface FileNameParts {
  nrow: number;
  ncol: number;
  seed: number;
  episode: number;
}

/**
 * `ice-maze-4x4-seed0-episode10000.csv`, or with a part: `ice-maze-4x4-seed0-episode10000-grid.png`.
 * Only letters, digits, `-` and `.`: safe on every file system.
 */
export function exportFileName(parts: FileNameParts, extension: string, part?: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-');
  const base = `ice-maze-${parts.nrow}x${parts.ncol}-seed${clean(String(parts.seed))}-episode${parts.episode}`;
  return `${base}${part ? `-${clean(part)}` : ''}.${clean(extension)}`;
}
