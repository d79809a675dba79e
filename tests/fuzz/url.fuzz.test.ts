/**
 * Property-based tests of links: any query string parses without throwing into a state whose every
 * value the limits of rl/params allow (and whose map is valid), a parameter that cannot be used is
 * named in a notice while the others still apply, and serialize ∘ parse is a fixed point.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createEnv } from '../../src/rl/env';
import { parseMap } from '../../src/rl/maps';
import {
  checkLimit,
  paramErrors,
  PARAM_LIMITS,
  RUN_LIMITS,
  RANDOM_MAP_LIMITS,
} from '../../src/rl/params';
import { DEFAULT_DISPLAY } from '../../src/shared/display';
import { urlStateToRun } from '../../src/shared/url/lab-link';
import { mapRows, type MapSpec } from '../../src/shared/url/map-spec';
import {
  DEFAULT_URL_STATE,
  parseUrlState,
  serializeUrlState,
  URL_KEYS,
  type UrlState,
} from '../../src/shared/url/url-state';

// Thousands of generated cases: allow for a busy machine (a run takes a few seconds when idle).
vi.setConfig({ testTimeout: 60_000 });

// ------------------------------------------------------------------ generators

/** Numbers as a person (or a fuzzer) writes them in a link. */
const numberText = fc.oneof(
  fc.double().map(String),
  fc.double({ min: -2, max: 2 }).map(String),
  fc.integer({ min: -10, max: 1_000_001 }).map(String),
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '0.5',
    '.5',
    '5.',
    '1e-3',
    '1E2',
    '+1',
    '0x10',
    'Infinity',
    'NaN',
    '1e999',
    '4294967295',
    '4294967296',
    '100000001',
    '10001',
    '1,5',
    ' 0.5 ',
    '',
    '½',
  ),
);

/** Map specs: named, random with good and bad parts, custom rows, junk. */
const mapText = fc.oneof(
  fc.constantFrom('4x4', '8x8', '3x3', '4X4', 'random', 'random:', 'RANDOM:4', 'random:8:0.8:3:9'),
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 14 }).map(String), numberText),
      fc.oneof(fc.double({ min: 0.4, max: 1.1, noNaN: true }).map(String), numberText),
      fc.oneof(fc.integer({ min: 0, max: 2 ** 32 }).map(String), numberText),
    )
    .map(([size, p, seed]) => `random:${size}:${p}:${seed}`),
  fc
    .array(
      fc
        .array(fc.constantFrom('S', 'F', 'F', 'F', 'H', 'G', 's', 'f', 'x'), {
          minLength: 1,
          maxLength: 6,
        })
        .map((cs) => cs.join('')),
      { minLength: 1, maxLength: 6 },
    )
    .map((rows) => rows.join(',')),
  fc.string({ maxLength: 20 }),
);

const wordText = fc.constantFrom(
  '1',
  '0',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'TRUE',
  'maybe',
  'first',
  'random',
  'Random',
  'v',
  'q',
  'a',
  'V',
  'max',
  'MAX',
  '',
);

