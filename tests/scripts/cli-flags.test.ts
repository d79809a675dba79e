/**
 * The command line names the flag at fault and refuses what the link refuses (issue 22): each
 * message is checked in the script's own process (stderr, exit code 2) for the cases the issue
 * found, and through `trainRequest`, the function the script runs, for the rest.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../scripts/cli';
import { TRAIN_FLAGS, trainRequest } from '../../scripts/train-flags';
import { sweepRequest } from '../../scripts/sweep-cli';

// Each case starts Node and tsx: allow for a busy machine.
const SLOW = 60_000;

function run(script: string, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** The one-line error `trainRequest` throws for `argv`. */
function refusal(argv: string[]): string {
  try {
    trainRequest(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('the scripts name the flag at fault (exit code 2, one line)', () => {
  it.each([
    ['train', ['--success-rate', '2'], '--success-rate "2": Success rate of a move must be'],
    [
      'train',
      ['--slippery', 'maybe'],
      '--slippery "maybe": Slippery ice must be 1 (on) or 0 (off).',
    ],
    ['env', ['--slippery', '2'], '--slippery "2": Slippery ice must be 1 (on) or 0 (off).'],
    ['train', ['--seed', '0x10'], '--seed "0x10": Seed must be a whole number'],
    ['train', ['--json=maybe'], '--json "maybe": JSON output must be 1 (on) or 0 (off).'],
  ])(
    '%s %j',
    (script, args, message) => {
      const { status, stderr } = run(script, args);
      expect(status).toBe(2);
      expect(stderr.startsWith(`error: ${message}`)).toBe(true);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    },
    SLOW,
  );
});

describe('trainRequest', () => {
  it('refuses hex, 1e309, empty values and trailing junk, naming the flag', () => {
    expect(refusal(['--seed', '0x10'])).toMatch(/^--seed "0x10": Seed must be/);
    expect(refusal(['--episodes=1e309'])).toMatch(/^--episodes "1e309": Episodes must be/);
    expect(refusal(['--alpha='])).toMatch(/^--alpha "": Learning rate α must be/);
    expect(refusal(['--gamma', '0.9x'])).toMatch(/^--gamma "0.9x": Discount γ must be/);
    expect(refusal(['--max-steps', '+5'])).toMatch(/^--max-steps "\+5": Time limit must be/);
    expect(refusal(['--map', 'SFH'])).toMatch(/^--map: /);
    expect(refusal(['--tie-break', 'last'])).toMatch(/^--tie-break must be first or random/);
    expect(refusal(['--algorithm', 'td'])).toMatch(/^--algorithm must be/);
    expect(refusal(['--json', 'perhaps'])).toMatch(/^--json "perhaps": JSON output/);
  });

  it('every flag that takes a value refuses one it does not know', () => {
    const junk = 'zz';
    for (const flag of TRAIN_FLAGS)
      expect(refusal([`--${flag}=${junk}`])).toMatch(new RegExp(`^--${flag}\\b`));
  });

  it('reads what the link reads: on/off words, numbers as JSON writes them', () => {
    const r = trainRequest(['--slippery', 'off', '--seed', '16', '--alpha=0.5', '--json']);
    expect(r.env.isSlippery).toBe(false);
    expect(r.seed).toBe(16);
    expect(r.params.alpha).toBe(0.5);
    expect(r.json).toBe(true);
    expect(trainRequest(['--json=0']).json).toBe(false);
  });

  it('the sweep refuses hex seeds and values the same way', () => {
    expect(() => sweepRequest(['--seeds', '0x10'])).toThrow(/--seeds: Seed must be/);
    expect(() => sweepRequest(['--alpha', '0x1'])).toThrow(/--alpha: Learning rate α must be/);
    expect(() => sweepRequest(['--json=maybe'])).toThrow(/--json "maybe"/);
  });
});
