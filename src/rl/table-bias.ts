/**
 * Double Q-learning's two tables against the truth (Sutton & Barto §6.7; van Hasselt 2010).
 *
 * The value bias of a table Q against the optimum, over a set S of states (the non-terminal
 * states the agent can reach):
 *
 *   bias(Q) = (1/|S|) Σ_{s∈S} ( max_a Q(s, a) − V*(s) )
 *
 * positive when the table thinks the states better than they are. The maximisation bias of Qᵢ
 * is how much its own max exceeds the other table's value of the same action:
 *
 *   maxBias(Qᵢ) = (1/|S|) Σ_{s∈S} ( max_a Qᵢ(s, a) − Qⱼ(s, argmax_a Qᵢ(s, a)) ),  j ≠ i
 *
 * The max of noisy estimates overestimates the max of their means: the action a table picks as
 * best is most often one it happens to overrate. The other table's estimate of that action is
 * independent of that luck, which is why Double Q bootstraps from it.
 */
import { greedyAction, stateValue } from './tables';

/** One table's bias. */
export interface TableBias {
  /** Mean over the states of max_a Q(s, a) − V*(s). */
  value: number;
  /** Mean over the states of max_a Qᵢ(s, a) − Qⱼ(s, argmax_a Qᵢ(s, a)); NaN for the mean table. */
  maximisation: number;
}

/** Both tables' biases and their mean's, over the same states. */
export interface DoubleQBias {
  /** Q₁ then Q₂. */
  tables: [TableBias, TableBias];
  /** (Q₁ + Q₂)/2, the table the agent acts on: its value bias only. */
  mean: TableBias;
  /** |S|, the states averaged over (0: every bias is NaN). */
  states: number;
}

/** (1/|S|) Σ_{s∈S} term(s) over S = { s : states[s] = 1 }; NaN when S is empty. */
function meanOverStates(states: ArrayLike<number>, term: (s: number) => number): number {
  let sum = 0;
  let n = 0;
  for (let s = 0; s < states.length; s++) {
    if (!states[s]) continue;
    sum += term(s);
    n++;
  }
  return n === 0 ? NaN : sum / n;
}

/**
 * Mean of max_a Q(s, a) − V*(s) over the states with `states[s]` = 1 (NaN when there are none).
 */
export function valueBias(
  q: ArrayLike<number>,
  vStar: ArrayLike<number>,
  states: ArrayLike<number>,
): number {
  return meanOverStates(states, (s) => stateValue(q, s) - vStar[s]!);
}

/**
 * Mean of max_a own(s, a) − other(s, argmax_a own(s, a)) over the states with `states[s]` = 1
 * (NaN when there are none); argmax ties go to the lowest action, as the update's do.
 */
export function maximisationBias(
  own: ArrayLike<number>,
  other: ArrayLike<number>,
  states: ArrayLike<number>,
): number {
  return meanOverStates(states, (s) => stateValue(own, s) - other[s * 4 + greedyAction(own, s)]!);
}

/**
 * Q₁'s, Q₂'s and their mean's bias against V* over the states with `states[s]` = 1. `mean` is the
 * agent's own Q, which Double Q-learning keeps as (Q₁ + Q₂)/2 (`algorithms/double-q-learning`).
 */
export function doubleQBias(
  tables: readonly [ArrayLike<number>, ArrayLike<number>],
  mean: ArrayLike<number>,
  vStar: ArrayLike<number>,
  states: ArrayLike<number>,
): DoubleQBias {
  const [q1, q2] = tables;
  let count = 0;
  for (let s = 0; s < states.length; s++) if (states[s]) count++;
  return {
    tables: [
      { value: valueBias(q1, vStar, states), maximisation: maximisationBias(q1, q2, states) },
      { value: valueBias(q2, vStar, states), maximisation: maximisationBias(q2, q1, states) },
    ],
    mean: { value: valueBias(mean, vStar, states), maximisation: NaN },
    states: count,
  };
}
