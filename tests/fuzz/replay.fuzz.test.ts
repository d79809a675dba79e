/**
 * Property-based tests of exact replays: a run is defined by its settings, seed and the
 * hyperparameter changes with their steps. However the live run was cut into calls (or worker
 * slices, pauses and single steps), replaying its record gives bit-identical Q, ε, counters and
 * generator state; an imported record (any JSON) is either accepted within the limits or refused
 * with messages naming its fields.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAPS } from '../../src/rl/maps';
import { checkLimit, paramErrors, type QParams, RUN_LIMITS } from '../../src/rl/params';
import { runSteps } from '../../src/rl/fast-loop';
import { createAgent, type QAgent } from '../../src/rl/agent';
import {
  applyParamChange,
  parseRunRecord,
  recordEnv,
  replayRun,
  type ParamChangeRecord,
  type RunRecord,
} from '../../src/rl/replay';
import type { TrainerCommand } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint } from '../worker/fake-endpoint';

// Thousands of generated cases: allow for a busy machine (a run takes a few seconds when idle).
vi.setConfig({ testTimeout: 60_000 });

const unit = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0.5) },
);

const params: fc.Arbitrary<QParams> = fc.record({
  alpha: fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), fc.constant(1)),
  gamma: unit,
  epsilon: unit,
  epsilonDecay: fc.oneof(fc.double({ min: 0, max: 0.01, noNaN: true }), unit),
  minEpsilon: unit,
  tieBreak: fc.constantFrom('first' as const, 'random' as const),
});

/** A partial change, as set-params sends it (at least one field). */
const change: fc.Arbitrary<Partial<QParams>> = params.chain((p) =>
  fc
    .subarray(Object.keys(p) as Array<keyof QParams>, { minLength: 1 })
    .map((keys) => Object.fromEntries(keys.map((k) => [k, p[k]])) as Partial<QParams>),
);

