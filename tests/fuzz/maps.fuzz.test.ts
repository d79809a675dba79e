/**
 * Property-based tests of map parsing: any array of strings is either a valid map, which builds an
 * environment whose every transition row is a probability distribution, or a `MapError` that
 * names the rule broken (and the row and column when the problem has a place). Never any other
 * exception. The validity oracle below is written independently of `parseMap`.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createEnv } from '../../src/rl/env';
import {
  MAX_MAP_SIDE,
  MIN_MAP_SIDE,
  MapError,
  generateRandomMap,
  parseMap,
  splitMapRows,
} from '../../src/rl/maps';

// Thousands of generated cases: allow for a busy machine (a run takes a few seconds when idle).
vi.setConfig({ testTimeout: 60_000 });

const TILES = new Set(['S', 'F', 'H', 'G']);

/** Characters a hand-typed or pasted map may contain besides the four tiles. */
const STRAY_CHARS = [
  's',
  'f',
  'h',
  'g',
  '.',
  ' ',
  'X',
  '0',
  '\t',
  'é',
  'ß',
  'ſ',
  'ﬀ',
  '😀',
  '\u0000',
];

/** One character, mostly a tile. */
const tileChar = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('S', 'F', 'H', 'G') },
  { weight: 1, arbitrary: fc.constantFrom(...STRAY_CHARS) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) },
);

/** A side length, mostly small, sometimes past the limit. */
const side = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 8 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: MAX_MAP_SIDE }) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_MAP_SIDE - 1, max: 40 }) },
);

/** Rectangular grids of random characters (biased toward tiles). */
const rectangular = fc.tuple(side, side).chain(([nrow, ncol]) =>
  fc.array(
    fc.array(tileChar, { minLength: ncol, maxLength: ncol }).map((cs) => cs.join('')),
    { minLength: nrow, maxLength: nrow },
  ),
);

/**
 * Grids that are valid more often than not: frozen and holes with a random frozen share, one S and
 * a few G at random places, then sometimes one mutation (a stray character, a second S, a row cut).
 */
const plausibleSide = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_MAP_SIDE }) },
);
const plausible = fc
  .record({
    nrow: plausibleSide,
    ncol: plausibleSide,
    frozen: fc.double({ min: 0.3, max: 1, noNaN: true }),
    seed: fc.integer(),
    goals: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) },
      { weight: 1, arbitrary: fc.constant(0) },
    ),
    mutation: fc.oneof(
      { weight: 6, arbitrary: fc.constant('none') },
      { weight: 1, arbitrary: fc.constantFrom('stray', 'second-start', 'cut', 'drop-start') },
    ),
  })
  .map(({ nrow, ncol, frozen, seed, goals, mutation }) => {
    // A small LCG keeps the arbitrary shrinkable through its integer seed.
    let x = seed >>> 0;
    const rand = () => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x / 2 ** 32;
    };
    const cells: string[][] = [];
    for (let r = 0; r < nrow; r++) {
      const row: string[] = [];
      for (let c = 0; c < ncol; c++) row.push(rand() < frozen ? 'F' : 'H');
      cells.push(row);
    }
    const at = () => [Math.floor(rand() * nrow), Math.floor(rand() * ncol)] as const;
    for (let g = 0; g < goals; g++) {
      const [r, c] = at();
      cells[r]![c] = 'G';
    }
    if (mutation !== 'drop-start') {
      const [r, c] = at();
      cells[r]![c] = 'S';
    }
    if (mutation === 'second-start' || mutation === 'stray') {
      const [r, c] = at();
      cells[r]![c] =
        mutation === 'stray' ? STRAY_CHARS[Math.floor(rand() * STRAY_CHARS.length)]! : 'S';
    }
    const rows = cells.map((row) => row.join(''));
    if (mutation === 'cut') {
      const r = Math.floor(rand() * nrow);
      rows[r] = rows[r]!.slice(0, Math.floor(rand() * ncol));
    }
    return rows;
  });

