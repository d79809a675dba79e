/**
 * `npm run -s env -- … --success-rate R --reward-schedule g,h,f --json` against Gymnasium's model,
 * written out again here from FrozenLake-v1's source (`update_probability_matrix`), independently
 * of `src/rl/env.ts`: the reward is the entered tile's (goal g, hole h, anything else — frozen or
 * the start — f), G and H are absorbing with one entry (1.0, s, 0, True), and a slippery action a
 * tries (a−1) mod 4, a, (a+1) mod 4 with (1−R)/2, R, (1−R)/2.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { envFromFlags, parseFlags, ENV_FLAGS, UsageError } from '../../scripts/cli';
import { MAPS } from '../../src/rl/maps';
import { createRngState, nextUniform } from '../../src/rl/rng';

type Entry = [number, number, number, boolean];

/** Gymnasium's P for `desc`, slippery or not, success rate R and schedule (g, h, f). */
function gymnasiumP(
  desc: readonly string[],
  isSlippery: boolean,
  R: number,
  [g, h, f]: readonly [number, number, number],
): Entry[][][] {
  const nrow = desc.length;
  const ncol = desc[0]!.length;
  const inc = (row: number, col: number, a: number): [number, number] => {
    if (a === 0) col = Math.max(col - 1, 0);
    else if (a === 1) row = Math.min(row + 1, nrow - 1);
    else if (a === 2) col = Math.min(col + 1, ncol - 1);
    else if (a === 3) row = Math.max(row - 1, 0);
    return [row, col];
  };
  const update = (row: number, col: number, a: number): [number, number, boolean] => {
    const [r2, c2] = inc(row, col, a);
    const letter = desc[r2]![c2]!;
    const reward = letter === 'G' ? g : letter === 'H' ? h : f;
    return [r2 * ncol + c2, reward, letter === 'G' || letter === 'H'];
  };
  const fail = (1 - R) / 2;
  const P: Entry[][][] = [];
  for (let row = 0; row < nrow; row++)
    for (let col = 0; col < ncol; col++) {
      const s = row * ncol + col;
      const letter = desc[row]![col]!;
      P.push(
        [0, 1, 2, 3].map((a) => {
          if (letter === 'G' || letter === 'H') return [[1.0, s, 0, true]];
          if (!isSlippery) return [[1.0, ...update(row, col, a)]];
          return [(a + 3) % 4, a, (a + 1) % 4].map((b) => [
            b === a ? R : fail,
            ...update(row, col, b),
          ]);
        }),
      );
    }
  return P;
}

const CUSTOM = ['SFH', 'FFF', 'HFG'];

describe('the env command: Gymnasium’s model with a success rate and a reward schedule', () => {
  it.each([
    ['4x4', MAPS['4x4'], 'true', 0.8, [1, -1, -0.01]],
    ['8x8', MAPS['8x8'], 'true', 0.25, [2.5, -3, 0.125]],
    [CUSTOM.join(','), CUSTOM, 'false', 1 / 3, [1, -1, -0.01]],
  ] as const)(
    'npm run -s env -- --map %s --slippery %s --success-rate %s --reward-schedule %j --json',
    (map, desc, slippery, R, schedule) => {
      const r = spawnSync(
        'npx',
        [
          'tsx',
          'scripts/env.ts',
          '--map',
          map,
          '--slippery',
          slippery,
          '--success-rate',
          String(R),
          '--reward-schedule',
          schedule.join(','),
          '--json',
        ],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { desc: string[]; P: Entry[][][] };
      expect(out.desc).toEqual([...desc]);
      // Entry by entry, every number to the last bit (JSON keeps a double's shortest text).
      expect(out.P).toStrictEqual(gymnasiumP(desc, slippery === 'true', R, schedule));
    },
    60_000,
  );

  it('agrees on 200 random maps, success rates and schedules (the same flags, in process)', () => {
    const rng = createRngState(19);
    const pick = (k: number) => Math.floor(nextUniform(rng) * k);
    for (let n = 0; n < 200; n++) {
      const nrow = 2 + pick(5);
      const ncol = 2 + pick(5);
      // A start in the corner, the goal in the other, anything between (a map without a path is
      // still a model: env accepts it only when the goal is reachable, so keep the borders frozen).
      const rows = Array.from({ length: nrow }, (_, r) =>
        Array.from({ length: ncol }, (_, c) =>
          r === 0 && c === 0
            ? 'S'
            : r === nrow - 1 && c === ncol - 1
              ? 'G'
              : r === 0 || c === ncol - 1
                ? 'F'
                : 'FFH'[pick(3)]!,
        ).join(''),
      );
      const R = pick(11) / 10;
      const schedule = [pick(41) - 20, pick(41) / 4 - 5, -pick(101) / 100] as const;
      const slippery = pick(2) === 1;
      const env = envFromFlags(
        parseFlags(
          [
            `--map=${rows.join(',')}`,
            `--slippery=${slippery}`,
            `--success-rate=${R}`,
            `--reward-schedule=${schedule.join(',')}`,
          ],
          ENV_FLAGS,
        ),
      );
      // Through JSON on both sides, as the command prints it (a −0 reward prints as 0).
      const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
      expect(json(env.P)).toStrictEqual(json(gymnasiumP(rows, slippery, R, schedule)));
    }
  });

  it('refuses a bad schedule, naming --reward-schedule', () => {
    expect(() => envFromFlags(parseFlags(['--reward-schedule', '1,0'], ENV_FLAGS))).toThrow(
      new UsageError(
        '--reward-schedule "1,0": Rewards (goal, hole, frozen) must be three numbers such as 1,-1,-0.01; got "1,0".',
      ),
    );
    expect(() => envFromFlags(parseFlags(['--reward-schedule=1,0x1,0'], ENV_FLAGS))).toThrow(
      /^--reward-schedule "1,0x1,0": Reward for a hole must be/,
    );
  });
});
