/**
 * `npm run dp`: the JSON it prints (checked in the script's own process once, against the
 * reference tables), a bad flag (one line, exit code 2), and `dpRequest` / `dpOutput`, the
 * functions the script runs, for the rest.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/cli';
import { DP_FLAGS, dpOutput, dpRequest, type DpOutput } from '../../scripts/dp-flags';
import { optimalFixture } from '../rl/fixtures';

// Each case starts Node and tsx: allow for a busy machine.
const SLOW = 60_000;

function run(args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/dp.ts', ...args], { encoding: 'utf8' });
}

/** The one-line error `dpRequest` throws for `argv`. */
function refusal(argv: string[]): string {
  try {
    dpRequest(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

function expectReference(out: DpOutput, map: '4x4' | '8x8') {
  const ref = optimalFixture(map);
  ref.V.forEach((v, s) => expect(Math.abs(out.V[s]! - v), `V[${s}]`).toBeLessThan(1e-6));
  ref.Q.forEach((row, s) =>
    row.forEach((q, a) => expect(Math.abs(out.Q[s]![a]! - q), `Q[${s}][${a}]`).toBeLessThan(1e-6)),
  );
  ref.optimalActionSets.forEach((set, s) => expect(set).toContain(out.policy[s]));
}

describe('the dp script', () => {
  it(
    '--map 4x4 --gamma 0.99 --method value --json prints V, Q, policy, sweeps and deltas',
    () => {
      const r = run(['--map', '4x4', '--gamma', '0.99', '--method', 'value', '--json']);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as DpOutput;
      expect(Object.keys(out)).toEqual(['V', 'Q', 'policy', 'sweeps', 'deltas']);
      expect(out.deltas).toHaveLength(out.sweeps);
      expect(out.deltas.at(-1)!).toBeLessThan(1e-10);
      expect(out.Q[5]).toEqual([0, 0, 0, 0]);
      expectReference(out, '4x4');
    },
    SLOW,
  );

  it(
    'a bad flag prints one line and exits 2',
    () => {
      const r = run(['--method', 'montecarlo']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('error: --method must be value or policy; got "montecarlo".\n');
    },
    SLOW,
  );
});

describe('dpRequest', () => {
  it('defaults: 4x4 slippery, γ 0.99, value iteration to 1e-10, at most 100,000 sweeps', () => {
    const r = dpRequest([]);
    expect([
      r.env.nrow,
      r.env.isSlippery,
      r.gamma,
      r.method,
      r.tolerance,
      r.sweeps,
      r.json,
    ]).toEqual([4, true, 0.99, 'value', 1e-10, 100_000, false]);
  });

  it('refuses what the link refuses, naming the flag', () => {
    expect(refusal(['--gamma', '1.5'])).toMatch(/^--gamma "1.5": Discount γ must be/);
    expect(refusal(['--sweeps', '2.5'])).toMatch(/^--sweeps "2.5": Sweeps must be a whole number/);
    expect(refusal(['--tolerance', '0'])).toMatch(/^--tolerance "0": Tolerance must be above 0/);
    expect(refusal(['--slippery', 'maybe'])).toMatch(/^--slippery "maybe": Slippery ice/);
    expect(refusal(['--success-rate', '2'])).toMatch(/^--success-rate "2": Success rate/);
    expect(refusal(['--map', 'SFH'])).toMatch(/^--map: /);
    expect(refusal(['--episodes', '5'])).toMatch(/^Unknown flag --episodes/);
  });

  it('every flag that takes a number refuses one it does not know', () => {
    for (const flag of DP_FLAGS.filter((f) => f !== 'map' && f !== 'method'))
      expect(refusal([`--${flag}=zz`])).toMatch(new RegExp(`^--${flag}\\b`));
  });
});

describe('dpOutput', () => {
  it('8x8 by policy iteration: the reference tables, 11 improvements, every sweep recorded', () => {
    const out = dpOutput(dpRequest(['--map', '8x8', '--method', 'policy']));
    expectReference(out, '8x8');
    expect(out.improvements).toBe(11);
    expect(out.deltas).toHaveLength(out.sweeps);
  });

  it('--reward-schedule 2,0,0 doubles every V and Q (rewards only on entering G)', () => {
    const base = dpOutput(dpRequest(['--tolerance', '1e-12']));
    const doubled = dpOutput(dpRequest(['--tolerance', '1e-12', '--reward-schedule', '2,0,0']));
    base.V.forEach((v, s) => expect(doubled.V[s]).toBeCloseTo(2 * v, 9));
    base.Q.flat().forEach((q, i) => expect(doubled.Q.flat()[i]).toBeCloseTo(2 * q, 9));
    expect(refusal(['--reward-schedule', '1,x,0'])).toMatch(/^--reward-schedule "1,x,0": /);
  });

  it('--sweeps 3 stops value iteration after three sweeps', () => {
    const out = dpOutput(dpRequest(['--sweeps', '3']));
    expect(out.sweeps).toBe(3);
    expect(out.deltas).toHaveLength(3);
  });

  it('not slippery: V(start) = γ⁵ on 4x4 (six moves, the reward on the sixth)', () => {
    const out = dpOutput(dpRequest(['--slippery', 'off', '--gamma', '0.9']));
    expect(out.V[0]).toBeCloseTo(0.9 ** 5, 9);
  });
});
