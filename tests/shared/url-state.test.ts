import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultMaxSteps } from '../../src/rl/env';
import { generateRandomMap, MAPS, parseMap } from '../../src/rl/maps';
import {
  checkLimit,
  LESSON_PARAMS,
  PARAM_LIMITS,
  RANDOM_MAP_LIMITS,
  RUN_LIMITS,
} from '../../src/rl/params';
import type { GridView } from '../../src/shared/grid-view';
import { lessonSettings } from '../../src/shared/lesson-run';
import { labQuery, urlStateFromLab, urlStateToRun } from '../../src/shared/url/lab-link';
import { withBandSeeds } from '../../src/components/dock/seeds/band-form';
import { mapRows, parseMapSpec, type MapSpec } from '../../src/shared/url/map-spec';
import {
  linkBandSeeds,
  DEFAULT_URL_STATE,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/shared/url/url-state';

// Thousands of generated cases: allow for a busy machine (the property tests take 2–7 s when others
// run; the parser itself is a few µs per link).
vi.setConfig({ testTimeout: 60_000 });

const parse = (search: string) => parseUrlState(search);
const roundTrip = (state: UrlState) => serializeUrlState(parse(serializeUrlState(state)).state);

describe('parseUrlState: worked examples', () => {
  it('an empty query is the lesson: 4x4, slippery, seed 0, α 0.1, γ 0.99, ε 1, V view, 20 steps/s', () => {
    for (const search of ['', '?', '?&&'])
      expect(parse(search)).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
    expect(DEFAULT_URL_STATE.maxSteps).toBe(100);
    expect(DEFAULT_URL_STATE.params).toEqual(LESSON_PARAMS);
  });

  it('reads the example link of the brief', () => {
    const { state, notices } = parse(
      '?map=4x4&seed=3&alpha=0.1&gamma=0.99&eps=1&decay=0.0001&min_eps=0.01&view=q&speed=20',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_URL_STATE, seed: 3, view: 'q' });
  });

  it('?map=8x8&alpha=0.5&view=q&seed=7: the 8x8 map with its time limit of 200', () => {
    const { state, notices } = parse('?map=8x8&alpha=0.5&view=q&seed=7');
    expect(notices).toEqual([]);
    expect(state.map).toEqual({ kind: 'named', name: '8x8' });
    expect(state.maxSteps).toBe(200);
    expect(state.params.alpha).toBe(0.5);
    expect(state.seed).toBe(7);
    expect(state.view).toBe('q');
  });

  it('reads every key', () => {
    const { state, notices } = parse(
      'map=SFFF,FHFH,FFFH,HFFG&slippery=0&success=0.8&max_steps=50&seed=9&episodes=2000' +
        '&frame_every=100&alpha=0.2&gamma=0.9&eps=0.5&decay=0.001&min_eps=0.05&ties=random' +
        '&view=a&speed=max',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      map: { kind: 'custom', rows: ['SFFF', 'FHFH', 'FFFH', 'HFFG'] },
      isSlippery: false,
      successRate: 0.8,
      maxSteps: 50,
      seed: 9,
      episodes: 2000,
      frameInterval: 100,
      params: {
        alpha: 0.2,
        gamma: 0.9,
        epsilon: 0.5,
        epsilonDecay: 0.001,
        minEpsilon: 0.05,
        tieBreak: 'random',
      },
      view: 'a',
      speed: 'max',
    } satisfies UrlState);
  });

  it('custom rows may be lower case and separated by / or spaces (+ in a query)', () => {
    expect(parse('map=sfff/fhfh/fffh/hffg').state.map).toEqual({
      kind: 'custom',
      rows: [...MAPS['4x4']],
    });
    expect(parse('map=SF+FG').state.map).toEqual({ kind: 'custom', rows: ['SF', 'FG'] });
    // Percent-encoded commas, as URLSearchParams would write them, read the same.
    expect(parse('map=SF%2CFG').state.map).toEqual({ kind: 'custom', rows: ['SF', 'FG'] });
  });

  it('random:12:0.6:5 is a seeded 12x12 map: the same rows every time, time limit 200', () => {
    const { state, notices } = parse('map=random:12:0.6:5');
    expect(notices).toEqual([]);
    expect(state.map).toEqual({ kind: 'random', size: 12, p: 0.6, seed: 5 });
    expect(state.maxSteps).toBe(200);
    expect(mapRows(state.map)).toEqual(generateRandomMap(12, 0.6, 5));
    expect(mapRows(state.map)).toEqual(mapRows(state.map));
  });

  it('random alone or with fewer parts takes Gymnasium defaults (size 8, p 0.8) and seed 0', () => {
    expect(parse('map=random').state.map).toEqual({ kind: 'random', size: 8, p: 0.8, seed: 0 });
    expect(parse('map=random:4').state.map).toEqual({ kind: 'random', size: 4, p: 0.8, seed: 0 });
    expect(parse('map=random:4::2').state.map).toEqual({
      kind: 'random',
      size: 4,
      p: 0.8,
      seed: 2,
    });
  });

  it('the time limit default follows the map: 100 on 2x2, 200 on 5x5', () => {
    expect(parse('map=SF,FG').state.maxSteps).toBe(100);
    expect(parse('map=random:5:0.9:1').state.maxSteps).toBe(200);
    expect(parse('map=random:5:0.9:1&max_steps=30').state.maxSteps).toBe(30);
  });

  it('accepts slippery as 1/0, true/false, yes/no, on/off', () => {
    for (const w of ['1', 'true', 'yes', 'on', 'ON'])
      expect(parse(`slippery=${w}`).state.isSlippery).toBe(true);
    for (const w of ['0', 'false', 'no', 'off'])
      expect(parse(`slippery=${w}`).state.isSlippery).toBe(false);
  });
});

