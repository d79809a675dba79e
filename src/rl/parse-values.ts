/**
 * One reading of numbers and on/off values for every way a setting comes in: the link
 * (`shared/url`), the command line (`scripts/cli.ts`), an imported run record (`replay.ts`) and
 * the workers' checks of the settings they are sent. Each place names the value at fault its own
 * way (`The link's seed="0x10" was ignored: …`, `--seed: …`, `"settings.seed": …`); the reason
 * after it is written here, once, so the same text is refused everywhere with the same words.
 *
 * Numbers are read as JSON writes them — an optional minus, digits without a leading zero, an
 * optional fraction and exponent — with JSON's blanks (space, tab, line feed, carriage return)
 * allowed around them. So a link, a flag and an imported file agree on every string: hex
 * (`0x10`), `Infinity`, `1e309` (no finite double), `+1`, `.5`, `5.`, `1,5`, an empty value and
 * trailing junk are refused by all three, and what one accepts the others read as the same
 * double. Lives in `rl/` because every layer that reads settings may import it (the worker and
 * the core import nothing else).
 */
import type { RewardSchedule } from './env-basics';
import { checkLimit, describeValue, type Limit, REWARD_LIMITS, REWARD_ORDER } from './params';

/** A value read, or the reason it was refused (a sentence naming the setting by its label). */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** RFC 8259's number: -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)? */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** RFC 8259's blanks, the only ones a value may carry around it. */
const JSON_BLANKS = /^[ \t\n\r]+|[ \t\n\r]+$/g;

/**
 * The double `text` writes as JSON would (blanks around it allowed; `1e309` reads as Infinity),
 * or NaN when it is not a number as JSON writes one.
 */
function jsonNumber(text: string): number {
  const body = text.replace(JSON_BLANKS, '');
  return JSON_NUMBER.test(body) ? Number(body) : Number.NaN;
}

/** The finite number `text` writes as JSON would (blanks around it allowed), else null. */
export function readNumber(text: string): number | null {
  const value = jsonNumber(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * The number `text` writes, if `limit` allows it; else `checkLimit`'s sentence, which names the
 * setting, its range and what was read: NaN for what is not a number as JSON writes one ("0x10",
 * "", "1,5"), Infinity for a number no double holds ("1e309").
 */
export function parseNumber(limit: Limit, text: string): ValueResult<number> {
  return checkNumber(limit, jsonNumber(text));
}

/** A value already read (from JSON or a message) checked against `limit`. */
export function checkNumber(limit: Limit, value: unknown): ValueResult<number> {
  const error = checkLimit(limit, value);
  return error === null ? { ok: true, value: value as number } : { ok: false, error };
}

/** How the link, the command line and an import name the slippery switch in a refusal. */
export const SLIPPERY_LABEL = 'Slippery ice';

/** Words read as on and as off, in any case. */
export const SWITCH_WORDS = {
  on: ['1', 'true', 'yes', 'on'],
  off: ['0', 'false', 'no', 'off'],
} as const;

/** An on/off word (1, true, yes, on / 0, false, no, off, any case, blanks around), else null. */
export function readSwitch(text: string): boolean | null {
  const word = text.replace(JSON_BLANKS, '').toLowerCase();
  if ((SWITCH_WORDS.on as readonly string[]).includes(word)) return true;
  if ((SWITCH_WORDS.off as readonly string[]).includes(word)) return false;
  return null;
}

/** The on/off value `text` writes; refused with a sentence naming `label` ("Slippery ice"). */
export function parseSwitch(label: string, text: string): ValueResult<boolean> {
  const value = readSwitch(text);
  return value === null
    ? {
        ok: false,
        error: `${label} must be 1 (on) or 0 (off). Got ${describeValue(text)}; true, yes and on read as 1, false, no and off as 0.`,
      }
    : { ok: true, value };
}

/** A value already read (JSON, a message) that must be `true` or `false`. */
export function checkSwitch(label: string, value: unknown): ValueResult<boolean> {
  return typeof value === 'boolean'
    ? { ok: true, value }
    : { ok: false, error: `${label} must be true or false; got ${describeValue(value)}.` };
}

/** How the link, the command line and an import name the reward schedule in a refusal. */
export const REWARDS_LABEL = 'Rewards (goal, hole, frozen)';

/**
 * A reward schedule written "g,h,f" (goal, hole, frozen tile, as Gymnasium's `reward_schedule`
 * orders them): exactly three numbers as JSON writes them, each within `REWARD_LIMITS`. A refusal
 * names the schedule and, for a bad number, the reward at fault.
 */
export function parseRewardSchedule(text: string): ValueResult<RewardSchedule> {
  const parts = text.split(',');
  // Not three parts: the text itself is named in the refusal.
  return checkRewardSchedule(parts.length === 3 ? parts.map(jsonNumber) : text);
}

/** A schedule already read (from JSON or a message): a list of three numbers within `REWARD_LIMITS`. */
export function checkRewardSchedule(value: unknown): ValueResult<RewardSchedule> {
  if (!Array.isArray(value) || value.length !== 3)
    return {
      ok: false,
      error: `${REWARDS_LABEL} must be three numbers such as 1,-1,-0.01; got ${describeValue(value)}.`,
    };
  const values: number[] = [];
  for (let i = 0; i < 3; i++) {
    const read = checkNumber(REWARD_LIMITS[REWARD_ORDER[i]!], value[i]);
    if (!read.ok) return read;
    values.push(read.value);
  }
  return { ok: true, value: [values[0]!, values[1]!, values[2]!] };
}

/** A schedule as `parseRewardSchedule` reads it back: "1,-1,-0.01" (each number's shortest text). */
export function formatRewardSchedule(schedule: RewardSchedule): string {
  return schedule.map((x) => JSON.stringify(x)).join(',');
}