/** Jagged arrays of strings, empty strings and the empty array included. */
const jagged = fc.array(
  fc.array(tileChar, { maxLength: 12 }).map((cs) => cs.join('')),
  {
    maxLength: 40,
  },
);

/** Any array of strings, as the three shapes above and fully random strings. */
const anyRows = fc.oneof(
  { weight: 4, arbitrary: plausible },
  { weight: 3, arbitrary: rectangular },
  { weight: 2, arbitrary: jagged },
  {
    weight: 1,
    arbitrary: fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 40 }),
  },
);

type Rule = MapError['rule'];

/** Depth-first search over non-hole tiles from S; true when some G is met. */
function reachesGoal(rows: readonly string[]): boolean {
  const nrow = rows.length;
  const ncol = rows[0]!.length;
  let start = -1;
  for (let r = 0; r < nrow; r++)
    for (let c = 0; c < ncol; c++) if (rows[r]![c] === 'S') start = r * ncol + c;
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length > 0) {
    const s = todo.pop()!;
    const r = Math.floor(s / ncol);
    const c = s % ncol;
    if (rows[r]![c] === 'G') return true;
    for (const [dr, dc] of [
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ] as const) {
      const rr = r + dr;
      const cc = c + dc;
      if (rr < 0 || rr >= nrow || cc < 0 || cc >= ncol || rows[rr]![cc] === 'H') continue;
      const n = rr * ncol + cc;
      if (!seen.has(n)) {
        seen.add(n);
        todo.push(n);
      }
    }
  }
  return false;
}

/** Every rule the rows break (empty: a valid map), from the rules as parseMap's doc states them. */
function brokenRules(rows: readonly string[]): Set<Rule> {
  const broken = new Set<Rule>();
  if (rows.length === 0) return new Set(['empty']);
  const ncol = rows[0]!.length;
  if (ncol === 0) broken.add('empty');
  if (rows.length > MAX_MAP_SIDE || ncol > MAX_MAP_SIDE) broken.add('too-large');
  if (rows.some((r) => r.length !== ncol)) broken.add('not-rectangular');
  const all = rows.join('');
  if (all.split('').some((ch) => !TILES.has(ch))) broken.add('bad-tile');
  const starts = all.split('').filter((ch) => ch === 'S').length;
  if (starts === 0) broken.add('no-start');
  if (starts > 1) broken.add('many-starts');
  if (!all.includes('G')) broken.add('no-goal');
  if (rows.length * ncol < 2) broken.add('too-small');
  if (broken.size === 0 && !reachesGoal(rows)) broken.add('unreachable');
  return broken;
}

/** A word each rule's message must contain when it has no place to name. */
const RULE_WORDS: Record<Rule, RegExp> = {
  empty: /empty/i,
  'not-rectangular': /rectangular/i,
  'bad-tile': /tile/i,
  'no-start': /no start/i,
  'many-starts': /start/i,
  'no-goal': /no goal/i,
  unreachable: /reached/i,
  'too-small': /two tiles/i,
  'too-large': /at most 32/i,
};

