/**
 * Shape checks for messages that arrive at the worker. A message from `postMessage` is untrusted
 * data: this decides whether it is a `TrainerCommand` at all (a known `type`, fields of the right
 * JavaScript types). Whether the values are in range (α in (0, 1], a valid map…) is the trainer's
 * job, with the limits of `rl/params`.
 */
import type { RewardSchedule } from '../rl/env';
import {
  assertNever,
  COMMAND_TYPES,
  type EnvChange,
  type LiveLearnerChange,
  type RunRecord,
  type RunSettings,
  type TrainerCommand,
} from './protocol';
import { checkSwitch, SLIPPERY_LABEL } from '../rl/parse-values';
import { describeValue as describe, isRecord } from './message-shape';

/** The outcome of `parseCommand`: the command, or a message saying what is wrong with it. */
export type ParsedCommand = { ok: true; command: TrainerCommand } | { ok: false; error: string };

/** Keys every `RunSettings.params` must carry (all of `QParams`). */
const PARAM_KEYS = ['alpha', 'gamma', 'epsilon', 'epsilonDecay', 'minEpsilon', 'tieBreak'] as const;

function isCommandType(x: unknown): x is TrainerCommand['type'] {
  return typeof x === 'string' && (COMMAND_TYPES as readonly string[]).includes(x);
}

/**
 * Checks the shape of `settings` (types only; ranges are checked by the trainer) and returns a
 * fresh copy, so later changes to the sender's object cannot reach the run.
 */
function parseSettings(x: unknown): RunSettings | string {
  if (!isRecord(x)) return `"init" needs a settings object; got ${describe(x)}.`;
  const { map, isSlippery, successRate, rewardSchedule, maxSteps, seed, episodes, frameInterval } =
    x;
  const { params } = x;
  // Array.from: `every` skips the holes of a sparse array, which structured clone keeps.
  if (!Array.isArray(map) || !Array.from(map).every((row) => typeof row === 'string'))
    return `settings.map must be an array of row strings; got ${describe(map)}.`;
  const slippery = checkSwitch(SLIPPERY_LABEL, isSlippery);
  if (!slippery.ok) return `settings.isSlippery: ${slippery.error}`;
  for (const [name, value] of [
    ['successRate', successRate],
    ['maxSteps', maxSteps],
    ['seed', seed],
    ['episodes', episodes],
    ['frameInterval', frameInterval],
  ] as const)
    if (typeof value !== 'number')
      return `settings.${name} must be a number; got ${describe(value)}.`;
  // Absent: Gymnasium's (1, 0, 0). The values are checked by the trainer (`checkSettings`).
  if (rewardSchedule !== undefined && !Array.isArray(rewardSchedule))
    return `settings.rewardSchedule must be a list of three numbers; got ${describe(rewardSchedule)}.`;
  if (!isRecord(params)) return `settings.params must be an object; got ${describe(params)}.`;
  // The algorithm's name and the options' values are checked by the trainer (`checkSettings`).
  const { algorithm, learner } = x;
  if (algorithm !== undefined && typeof algorithm !== 'string')
    return `settings.algorithm must be an algorithm's name; got ${describe(algorithm)}.`;
  if (learner !== undefined && !isRecord(learner))
    return `settings.learner must be an object; got ${describe(learner)}.`;
  const missing = PARAM_KEYS.filter((k) => !(k in params));
  if (missing.length > 0) return `settings.params is missing ${missing.join(', ')}.`;
  return {
    map: [...(map as string[])],
    isSlippery: slippery.value,
    successRate: successRate as number,
    ...(rewardSchedule === undefined
      ? {}
      : { rewardSchedule: [...(rewardSchedule as unknown[])] as unknown as RewardSchedule }),
    maxSteps: maxSteps as number,
    seed: seed as number,
    episodes: episodes as number,
    frameInterval: frameInterval as number,
    // Value types are checked by paramErrors in the trainer.
    params: { ...params } as unknown as RunSettings['params'],
    ...(algorithm === undefined ? {} : { algorithm: algorithm as RunSettings['algorithm'] }),
    ...(learner === undefined ? {} : { learner: { ...learner } as RunSettings['learner'] }),
  };
}

/**
 * Accepts a message only when it is one of `COMMAND_TYPES` with fields of the right types.
 * Extra fields are ignored. Never throws.
 */
export function parseCommand(message: unknown): ParsedCommand {
  const fail = (error: string): ParsedCommand => ({ ok: false, error: `Bad command: ${error}` });
  if (!isRecord(message))
    return fail(`expected an object with a "type"; got ${describe(message)}.`);
  const type = message.type;
  if (!isCommandType(type))
    return fail(`unknown type ${describe(type)}; expected one of ${COMMAND_TYPES.join(', ')}.`);
  switch (type) {
    case 'init': {
      const settings = parseSettings(message.settings);
      return typeof settings === 'string'
        ? fail(settings)
        : { ok: true, command: { type, settings } };
    }
    case 'set-params': {
      const params = message.params;
      if (!isRecord(params))
        return fail(`"set-params" needs a params object; got ${describe(params)}.`);
      // Value types and unknown keys are reported by paramErrors in the trainer.
      return { ok: true, command: { type, params: { ...params } } };
    }
    case 'set-learner': {
      const options = message.options;
      if (!isRecord(options))
        return fail(`"set-learner" needs an options object; got ${describe(options)}.`);
      // Values and keys are checked by learnerOptionErrors in the trainer.
      return { ok: true, command: { type, options: { ...options } as LiveLearnerChange } };
    }
    case 'set-env': {
      const change = message.change;
      if (!isRecord(change))
        return fail(`"set-env" needs a change object; got ${describe(change)}.`);
      // Values and unknown keys are checked by parseEnvChange in the trainer.
      return { ok: true, command: { type, change: { ...change } as EnvChange } };
    }
    case 'set-speed': {
      const speed = message.speed;
      if (speed !== 'max' && typeof speed !== 'number')
        return fail(
          `"set-speed" needs a number of steps per second or "max"; got ${describe(speed)}.`,
        );
      return { ok: true, command: { type, speed } };
    }
    case 'set-frame-interval': {
      const { frameInterval } = message;
      return typeof frameInterval === 'number'
        ? { ok: true, command: { type, frameInterval } }
        : fail(
            `"set-frame-interval" needs a number frameInterval; got ${describe(frameInterval)}.`,
          );
    }
    case 'replay': {
      // Every field is checked by parseRunRecord in the trainer, with messages naming them.
      return { ok: true, command: { type, record: message.record as RunRecord } };
    }
    case 'ping': {
      const { id } = message;
      return typeof id === 'number'
        ? { ok: true, command: { type, id } }
        : fail(`"ping" needs a number id; got ${describe(id)}.`);
    }
    case 'play':
    case 'pause':
    case 'step':
    case 'step-episode':
    case 'reset':
    case 'request-snapshot':
    case 'run-greedy-episode':
    case 'cancel-replay':
      return { ok: true, command: { type } };
    default:
      return assertNever(type);
  }
}