describe('parseUrlState: refusals name the parameter and say why; the rest applies', () => {
  it('?alpha=7&gamma=abc&seed=4: α and γ refused with the limits of rl/params, seed applied', () => {
    const { state, notices } = parse('?alpha=7&gamma=abc&seed=4');
    expect(notices).toEqual([
      `The link's alpha="7" was ignored: ${checkLimit(PARAM_LIMITS.alpha, 7)}`,
      `The link's gamma="abc" was ignored: ${checkLimit(PARAM_LIMITS.gamma, NaN)}`,
    ]);
    expect(notices[0]).toBe(
      'The link\'s alpha="7" was ignored: Learning rate α must be above 0 and at most 1; got 7.',
    );
    expect(state.params.alpha).toBe(LESSON_PARAMS.alpha);
    expect(state.params.gamma).toBe(LESSON_PARAMS.gamma);
    expect(state.seed).toBe(4);
  });

  it('a custom map without a goal is refused with the core message; the lesson map stays', () => {
    const { state, notices } = parse('map=SFFF,FHFH,FFFH,HFFF&view=q');
    expect(notices).toEqual([
      'The link\'s map="SFFF,FHFH,FFFH,HFFF" was ignored: The map has no goal: put at least one G on it.',
    ]);
    expect(state.map).toEqual({ kind: 'named', name: '4x4' });
    expect(state.view).toBe('q');
  });

  it('names the tile and place of a bad character, and a ragged map', () => {
    expect(parse('map=SX,FG').notices[0]).toContain(
      'Unknown tile "X" at row 1, column 2: use S (start), F (frozen), H (hole) or G (goal).',
    );
    expect(parse('map=SFF,FG').notices[0]).toContain(
      'Row 2 has 2 tiles but row 1 has 3: the map must be rectangular.',
    );
  });

  it('an unknown named size is explained as such, not as a bad tile', () => {
    expect(parse('map=16x16').notices).toEqual([
      'The link\'s map="16x16" was ignored: There is no named map 16x16: use 4x4, 8x8, random:SIZE:P:SEED or rows such as SFFF,FHFH,FFFH,HFFG.',
    ]);
  });

  it('a random map out of its limits names the part', () => {
    expect(parse('map=random:20:0.8:1').notices[0]).toContain(
      checkLimit(RANDOM_MAP_LIMITS.size, 20)!,
    );
    expect(parse('map=random:8:0.2:1').notices[0]).toContain(
      'Frozen probability p must be from 0.5 to 1; got 0.2.',
    );
    expect(parse('map=random:8:0.8:-1').notices[0]).toContain('Map seed must be a whole number');
    expect(parse('map=random:8:0.8:1:9').notices[0]).toContain('random:SIZE:P:SEED');
  });

  it('refuses fractions where whole numbers are needed, hex, Infinity and blanks', () => {
    expect(parse('seed=1.5').notices[0]).toBe(
      `The link's seed="1.5" was ignored: ${checkLimit(RUN_LIMITS.seed, 1.5)}`,
    );
    expect(parse('episodes=0x10').notices[0]).toContain('Episodes must be');
    expect(parse('speed=Infinity').notices[0]).toContain('Or write max for full speed.');
    expect(parse('alpha=').notices).toEqual(["The link's alpha has no value and was ignored."]);
    expect(parse('max_steps=10001').notices[0]).toContain('Time limit must be');
  });

  it('refuses unknown views, tie rules and slippery words', () => {
    expect(parse('view=x').notices[0]).toContain(
      'View must be v (state values), q (Q-values), a (advantages), n (visit counts) or td (TD errors).',
    );
    expect(parse('view=n').state.view).toBe('n');
    expect(parse('view=td').state.view).toBe('td');
    expect(parse('ties=last').notices[0]).toContain('Tie rule must be "first" or "random".');
    expect(parse('slippery=maybe').notices[0]).toContain('Slippery ice must be 1 (on) or 0 (off).');
  });

  it('unknown parameters get a notice; repeated ones use the last value and say so', () => {
    const { state, notices } = parse('foo=1&seed=1&seed=2');
    expect(notices).toEqual([
      'The link sets seed more than once; the last value was used.',
      expect.stringMatching(/^The link's parameter "foo" is not one the lab knows/),
    ]);
    expect(state.seed).toBe(2);
  });

  it('cuts a long value short in the notice', () => {
    const notice = parse(`alpha=${'9'.repeat(500)}`).notices[0]!;
    expect(notice.length).toBeLessThan(200);
    expect(notice).toContain('…"');
  });
});

describe('serializeUrlState', () => {
  it('writes nothing for the lesson', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
  });

  it('writes only what differs, in a fixed order, with readable commas and colons', () => {
    expect(
      serializeUrlState({
        ...DEFAULT_URL_STATE,
        map: { kind: 'named', name: '8x8' },
        maxSteps: 200,
        seed: 7,
        params: { ...LESSON_PARAMS, alpha: 0.5 },
        view: 'q',
      }),
    ).toBe('map=8x8&seed=7&alpha=0.5&view=q');
    expect(
      serializeUrlState({
        ...DEFAULT_URL_STATE,
        map: { kind: 'random', size: 6, p: 0.75, seed: 2 },
        maxSteps: 200,
      }),
    ).toBe('map=random:6:0.75:2');
    expect(
      serializeUrlState({
        ...DEFAULT_URL_STATE,
        map: { kind: 'custom', rows: ['SF', 'FG'] },
        isSlippery: false,
        speed: 'max',
      }),
    ).toBe('map=SF,FG&slippery=0&speed=max');
  });

  it('writes a time limit only when it is not the map’s default', () => {
    const eight = { ...DEFAULT_URL_STATE, map: { kind: 'named', name: '8x8' } } as const;
    expect(serializeUrlState({ ...eight, maxSteps: 200 })).toBe('map=8x8');
    expect(serializeUrlState({ ...eight, maxSteps: 100 })).toBe('map=8x8&max_steps=100');
  });
});

