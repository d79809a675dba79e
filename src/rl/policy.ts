/**
 * The ε-greedy behaviour policy every algorithm acts with, its probabilities and its value.
 *
 *   π_ε(a | s) = ε/4 + (1 − ε)·[a is greedy at s]/k    (k tied greedy actions under 'random';
 *                                                       'first' gives (1 − ε) to the first max)
 *
 * Draws, in order: a uniform u for the ε test; if u < ε a uint32 whose top two bits are the
 * random action; else, under 'random' ties with more than one maximum, one uniform picking among
 * them. Every loop draws through `chooseInto` (the fast loop inlines the 'first' case).
 */
import type { TieBreak } from './params';
import { nextInt, nextUint32, nextUniform, type RngState } from './rng';
import { greedyAction, stateValue } from './tables';

/** An ε-greedy choice already drawn. Mutated in place (no allocation per step). */
export interface ChosenAction {
  action: number;
  /** True when the ε test explored (a uniformly random action). */
  explored: boolean;
  /** The ε the choice was made with. */
  epsilon: number;
  /**
   * `agent.totalSteps` when an algorithm that carries its next action (SARSA) chose it as the
   * action of the agent's current state; it is the next step's action only while that still
   * equals `agent.totalSteps` (any step, by any loop, makes it stale), else −1.
   */
  atStep: number;
}

/** A choice slot holding nothing yet (`atStep` −1). */
export function createChosenAction(epsilon = 1): ChosenAction {
  return { action: 0, explored: false, epsilon, atStep: -1 };
}

/**
 * ε-greedy choice written into `out`: a uniform u; if u < ε the top two bits of a uint32
 * (explore); else argmax_a Q(s, a) — the first maximum, or under `'random'` with k > 1 tied maxima
 * the ⌊u′·k⌋-th of them (one more uniform u′).
 */
export function chooseInto(
  out: ChosenAction,
  q: Float64Array,
  s: number,
  epsilon: number,
  tieBreak: TieBreak,
  rng: RngState,
): void {
  out.epsilon = epsilon;
  out.atStep = -1;
  if (nextUniform(rng) < epsilon) {
    out.action = nextUint32(rng) >>> 30;
    out.explored = true;
    return;
  }
  out.explored = false;
  if (tieBreak === 'first') {
    out.action = greedyAction(q, s);
    return;
  }
  // The tied actions, lowest first, counted without building a list.
  const m = stateValue(q, s);
  let ties = 0;
  for (let a = 0; a < 4; a++) if (q[s * 4 + a] === m) ties++;
  let pick = ties > 1 ? nextInt(rng, ties) : 0;
  for (let a = 0; a < 4; a++) {
    if (q[s * 4 + a] !== m) continue;
    if (pick === 0) {
      out.action = a;
      return;
    }
    pick--;
  }
}

/**
 * The lesson's choose_action: `chooseInto` returning a fresh `{ action, explored }` (allocates;
 * for narration and tests, not for a loop).
 */
export function chooseAction(
  q: Float64Array,
  s: number,
  epsilon: number,
  tieBreak: TieBreak,
  rng: RngState,
): { action: number; explored: boolean } {
  const out = createChosenAction(epsilon);
  chooseInto(out, q, s, epsilon, tieBreak, rng);
  return { action: out.action, explored: out.explored };
}

/**
 * π_ε(a | s) of the ε-greedy policy: ε/4 for every action, plus (1 − ε) on the greedy action —
 * split evenly among the tied maxima under `'random'`, all on the first under `'first'`.
 * Rows sum to 1. Allocates: for display and tests, not for the loop.
 */
export function epsilonGreedyPolicy(
  q: ArrayLike<number>,
  s: number,
  epsilon: number,
  tieBreak: TieBreak,
): Float64Array {
  const pi = new Float64Array(4).fill(epsilon / 4);
  const m = stateValue(q, s);
  if (tieBreak === 'first') pi[greedyAction(q, s)]! += 1 - epsilon;
  else {
    let ties = 0;
    for (let a = 0; a < 4; a++) if (q[s * 4 + a] === m) ties++;
    for (let a = 0; a < 4; a++) if (q[s * 4 + a] === m) pi[a]! += (1 - epsilon) / ties;
  }
  return pi;
}

/**
 * Σ_a π_ε(a | s)·Q(s, a) = ε/4 · Σ_a Q(s, a) + (1 − ε) · max_a Q(s, a): the value of s under the
 * ε-greedy policy, whatever the tie rule (tied actions all hold the maximum). At ε = 0 it is
 * max_a Q(s, a) exactly; at ε = 1 the plain mean.
 */
export function expectedValue(q: ArrayLike<number>, s: number, epsilon: number): number {
  const b = s * 4;
  const sum = q[b]! + q[b + 1]! + q[b + 2]! + q[b + 3]!;
  return (epsilon / 4) * sum + (1 - epsilon) * stateValue(q, s);
}
