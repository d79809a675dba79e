/**
 * The behaviour policy's three rules, for every algorithm:
 *
 *   ε-greedy   explore with probability ε (uniformly), else the greedy action (`policy.ts`);
 *   softmax    π(a | s) = exp(Q(s, a)/τ) / Σ_b exp(Q(s, b)/τ)  (Boltzmann, temperature τ);
 *   UCB        a = argmax_a Q(s, a) + c·√(ln N(s) / N(s, a)), N(s) = Σ_a N(s, a), and an untried
 *              action (N(s, a) = 0, an infinite bonus) first (Sutton & Barto §2.7).
 *
 * Draws: ε-greedy draws as `chooseInto` (so the lesson's runs keep their numbers bit for bit);
 * softmax draws one uniform; UCB draws nothing. A choice is "explored" when the action is not one
 * of the greedy actions at s (for ε-greedy: when the ε test fired, as before).
 */
import type { LearnerOptions } from './learner-values';
import type { TieBreak } from './params';
import { chooseInto, expectedValue, type ChosenAction } from './policy';
import { nextUniform, type RngState } from './rng';
import { stateValue } from './tables';

/**
 * Softmax probabilities of the four actions at s, written into `out` (length ≥ 4). The max is
 * subtracted before exp so that a small τ cannot overflow; the ratios are unchanged.
 */
export function softmaxInto(
  out: Float64Array,
  q: ArrayLike<number>,
  s: number,
  temperature: number,
): Float64Array {
  const m = stateValue(q, s);
  let sum = 0;
  for (let a = 0; a < 4; a++) {
    out[a] = Math.exp((q[s * 4 + a]! - m) / temperature);
    sum += out[a]!;
  }
  for (let a = 0; a < 4; a++) out[a]! /= sum;
  return out;
}

/**
 * UCB's action at s: the first untried action if there is one, else the first maximum of
 * Q(s, a) + c·√(ln N(s) / N(s, a)). `visits` holds N(s, a) at `s * 4 + a`.
 */
export function ucbAction(
  q: ArrayLike<number>,
  visits: ArrayLike<number>,
  s: number,
  c: number,
): number {
  let total = 0;
  for (let a = 0; a < 4; a++) {
    if (visits[s * 4 + a] === 0) return a;
    total += visits[s * 4 + a]!;
  }
  const logTotal = Math.log(total);
  let best = 0;
  let bestScore = -Infinity;
  for (let a = 0; a < 4; a++) {
    const score = q[s * 4 + a]! + c * Math.sqrt(logTotal / visits[s * 4 + a]!);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

const scratch = new Float64Array(4);

/**
 * The behaviour policy's choice at s under `options.exploration`, written into `out` (no
 * allocation). `epsilon` and `tieBreak` serve ε-greedy; `visits` serves UCB.
 */
export function chooseExploring(
  out: ChosenAction,
  q: Float64Array,
  visits: ArrayLike<number>,
  s: number,
  epsilon: number,
  tieBreak: TieBreak,
  rng: RngState,
  options: LearnerOptions,
): void {
  if (options.exploration === 'epsilon-greedy') {
    chooseInto(out, q, s, epsilon, tieBreak, rng);
    return;
  }
  out.epsilon = epsilon;
  out.atStep = -1;
  let a: number;
  if (options.exploration === 'ucb') a = ucbAction(q, visits, s, options.ucbC);
  else {
    // Inverse CDF with one uniform: the first a whose cumulative probability exceeds u.
    softmaxInto(scratch, q, s, options.temperature);
    const u = nextUniform(rng);
    let cumulative = 0;
    a = 3;
    for (let b = 0; b < 4; b++) {
      cumulative += scratch[b]!;
      if (u < cumulative) {
        a = b;
        break;
      }
    }
  }
  out.action = a;
  out.explored = q[s * 4 + a]! < stateValue(q, s);
}

/**
 * The value of s under the behaviour policy, Σ_a π(a | s)·Q(s, a) (Expected SARSA's bootstrap):
 * `expectedValue` for ε-greedy (bit for bit the lesson's), the softmax average, or Q(s, a) of
 * UCB's deterministic choice.
 */
export function behaviourValue(
  q: Float64Array,
  visits: ArrayLike<number>,
  s: number,
  epsilon: number,
  options: LearnerOptions,
): number {
  if (options.exploration === 'epsilon-greedy') return expectedValue(q, s, epsilon);
  if (options.exploration === 'ucb') return q[s * 4 + ucbAction(q, visits, s, options.ucbC)]!;
  softmaxInto(scratch, q, s, options.temperature);
  let v = 0;
  for (let a = 0; a < 4; a++) v += scratch[a]! * q[s * 4 + a]!;
  return v;
}