/** The checks every accepted map must pass once built into an environment ('' when all do). */
function envProblem(rows: string[], isSlippery: boolean, successRate: number): string {
  const env = createEnv({ map: rows, isSlippery, successRate });
  if (JSON.stringify(env.desc) !== JSON.stringify(rows)) return 'desc differs from the rows';
  if (env.nS !== rows.length * rows[0]!.length) return 'nS';
  if (env.desc.join('').split('S').length !== 2) return 'not exactly one start';
  if (env.desc[Math.floor(env.start / env.ncol)]![env.start % env.ncol] !== 'S') return 'start';
  const tiles = env.desc.join('');
  // Plain comparisons, not expect(): a 32x32 map has 12,288 outcomes.
  for (let s = 0; s < env.nS; s++) {
    for (let a = 0; a < env.nA; a++) {
      const outcomes = env.P[s]![a]!;
      const where = `P[${s}][${a}] = ${JSON.stringify(outcomes)}`;
      let sum = 0;
      for (const [p, ns, r, terminated] of outcomes) {
        if (!(p >= 0 && p <= 1)) return `${where}: probability`;
        if (!(Number.isInteger(ns) && ns >= 0 && ns < env.nS)) return `${where}: next state`;
        if (terminated !== (tiles[ns] === 'G' || tiles[ns] === 'H')) return `${where}: terminated`;
        if (!env.terminal[s] && r !== (tiles[ns] === 'G' ? 1 : 0)) return `${where}: reward`;
        sum += p;
      }
      if (!(Math.abs(sum - 1) <= 1e-12)) return `${where}: sums to ${sum}`;
      if (env.terminal[s] && JSON.stringify(outcomes) !== JSON.stringify([[1, s, 0, true]]))
        return `${where}: terminal state not absorbing`;
    }
  }
  // Some goal is reachable along transitions of positive probability, through non-terminal states.
  const seen = new Uint8Array(env.nS);
  const todo = [env.start];
  seen[env.start] = 1;
  while (todo.length > 0) {
    const s = todo.pop()!;
    if (env.goal[s]) return '';
    if (env.terminal[s]) continue;
    for (let a = 0; a < env.nA; a++)
      for (const [p, ns] of env.P[s]![a]!)
        if (p > 0 && !seen[ns]) {
          seen[ns] = 1;
          todo.push(ns);
        }
  }
  return 'no goal reachable through P';
}

describe('parseMap on any array of strings', () => {
  it('accepts exactly the valid maps (unchanged); else a MapError naming its rule, row and column', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        anyRows,
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, isSlippery, successRate) => {
          const broken = brokenRules(rows);
          const input = [...rows];
          let out: string[];
          try {
            out = parseMap(rows);
          } catch (e) {
            expect(e).toBeInstanceOf(MapError);
            const err = e as MapError;
            expect(rows).toEqual(input); // the input is not touched
            expect(
              broken.has(err.rule),
              `rule ${err.rule} not broken by ${JSON.stringify(rows)}`,
            ).toBe(true);
            expect(err.message.length).toBeGreaterThan(0);
            const text = err.message.toLowerCase();
            if (err.row !== undefined) {
              expect(text).toContain(`row ${err.row + 1}`);
              expect(err.row).toBeGreaterThanOrEqual(0);
              expect(err.row).toBeLessThan(rows.length);
            }
            if (err.col !== undefined) {
              expect(text).toContain(`column ${err.col + 1}`);
              const ch = rows[err.row!]![err.col]!;
              if (err.rule === 'bad-tile') expect(TILES.has(ch)).toBe(false);
              if (err.rule === 'many-starts') {
                // A second S: an earlier S exists in reading order.
                expect(ch).toBe('S');
                const before = rows.slice(0, err.row).join('') + rows[err.row!]!.slice(0, err.col);
                expect(before).toContain('S');
              }
            }
            if (err.rule === 'not-rectangular')
              expect(rows[err.row!]!.length).not.toBe(rows[0]!.length);
            if (err.row === undefined) expect(err.message).toMatch(RULE_WORDS[err.rule]);
            return;
          }
          expect(broken, `accepted ${JSON.stringify(rows)}`).toEqual(new Set());
          expect(out).toEqual(rows);
          expect(out).not.toBe(rows);
          expect(rows.length).toBeGreaterThanOrEqual(MIN_MAP_SIDE);
          accepted++;
          expect(envProblem(out, isSlippery, successRate)).toBe('');
        },
      ),
      { seed: 42, numRuns: 2500 },
    );
    // The generators reach both outcomes in earnest.
    expect(accepted).toBeGreaterThan(400);
  });
});

