/**
 * Limits of dynamic programming's settings, read by the command line (`npm run dp`) and the
 * panel with `rl/parse-values`, like every other number.
 */
import type { Limit } from '../params';
import type { DpMethod } from './dp-run';

/** A sweep changing V by less than the tolerance ends a run (or a policy's evaluation). */
export const DP_LIMITS = {
  tolerance: { label: 'Tolerance', min: 0, max: 1, minExclusive: true },
  sweeps: { label: 'Sweeps', min: 1, max: 1_000_000, integer: true },
} as const satisfies Record<string, Limit>;

/** The command line's defaults: tight enough that V and Q are exact to ~1e-8 at γ 0.99. */
export const DP_DEFAULTS = { tolerance: 1e-10, sweeps: 100_000 } as const;

/** The methods, in the order a switch lists them. */
export const DP_METHODS: readonly DpMethod[] = ['value', 'policy'];

/** True for a method name (`value` or `policy`). */
export function isDpMethod(name: string): name is DpMethod {
  return (DP_METHODS as readonly string[]).includes(name);
}
