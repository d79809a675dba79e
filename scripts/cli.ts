/**
 * Small helpers shared by the command-line scripts: flag parsing with clear one-line errors
 * (exit code 2) and the map/settings flags they have in common.
 */
import {
  createEnv,
  DEFAULT_REWARD_SCHEDULE,
  type IceMazeEnv,
  type RewardSchedule,
} from '../src/rl/env';
import { splitMapRows } from '../src/rl/maps';
import { PARAM_LIMITS, RUN_LIMITS, type Limit } from '../src/rl/params';
import { parseSeeds } from '../src/rl/sweep';
import {
  parseNumber,
  parseRewardSchedule,
  parseSwitch,
  SLIPPERY_LABEL,
} from '../src/rl/parse-values';

/** A bad command line: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Parses `--name value` / `--name=value` / `--flag` into a map; rejects anything else. */
export function parseFlags(argv: readonly string[], known: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument "${arg}".`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!known.includes(name))
      throw new UsageError(
        `Unknown flag --${name}; known: ${known.map((k) => '--' + k).join(' ')}.`,
      );
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i]!;
    else value = 'true';
    flags.set(name, value);
  }
  return flags;
}

/**
 * A number flag checked against a limit, or the fallback when absent. Read as the link and an
 * import read numbers (`rl/parse-values`): the same strings are refused, with the same reason
 * after the flag's name.
 */
export function numberFlag(
  flags: Map<string, string>,
  name: string,
  limit: Limit,
  fallback: number,
): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const read = parseNumber(limit, raw);
  if (!read.ok) throw new UsageError(`--${name} ${JSON.stringify(raw)}: ${read.error}`);
  return read.value;
}

/**
 * An on/off flag (1, true, yes, on / 0, false, no, off, as a link writes it; a bare `--json` is
 * on); `label` names it in a refusal.
 */
export function booleanFlag(
  flags: Map<string, string>,
  name: string,
  label: string,
  fallback: boolean,
): boolean {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const read = parseSwitch(label, raw);
  if (!read.ok) throw new UsageError(`--${name} ${JSON.stringify(raw)}: ${read.error}`);
  return read.value;
}

/** `--json`: print JSON instead of text. */
export function jsonFlag(flags: Map<string, string>): boolean {
  return booleanFlag(flags, 'json', 'JSON output', false);
}

/**
 * The environment flags every script takes: --map, --slippery, --success-rate,
 * --reward-schedule, --max-steps.
 */
export const ENV_FLAGS = [
  'map',
  'slippery',
  'success-rate',
  'reward-schedule',
  'max-steps',
] as const;

/**
 * `--reward-schedule g,h,f`: the rewards for entering a goal, a hole and a frozen tile
 * (Gymnasium's `reward_schedule`; default 1,0,0), read as the link reads `rewards=`.
 */
export function rewardScheduleFlag(flags: Map<string, string>): RewardSchedule {
  const raw = flags.get('reward-schedule');
  if (raw === undefined) return DEFAULT_REWARD_SCHEDULE;
  const read = parseRewardSchedule(raw);
  if (!read.ok) throw new UsageError(`--reward-schedule ${JSON.stringify(raw)}: ${read.error}`);
  return read.value;
}

/**
 * Builds the environment from the flags (a named map or rows such as SFFF,FHFH,FFFH,HFFG). Each
 * number and switch is read first, so a refusal names its own flag; what the map's rules refuse
 * then names --map.
 */
export function envFromFlags(flags: Map<string, string>): IceMazeEnv {
  const mapFlag = flags.get('map') ?? '4x4';
  const map = mapFlag === '4x4' || mapFlag === '8x8' ? mapFlag : splitMapRows(mapFlag);
  const maxSteps = flags.has('max-steps')
    ? numberFlag(flags, 'max-steps', RUN_LIMITS.maxSteps, 100)
    : undefined;
  const isSlippery = booleanFlag(flags, 'slippery', SLIPPERY_LABEL, true);
  const successRate = numberFlag(flags, 'success-rate', RUN_LIMITS.successRate, 1 / 3);
  const rewardSchedule = rewardScheduleFlag(flags);
  try {
    return createEnv({
      map,
      isSlippery,
      successRate,
      rewardSchedule,
      ...(maxSteps === undefined ? {} : { maxSteps }),
    });
  } catch (e) {
    throw new UsageError(`--map: ${(e as Error).message}`);
  }
}

/**
 * `--seeds` (`0-9`, `0,3,7` or `2-4,11`, read as the sweep reads them) as distinct seeds, in
 * order; `fallback` when the flag is absent.
 */
export function seedsFlag(flags: Map<string, string>, fallback: string): number[] {
  const read = parseSeeds(flags.get('seeds') ?? fallback);
  if (!read.ok) throw new UsageError(`--seeds: ${read.error}`);
  return [...new Set(read.values)];
}

/** Runs a script body: usage errors print one line and exit 2, anything else exits 1. */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

export { PARAM_LIMITS, RUN_LIMITS };
