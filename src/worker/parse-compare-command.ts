/**
 * Shape checks for messages that arrive at the comparison worker: is it a `CompareCommand` at
 * all (a known `type`, fields of the right JavaScript types)? Whether the values are in range is
 * the trainer's job, with the limits of `rl/params`.
 */
import { ALGORITHMS, isAlgorithm } from '../rl/algorithms/registry';
import { COMPARE_AGENTS, COMPARE_COMMAND_TYPES, type CompareCommand } from './compare-protocol';
import { describeValue as describe, isRecord } from './message-shape';
import { parseCommand } from './parse-command';
import type { Parsed } from './guarded-handler';
import { assertNever } from './protocol';

/**
 * Checks the shape of an untrusted message (types only; ranges are checked when it is used).
 * The settings are checked by the training worker's own parser, so both workers accept the same.
 */
export function parseCompareCommand(message: unknown): Parsed<CompareCommand> {
  const fail = (error: string) => ({ ok: false as const, error: `Bad command: ${error}` });
  if (!isRecord(message))
    return fail(`expected an object with a "type"; got ${describe(message)}.`);
  const type = message.type;
  const known = COMPARE_COMMAND_TYPES as readonly unknown[];
  if (!known.includes(type))
    return fail(
      `unknown type ${describe(type)}; expected one of ${COMPARE_COMMAND_TYPES.join(', ')}.`,
    );
  const command = message as { type: CompareCommand['type'] } & Record<string, unknown>;
  switch (command.type) {
    case 'init': {
      const parsed = parseCommand({ type: 'init', settings: command.settings });
      if (!parsed.ok) return { ok: false, error: parsed.error };
      if (parsed.command.type !== 'init') return fail('"init" needs settings.');
      const algorithms = command.algorithms;
      if (
        !Array.isArray(algorithms) ||
        algorithms.length < COMPARE_AGENTS.min ||
        algorithms.length > COMPARE_AGENTS.max ||
        !algorithms.every(isAlgorithm)
      )
        return fail(
          `"init" needs two algorithms (up to four) out of ${ALGORITHMS.map((a) => `"${a}"`).join(', ')}; ` +
            `got ${describe(algorithms)}.`,
        );
      return {
        ok: true,
        command: {
          type: 'init',
          settings: parsed.command.settings,
          algorithms: [...algorithms],
        },
      };
    }
    case 'set-speed': {
      const speed = command.speed;
      if (speed !== 'max' && typeof speed !== 'number')
        return fail(
          `"set-speed" needs a number of episodes per second or "max"; got ${describe(speed)}.`,
        );
      return { ok: true, command: { type: 'set-speed', speed } };
    }
    case 'play':
    case 'pause':
    case 'reset':
    case 'request-snapshot':
      return { ok: true, command: { type: command.type } };
    default:
      return assertNever(command.type);
  }
}