describe('urlStateToRun and urlStateFromLab', () => {
  it('turns a state into the store’s settings and map name', () => {
    const { settings, mapName } = urlStateToRun(parse('map=8x8&seed=7').state);
    expect(mapName).toBe('8x8');
    expect(settings).toEqual(lessonSettings('8x8', 7));
    expect(urlStateToRun(parse('map=SF,FG').state).mapName).toBe('custom');
  });

  it('reads the lab back: the lesson gives an empty query', () => {
    const lab = { settings: lessonSettings(), mapName: '4x4', speed: 20, view: 'v' } as const;
    expect(serializeUrlState(urlStateFromLab(lab))).toBe('');
  });

  it('names a map given as rows when they are a named map’s', () => {
    const lab = {
      settings: lessonSettings('8x8'),
      mapName: 'custom',
      speed: 20,
      view: 'v',
    } as const;
    expect(urlStateFromLab(lab).map).toEqual({ kind: 'named', name: '8x8' });
  });

  it('keeps the link’s random spec while the rows are the ones it draws, else writes rows', () => {
    const rows = generateRandomMap(5, 0.9, 3);
    const lab = {
      settings: { ...lessonSettings(), map: rows, maxSteps: 200 },
      mapName: 'custom',
      speed: 20,
      view: 'v',
    } as const;
    expect(labQuery(lab, '?map=random:5:0.9:3&alpha=0.3')).toBe('map=random:5:0.9:3');
    expect(labQuery(lab, '?map=random:5:0.9:4')).toBe(`map=${rows.join(',')}`);
    expect(labQuery(lab, '')).toBe(`map=${rows.join(',')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** A valid custom map: a random map, possibly turned on its side or flipped, so S and G move. */
const customRows = fc
  .record({
    size: fc.integer({ min: 2, max: 12 }),
    p: fc.double({ min: 0.5, max: 1, noNaN: true }),
    seed: fc.nat(1000),
    transpose: fc.boolean(),
    flip: fc.boolean(),
  })
  .map(({ size, p, seed, transpose, flip }) => {
    let rows = generateRandomMap(size, p, seed);
    if (transpose) rows = rows[0]!.split('').map((_, c) => rows.map((r) => r[c]).join(''));
    if (flip) rows = [...rows].reverse();
    return parseMap(rows);
  });

const mapSpec: fc.Arbitrary<MapSpec> = fc.oneof(
  fc.constantFrom<MapSpec>({ kind: 'named', name: '4x4' }, { kind: 'named', name: '8x8' }),
  fc.record({
    kind: fc.constant('random' as const),
    size: fc.integer({ min: 2, max: 12 }),
    p: fc.double({ min: 0.5, max: 1, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  }),
  customRows.map((rows) => ({ kind: 'custom' as const, rows })),
  fc.constant<MapSpec>({ kind: 'custom', rows: ['SG'] }),
);

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const int = (min: number, max: number) => fc.integer({ min, max });

/** Any state a person could make with the controls (every field inside its limit). */
const validState: fc.Arbitrary<UrlState> = fc.record({
  map: mapSpec,
  isSlippery: fc.boolean(),
  successRate: fc.oneof(unit, fc.constant(1 / 3)),
  maxSteps: fc.oneof(int(1, RUN_LIMITS.maxSteps.max), fc.constantFrom(100, 200)),
  seed: fc.oneof(int(0, 2 ** 32 - 1), fc.constant(0)),
  episodes: fc.oneof(int(1, RUN_LIMITS.episodes.max), fc.constant(10_000)),
  frameInterval: fc.oneof(int(1, RUN_LIMITS.frameInterval.max), fc.constant(1000)),
  params: fc.record({
    alpha: fc.oneof(
      fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true }),
      fc.constant(0.1),
    ),
    gamma: unit,
    epsilon: unit,
    epsilonDecay: unit,
    minEpsilon: unit,
    tieBreak: fc.constantFrom('first' as const, 'random' as const),
  }),
  view: fc.constantFrom<GridView>('v', 'q', 'a', 'n', 'td'),
  speed: fc.oneof(
    fc.constant('max' as const),
    fc.double({ min: 1, max: 1_000_000, noNaN: true }),
    fc.constantFrom(1, 20, 1000),
  ),
});

/** Every field of a parsed state is inside its limit and the map resolves. */
function expectWithinLimits(state: UrlState): void {
  for (const [name, limit] of Object.entries(PARAM_LIMITS))
    expect(checkLimit(limit, state.params[name as keyof typeof PARAM_LIMITS]), name).toBeNull();
  for (const name of ['successRate', 'maxSteps', 'seed', 'episodes', 'frameInterval'] as const)
    expect(checkLimit(RUN_LIMITS[name], state[name]), name).toBeNull();
  expect(['first', 'random']).toContain(state.params.tieBreak);
  expect(['v', 'q', 'a', 'n', 'td']).toContain(state.view);
  expect(typeof state.isSlippery).toBe('boolean');
  if (state.speed !== 'max') expect(checkLimit(RUN_LIMITS.speed, state.speed)).toBeNull();
  const rows = mapRows(state.map);
  expect(parseMap(rows)).toEqual(rows);
}

/** Strings that look a little like links: known keys, odd values, stray & = % + ? characters. */
const linkish = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'map',
          'alpha',
          'gamma',
          'eps',
          'seed',
          'speed',
          'view',
          'max_steps',
          'slippery',
          'success',
          'ties',
        ),
        fc.string(),
      ),
      fc.oneof(
        fc.string(),
        fc.double().map(String),
        fc.integer().map(String),
        fc.constantFrom(
          'max',
          'random',
          'random:3:0.5:1',
          'random:12:0.5',
          'SF,FG',
          'q',
          '1e3',
          '-0',
          'NaN',
          '%zz',
          '+',
        ),
      ),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

describe('properties', () => {
  it('random strings never throw and never yield NaN or out-of-range values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), linkish), (search) => {
        const { state, notices } = parseUrlState(search);
        expectWithinLimits(state);
        for (const n of notices) expect(typeof n).toBe('string');
        // What was parsed serializes to a link that parses without complaint.
        expect(parseUrlState(serializeUrlState(state)).notices).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('valid states round-trip: serialize(parse(serialize(x))) = serialize(x), with no notice', () => {
    fc.assert(
      fc.property(validState, (x) => {
        const query = serializeUrlState(x);
        const { state, notices } = parseUrlState(query);
        expect(notices).toEqual([]);
        expect(state).toEqual(x);
        expect(roundTrip(x)).toBe(query);
      }),
      { numRuns: 2000 },
    );
  });

  it('the lab read back from a valid state gives the same link', () => {
    fc.assert(
      fc.property(validState, (x) => {
        const { settings, mapName } = urlStateToRun(x);
        const lab = { settings, mapName, speed: x.speed, view: x.view };
        const query = serializeUrlState(x);
        // Custom rows that happen to be a named map are written by name: same map either way.
        expect(mapRows(parse(labQuery(lab, query)).state.map)).toEqual(settings.map);
        if (x.map.kind !== 'custom') expect(labQuery(lab, query)).toBe(query);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseMapSpec reads back every map it writes', () => {
    fc.assert(
      fc.property(mapSpec, (spec) => {
        const text =
          spec.kind === 'named'
            ? spec.name
            : spec.kind === 'random'
              ? `random:${spec.size}:${spec.p}:${spec.seed}`
              : spec.rows.join(',');
        expect(parseMapSpec(text)).toEqual(spec);
      }),
    );
  });

  it('a default time limit is never written, whatever the map', () => {
    fc.assert(
      fc.property(mapSpec, (map) => {
        const rows = mapRows(map);
        const maxSteps = defaultMaxSteps(rows.length, rows[0]!.length);
        expect(serializeUrlState({ ...DEFAULT_URL_STATE, map, maxSteps })).not.toContain(
          'max_steps',
        );
      }),
    );
  });
});

describe('seeds= (the seed band, issue 21)', () => {
  it('reads 2 to 64 seeds, writes them back, and refuses anything else with a notice', () => {
    const { state, notices } = parseUrlState('?seeds=8');
    expect(notices).toEqual([]);
    expect(state.seeds).toBe(8);
    expect(serializeUrlState(state)).toBe('seeds=8');
    for (const bad of ['1', '65', '2.5', '0x8']) {
      const read = parseUrlState(`?seeds=${bad}`);
      expect(read.state.seeds).toBeUndefined();
      expect(read.notices).toHaveLength(1);
      expect(read.notices[0]).toMatch(/Seeds in a band must be a whole number from 2 to 64/);
    }
    expect(serializeUrlState(parseUrlState('').state)).toBe('');
  });

  it('the lab’s link keeps the band’s seeds from the current query', () => {
    expect(linkBandSeeds('?seed=3&seeds=12')).toBe(12);
    expect(linkBandSeeds('?seeds=99')).toBeUndefined();
    expect(linkBandSeeds('')).toBeUndefined();
    const lab = {
      settings: lessonSettings('4x4', 3),
      speed: DEFAULT_URL_STATE.speed,
      view: 'v' as const,
    };
    expect(labQuery(lab, withBandSeeds('?seed=3', 16))).toBe('seed=3&seeds=16');
    expect(labQuery(lab, '?seed=3')).toBe('seed=3');
  });
});