describe('generateRandomMap', () => {
  it('always returns a map parseMap accepts: size × size, S top left, G bottom right', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        // Below ~0.5 a 12x12 map with a reachable goal takes thousands of draws; tiny p on small
        // maps still terminates quickly (see the next test).
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (size, p, seed) => {
          const rows = generateRandomMap(size, p, seed);
          expect(parseMap(rows)).toEqual(rows);
          expect(rows).toHaveLength(size);
          expect(rows.every((r) => r.length === size)).toBe(true);
          expect(rows[0]![0]).toBe('S');
          expect(rows[size - 1]![size - 1]).toBe('G');
          expect(generateRandomMap(size, p, seed)).toEqual(rows); // seeded
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('also parses for any p in (0, 1] on 2x2 and 3x3 maps (p ≥ 0.05)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (size, p, seed) => {
          const rows = generateRandomMap(size, p, seed);
          expect(parseMap(rows)).toEqual(rows);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('refuses sizes and p outside its range with a RangeError, never loops', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ min: -5, max: 40 })),
        fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, 1.0000001, Number.NaN)),
        (size, p) => {
          const sizeOk = Number.isInteger(size) && size >= 2 && size <= MAX_MAP_SIDE;
          const pOk = p > 0 && p <= 1;
          if (sizeOk && pOk) return; // valid: covered above (and may be slow for tiny p)
          expect(() => generateRandomMap(size, p, 0)).toThrow(RangeError);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});

/** Text a person might paste: tile letters in both cases, separators, stray characters. */
const mapText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        'S',
        'F',
        'H',
        'G',
        's',
        'f',
        'h',
        'g',
        ',',
        ';',
        '/',
        '|',
        ' ',
        '\n',
        '\t',
        ...STRAY_CHARS,
      ),
      {
        maxLength: 60,
      },
    )
    .map((cs) => cs.join('')),
);

describe('splitMapRows', () => {
  it('never throws; rows are non-empty, separator-free and with no ASCII lower case (other letters are left as typed)', () => {
    fc.assert(
      fc.property(mapText, (text) => {
        const rows = splitMapRows(text);
        for (const row of rows) {
          expect(row.length).toBeGreaterThan(0);
          expect(row).not.toMatch(/[\s,;/|]/);
          expect(row).not.toMatch(/[a-z]/);
        }
        // Then parseMap either accepts or throws a MapError, nothing else.
        try {
          parseMap(rows);
        } catch (e) {
          expect(e).toBeInstanceOf(MapError);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('gives back rows joined by any separator', () => {
    const row = fc.array(fc.constantFrom('S', 'F', 'H', 'G', 's', 'f', 'h', 'g'), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.array(
          row.map((cs) => cs.join('')),
          { maxLength: 20 },
        ),
        fc.constantFrom(',', ';', '/', '|', ' ', '\n', ', ', ' / '),
        (rows, sep) => {
          expect(splitMapRows(`  ${rows.join(sep)}\n`)).toEqual(rows.map((r) => r.toUpperCase()));
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });

  // Was a bug, fixed (src/rl/maps.ts, splitMapRows: `.map((r) => r.toUpperCase())`): full Unicode upper-casing
  // turns non-map characters into map letters: 'ſ' (U+017F) → 'S', 'ﬀ' (U+FB00) → 'FF', 'ß' → 'SS'.
  // So `map=ſﬀG` in a link is accepted as the map SFFG, and in 'ßFG' the error names "a second
  // start S at row 1, column 2" instead of the unknown character 'ß' where it stands (the doc
  // comment promises "nothing else is changed, so parseMap can still name a bad character where it
  // stands"). Fix: upper-case ASCII letters only, e.g. `r.replace(/[a-z]+/g, (s) => s.toUpperCase())`.
  it('(was a bug) upper-cases only the tile letters, so a stray character is named where it stands', () => {
    fc.assert(
      fc.property(mapText, (text) => {
        const tokens = text
          .trim()
          .split(/[\s,;/|]+/)
          .filter((r) => r.length > 0);
        const rows = splitMapRows(text);
        expect(rows.map((r) => r.length)).toEqual(tokens.map((t) => t.length));
        let accepted = true;
        try {
          parseMap(rows);
        } catch {
          accepted = false;
        }
        if (accepted) expect(tokens.join('')).toMatch(/^[sfhgSFHG]+$/);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
