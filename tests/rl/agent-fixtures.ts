/**
 * What the learning core's tests share: the action numbers, bit-for-bit equality of tables, and
 * small hand-made agents on the map S F G.
 */
import { createAgent, type QAgent } from '../../src/rl/agent';
import { createEnv } from '../../src/rl/env';
import { step } from '../../src/rl/fast-loop';
import type { QParams } from '../../src/rl/params';
import { createRngState } from '../../src/rl/rng';
import type { StepRecord } from '../../src/rl/step-record';

/** Actions in Gymnasium's order. */
export const LEFT = 0;
export const DOWN = 1;
export const RIGHT = 2;
export const UP = 3;

/** Q-tables equal bit for bit (Object.is on every entry, so −0 ≠ 0 and NaN = NaN). */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** What a loop leaves of an agent that a comparison of two loops needs. */
export function loopState(agent: QAgent) {
  return {
    q: Array.from(agent.q),
    visits: Array.from(agent.visits),
    rng: Array.from(agent.rng),
    position: [agent.epsilon, agent.state, agent.t, agent.episode, agent.totalSteps],
    last: { ...agent.last },
  };
}

/** Runs `n` narrated steps of the fast loop and returns their records. */
export function steps(agent: QAgent, n: number): StepRecord[] {
  return Array.from({ length: n }, () => step(agent));
}

/** Deterministic ice, ε = 0, no decay: every choice is greedy, every move goes where it points. */
export const GREEDY: Partial<QParams> = { epsilon: 0, epsilonDecay: 0, minEpsilon: 0 };

/** The first seed whose fresh generator satisfies `ok` (draws made on rng.ts, not the learner). */
export function seedWhere(ok: (rng: Uint32Array) => boolean): number {
  for (let seed = 0; seed < 10_000; seed++) if (ok(createRngState(seed))) return seed;
  throw new Error('no such seed');
}

/** ε fixed (no decay), deterministic ice. */
export function fixed(epsilon: number, extra: Partial<QParams> = {}): Partial<QParams> {
  return { epsilon, epsilonDecay: 0, minEpsilon: 0, ...extra };
}

/**
 * The map S F G without slipping: Q(S, Right) = `qS`, Q(F, ·) = `qF`. From S, Right enters F
 * (reward 0); from F, Right enters G (reward 1, terminal).
 */
export function sfgAgent(
  params: Partial<QParams>,
  seed: number,
  qS: number,
  qF: readonly number[],
): QAgent {
  const agent = createAgent(createEnv({ map: ['SFG'], isSlippery: false }), params, seed);
  agent.q[0 * 4 + RIGHT] = qS;
  agent.q.set(qF, 1 * 4);
  return agent;
}
