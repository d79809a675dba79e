/**
 * The registry's algorithm names as a plain list, for the code that must read a name before the
 * registry's definitions are loaded: the link's `algorithm=` is read in the page's first download,
 * which cannot afford every algorithm's code (`registry.ts` imports them all). The type below ties
 * the list to the registry's names, and `tests/rl/algorithm-names.test.ts` checks it lists every one
 * of them in the registry's order.
 */
import type { Algorithm } from './algorithms/registry';

/** Every algorithm's name, in the registry's order. */
export const ALGORITHM_NAMES = Object.freeze([
  'q-learning',
  'sarsa',
  'expected-sarsa',
  'double-q-learning',
  'sarsa-lambda',
  'q-lambda',
  'dyna-q',
  'monte-carlo',
] as const satisfies readonly Algorithm[]);

/** The algorithm a run learns with when it names none (records and links made before the picker). */
export const DEFAULT_ALGORITHM: Algorithm = 'q-learning';

/** True for an algorithm's name (without loading the registry). */
export function isAlgorithmName(x: unknown): x is Algorithm {
  return (ALGORITHM_NAMES as readonly unknown[]).includes(x);
}

/** The refusal of a name that is not an algorithm's, listing the names. */
export function algorithmNameError(value: string): string {
  return `Algorithm must be one of ${ALGORITHM_NAMES.join(', ')}; got ${JSON.stringify(value)}.`;
}