const settings: fc.Arbitrary<RunRecord['settings']> = fc.record({
  map: fc.constantFrom<string[]>([...MAPS['4x4']], [...MAPS['8x8']], ['SF', 'HG'], ['SFFG']),
  isSlippery: fc.boolean(),
  successRate: unit,
  maxSteps: fc.integer({ min: 1, max: 200 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  episodes: fc.integer({ min: 1, max: 100 }),
  frameInterval: fc.integer({ min: 1, max: 1000 }),
  params,
});

/** Counters, tables and generator state of an agent, for bit-for-bit comparison. */
function fingerprint(agent: QAgent) {
  return {
    q: Array.from(agent.q),
    visits: Array.from(agent.visits),
    tdErrors: Array.from(agent.tdErrors),
    rng: Array.from(agent.rng),
    epsilon: agent.epsilon,
    state: agent.state,
    t: agent.t,
    episode: agent.episode,
    totalSteps: agent.totalSteps,
    params: agent.params,
  };
}

describe('replayRun', () => {
  it('reproduces a live run bit for bit, however it was cut into calls', () => {
    fc.assert(
      fc.property(
        settings,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), change), { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 8 }),
        (s, rawChanges, chunks) => {
          const record: RunRecord = { settings: s, changes: [], totalSteps: 0 };
          const env = recordEnv(record);
          const live = createAgent(env, s.params, s.seed);
          // The live run: chunks of random size; each change lands after its step count.
          const pending = [...rawChanges].sort((a, b) => a[0] - b[0]);
          const changes: ParamChangeRecord[] = [];
          for (const chunk of chunks) {
            let left = chunk;
            while (left > 0) {
              const next = pending[0];
              const room = next ? Math.min(left, next[0] - live.totalSteps) : left;
              if (room > 0) left -= runSteps(live, room);
              if (next && live.totalSteps >= next[0]) {
                pending.shift();
                applyParamChange(live, next[1]);
                changes.push({ atStep: live.totalSteps, params: next[1] });
              }
            }
          }
          const replayed = replayRun({ settings: s, changes, totalSteps: live.totalSteps });
          expect(fingerprint(replayed)).toEqual(fingerprint(live));
          expect(live.q.every(Number.isFinite)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 250 },
    );
  });

  it('an exported record (JSON) is accepted as it is and replays to the same agent', () => {
    fc.assert(
      fc.property(
        settings,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), change), { maxLength: 3 }),
        fc.integer({ min: 0, max: 300 }),
        (s, raw, extra) => {
          const changes = raw
            .map(([atStep, params]) => ({ atStep, params }))
            .sort((a, b) => a.atStep - b.atStep);
          const totalSteps = (changes.at(-1)?.atStep ?? 0) + extra;
          const record: RunRecord = { settings: s, changes, totalSteps };
          const parsed = parseRunRecord(JSON.parse(JSON.stringify(record)));
          if (!parsed.ok) return expect.fail(parsed.errors.join(' '));
          expect(parsed.record).toEqual(record);
          expect(fingerprint(replayRun(parsed.record))).toEqual(fingerprint(replayRun(record)));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------ imported JSON

/** A JSON value close to a run record: valid fields, some replaced by junk. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(-1, 0, 0.5, 1.5, 2 ** 32, 1e308, -0, '1', '', null, true, [], {}),
);
const nearRecord = fc
  .tuple(
    settings,
    fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), change), { maxLength: 3 }),
    fc.integer({ min: 0, max: 400 }),
    fc.array(
      fc.constantFrom(
        'map',
        'isSlippery',
        'successRate',
        'maxSteps',
        'seed',
        'episodes',
        'frameInterval',
        'params',
        'params.alpha',
        'params.tieBreak',
        'changes',
        'changes.0.atStep',
        'changes.0.params',
        'totalSteps',
        'settings',
      ),
      { maxLength: 2 },
    ),
    fc.array(junk, { minLength: 2, maxLength: 2 }),
  )
  .map(([s, raw, totalSteps, paths, values]) => {
    const changes = raw
      .map(([atStep, p]) => ({ atStep, params: p }))
      .sort((a, b) => a.atStep - b.atStep);
    const record = JSON.parse(
      JSON.stringify({
        settings: s,
        changes,
        totalSteps: (changes.at(-1)?.atStep ?? 0) + totalSteps,
      }),
    ) as Record<string, unknown>;
    paths.forEach((path, i) => {
      const parts = path.split('.');
      let target = (
        parts[0] === 'changes' || parts[0] === 'totalSteps' || parts[0] === 'settings'
          ? record
          : record.settings
      ) as Record<string, unknown> | undefined;
      for (const part of parts.slice(0, -1)) target = target?.[part] as Record<string, unknown>;
      if (target && typeof target === 'object') target[parts.at(-1)!] = values[i];
    });
    return record as unknown;
  });

describe('parseRunRecord on any JSON', () => {
  it('never throws; accepts within the limits, else names the fields at fault', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 4, arbitrary: nearRecord }, { weight: 1, arbitrary: fc.jsonValue() }),
        (data) => {
          const parsed = parseRunRecord(data);
          if (!parsed.ok) {
            expect(parsed.errors.length).toBeGreaterThan(0);
            for (const e of parsed.errors)
              expect(e).toMatch(/^("(settings|changes|totalSteps)|The file)/);
            return;
          }
          accepted++;
          const { settings: s, changes, totalSteps } = parsed.record;
          for (const key of [
            'successRate',
            'maxSteps',
            'seed',
            'episodes',
            'frameInterval',
          ] as const)
            expect(checkLimit(RUN_LIMITS[key], s[key])).toBeNull();
          expect(paramErrors(s.params)).toEqual([]);
          let last = 0;
          for (const c of changes) {
            expect(c.atStep).toBeGreaterThanOrEqual(last);
            expect(paramErrors(c.params)).toEqual([]);
            last = c.atStep;
          }
          expect(totalSteps).toBeGreaterThanOrEqual(last);
          if (totalSteps <= 2000)
            expect(replayRun(parsed.record).q.every(Number.isFinite)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});

// ------------------------------------------------------------------ through the worker

const liveCommand: fc.Arbitrary<TrainerCommand | 'time'> = fc.oneof(
  fc.constantFrom<TrainerCommand | 'time'>(
    { type: 'step' },
    { type: 'step-episode' },
    { type: 'play' },
    { type: 'pause' },
    { type: 'set-speed', speed: 'max' },
    { type: 'set-speed', speed: 500 },
    { type: 'run-greedy-episode' },
    'time',
    'time',
  ),
  change.map((params): TrainerCommand => ({ type: 'set-params', params })),
);

describe('the worker replays its own record', () => {
  it('a run driven by steps, play, pauses and set-params replays to the same Q', () => {
    fc.assert(
      fc.property(settings, fc.array(liveCommand, { maxLength: 12 }), (s, commands) => {
        const small = { ...s, map: s.map.length > 4 ? [...MAPS['4x4']] : s.map };
        const a = createFakeEndpoint(1000, 1);
        const live = createTrainer(a);
        live.handle({ type: 'init', settings: small });
        for (const c of commands) {
          if (c === 'time') a.runNext();
          else live.handle(c);
        }
        live.handle({ type: 'pause' });
        live.handle({ type: 'request-snapshot' });
        const snapshot = a.lastSnapshot();
        const ready = a.events('ready').at(-1)!;
        const record: RunRecord = {
          settings: ready.record.settings,
          changes: a.events('params-applied').map((e) => e.change),
          totalSteps: snapshot.totalSteps,
        };
        expect(a.events('error')).toEqual([]);

        const b = createFakeEndpoint(1000, 1);
        const replaying = createTrainer(b);
        replaying.handle(structuredClone({ type: 'replay', record }));
        expect(b.events('error')).toEqual([]);
        const replayed = b.lastSnapshot();
        expect(Array.from(replayed.q)).toEqual(Array.from(snapshot.q));
        expect(replayed.epsilon).toBe(snapshot.epsilon);
        expect(replayed.episode).toBe(snapshot.episode);
        expect(replayed.state).toBe(snapshot.state);
        expect(replayed.params).toEqual(snapshot.params);
        expect(b.events('ready').at(-1)!.record.changes).toEqual(record.changes);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