/** A value for a key: what it expects, something close, or anything. */
const valueFor = (key: string) =>
  fc.oneof(
    { weight: 4, arbitrary: key === 'map' ? mapText : fc.oneof(numberText, wordText) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...URL_KEYS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('Alpha', 'eps ', 'theme', '', '__proto__', 'constructor'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** A query built from pairs (repeated keys included), encoded properly. */
const builtQuery = fc
  .array(
    key.chain((k) => valueFor(k).map((v) => [k, v] as const)),
    { maxLength: 10 },
  )
  .chain((pairs) =>
    fc
      .boolean()
      .map(
        (withMark) =>
          (withMark ? '?' : '') + new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString(),
      ),
  );

/** Raw text pasted as a query: stray %, +, &, =, #, unicode. */
const rawQuery = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '&',
          '=',
          '?',
          '%',
          '%2',
          '%E0%A4%A',
          '%zz',
          '+',
          '#',
          ';',
          'map=',
          'alpha=',
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

const anyQuery = fc.oneof({ weight: 3, arbitrary: builtQuery }, { weight: 1, arbitrary: rawQuery });

// ------------------------------------------------------------------ checks

/** '' when every value of the state is allowed, else what is not. */
function stateProblem(state: UrlState): string {
  const problems: string[] = [...paramErrors(state.params)];
  for (const name of ['successRate', 'maxSteps', 'seed', 'episodes', 'frameInterval'] as const) {
    const e = checkLimit(RUN_LIMITS[name], state[name]);
    if (e) problems.push(e);
  }
  if (state.speed !== 'max') {
    const e = checkLimit(RUN_LIMITS.speed, state.speed);
    if (e) problems.push(e);
  }
  if (!['v', 'q', 'a', 'n', 'td'].includes(state.view)) problems.push(`view ${state.view}`);
  if (typeof state.isSlippery !== 'boolean') problems.push('isSlippery');
  if (state.map.kind === 'random')
    for (const name of ['size', 'p', 'seed'] as const) {
      const e = checkLimit(RANDOM_MAP_LIMITS[name], state.map[name]);
      if (e) problems.push(e);
    }
  try {
    const rows = mapRows(state.map);
    parseMap(rows);
    const { settings } = urlStateToRun(state);
    createEnv({
      map: settings.map,
      isSlippery: settings.isSlippery,
      successRate: settings.successRate,
      maxSteps: settings.maxSteps,
    });
  } catch (e) {
    problems.push(`map: ${(e as Error).message}`);
  }
  return problems.join(' ');
}

/** Where each link key lands in the state. */
const FIELD: Record<string, (s: UrlState) => unknown> = {
  map: (s) => s.map,
  slippery: (s) => s.isSlippery,
  success: (s) => s.successRate,
  max_steps: (s) => s.maxSteps,
  seed: (s) => s.seed,
  episodes: (s) => s.episodes,
  frame_every: (s) => s.frameInterval,
  alpha: (s) => s.params.alpha,
  gamma: (s) => s.params.gamma,
  eps: (s) => s.params.epsilon,
  decay: (s) => s.params.epsilonDecay,
  min_eps: (s) => s.params.minEpsilon,
  ties: (s) => s.params.tieBreak,
  view: (s) => s.view,
  speed: (s) => s.speed,
};

/** The value with -0 written as 0 (a link cannot tell them apart, and neither can the run). */
function normalized<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The state as the lab applies it: -0 as 0, an absent or partial display filled with defaults. */
function applied(state: UrlState): UrlState {
  return normalized({ ...state, display: { ...DEFAULT_DISPLAY, ...state.display } });
}

// ------------------------------------------------------------------ properties

describe('parseUrlState on any query', () => {
  it('never throws; every value it returns is within the limits, its map is valid', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const { state, notices } = parseUrlState(query);
        expect(stateProblem(state)).toBe('');
        expect(notices.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('names every parameter it could not use, and still applies the others', () => {
    fc.assert(
      fc.property(builtQuery, (query) => {
        const whole = parseUrlState(query);
        const last = new Map(new URLSearchParams(query));
        for (const [k, v] of last) {
          // The same parameter alone: refused there ⇒ named here.
          const alone = parseUrlState(new URLSearchParams([[k, v]]).toString());
          const named = whole.notices.some((n) => n.includes(k.slice(0, 30)));
          if (alone.notices.length > 0) expect(named, `${k}=${v} not named`).toBe(true);
          // Used alone ⇒ used the same way among the others.
          const field = Object.hasOwn(FIELD, k) ? FIELD[k] : undefined;
          if (alone.notices.length === 0 && field)
            expect(normalized(field(whole.state)), `${k}=${v}`).toEqual(
              normalized(field(alone.state)),
            );
        }
      }),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('serialize ∘ parse is a fixed point: its output parses back without notices to itself', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const first = parseUrlState(query).state;
        const text = serializeUrlState(first);
        const again = parseUrlState(text);
        expect(again.notices).toEqual([]);
        expect(serializeUrlState(again.state)).toBe(text);
        expect(applied(again.state)).toEqual(applied(first));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

/** Any state the limits allow, drawn directly (not through a query). */
const unit = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 1, 0.5, 1e-7, 5e-324),
);
const validState: fc.Arbitrary<UrlState> = fc.record({
  map: fc.oneof(
    fc.constantFrom<MapSpec>({ kind: 'named', name: '4x4' }, { kind: 'named', name: '8x8' }),
    fc.record({
      kind: fc.constant('random' as const),
      size: fc.integer({ min: 2, max: 12 }),
      p: fc.double({ min: 0.5, max: 1, noNaN: true }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    }),
    fc.constantFrom<MapSpec>(
      { kind: 'custom', rows: ['SG'] },
      { kind: 'custom', rows: ['SFFF', 'FHFH', 'FFFH', 'HFFG'] },
      { kind: 'custom', rows: ['SF', 'FH', 'FG'] },
    ),
  ),
  isSlippery: fc.boolean(),
  successRate: unit,
  maxSteps: fc.integer({ min: 1, max: RUN_LIMITS.maxSteps.max }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  episodes: fc.integer({ min: 1, max: RUN_LIMITS.episodes.max }),
  frameInterval: fc.integer({ min: 1, max: RUN_LIMITS.frameInterval.max }),
  params: fc.record({
    alpha: fc.oneof(
      fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
      fc.constantFrom(1, 5e-324),
    ),
    gamma: unit,
    epsilon: unit,
    epsilonDecay: unit,
    minEpsilon: unit,
    tieBreak: fc.constantFrom('first' as const, 'random' as const),
  }),
  view: fc.constantFrom('v' as const, 'q' as const, 'a' as const),
  speed: fc.oneof(
    fc.constant('max' as const),
    fc.double({ min: 1, max: RUN_LIMITS.speed.max, noNaN: true }),
    fc.integer({ min: 1, max: 1000 }),
  ),
});

describe('serializeUrlState on any allowed state', () => {
  it('round-trips exactly, without notices', () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(stateProblem(state)).toBe('');
        const text = serializeUrlState(state);
        const back = parseUrlState(text);
        expect(back.notices).toEqual([]);
        expect(applied(back.state)).toEqual(applied(state));
      }),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('writes nothing for the lesson, and only what differs otherwise', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(PARAM_LIMITS) as Array<keyof typeof PARAM_LIMITS>)),
        unit,
        (name, value) => {
          fc.pre(name !== 'alpha' || value > 0);
          const state = {
            ...DEFAULT_URL_STATE,
            params: { ...DEFAULT_URL_STATE.params, [name]: value },
          };
          const text = serializeUrlState(state);
          const keys = [...new URLSearchParams(text).keys()];
          expect(keys.length).toBeLessThanOrEqual(1);
          if (
            Object.is(value, DEFAULT_URL_STATE.params[name]) ||
            (value === 0 && DEFAULT_URL_STATE.params[name] === 0)
          )
            expect(keys).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
