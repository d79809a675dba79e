/**
 * Tables derived from Q: state values, advantages and the greedy policy with its ties.
 * Q is a flat row-major table: Q(s, a) = q[s * nA + a].
 */

/** Index of the first maximum of Q(s, ·) (numpy's argmax: ties go to the lowest action). */
export function greedyAction(q: ArrayLike<number>, s: number, nA = 4): number {
  const base = s * nA;
  let best = 0;
  let m = q[base]!;
  for (let a = 1; a < nA; a++) {
    const v = q[base + a]!;
    if (v > m) {
      m = v;
      best = a;
    }
  }
  return best;
}

/** All actions whose Q(s, a) equals max_a Q(s, a) exactly (at the start every action ties). */
export function greedyActions(q: ArrayLike<number>, s: number, nA = 4): number[] {
  const m = stateValue(q, s, nA);
  const out: number[] = [];
  for (let a = 0; a < nA; a++) if (q[s * nA + a] === m) out.push(a);
  return out;
}

/** V(s) = max_a Q(s, a). */
export function stateValue(q: ArrayLike<number>, s: number, nA = 4): number {
  const base = s * nA;
  let m = q[base]!;
  for (let a = 1; a < nA; a++) if (q[base + a]! > m) m = q[base + a]!;
  return m;
}

/**
 * Did the greedy set G(s) = { a′ : Q(s, a′) = max Q(s, ·) } change when Q(s, a) alone moved from
 * `before` to its value in `q` now? With m = the largest of the other actions' Q(s, ·), G(s) stays
 * the same when Q(s, a) stayed above m (G = {a}), stayed below m (G without a) or did not move;
 * reaching, leaving or crossing m changes it. O(nA), no allocation (it runs after every update).
 */
export function greedySetChanged(
  q: ArrayLike<number>,
  s: number,
  a: number,
  before: number,
  nA = 4,
): boolean {
  const base = s * nA;
  const after = q[base + a]!;
  if (after === before) return false;
  let m = -Infinity;
  for (let b = 0; b < nA; b++) if (b !== a && q[base + b]! > m) m = q[base + b]!;
  return !((before > m && after > m) || (before < m && after < m));
}

/** V(s) = max_a Q(s, a) for every state. */
export function stateValues(q: ArrayLike<number>, nA = 4): Float64Array {
  const nS = q.length / nA;
  const v = new Float64Array(nS);
  for (let s = 0; s < nS; s++) v[s] = stateValue(q, s, nA);
  return v;
}

/** A(s, a) = Q(s, a) − V(s), V(s) = max_a Q(s, a): 0 at the greedy actions, negative elsewhere. */
export function advantages(q: ArrayLike<number>, nA = 4): Float64Array {
  const nS = q.length / nA;
  const adv = new Float64Array(q.length);
  for (let s = 0; s < nS; s++) {
    const v = stateValue(q, s, nA);
    for (let a = 0; a < nA; a++) adv[s * nA + a] = q[s * nA + a]! - v;
  }
  return adv;
}

/** The greedy policy, one action per state, ties to the lowest action. */
export function greedyPolicy(q: ArrayLike<number>, nA = 4): Int8Array {
  const nS = q.length / nA;
  const pi = new Int8Array(nS);
  for (let s = 0; s < nS; s++) pi[s] = greedyAction(q, s, nA);
  return pi;
}

/**
 * Bit mask of the tied greedy actions per state: bit a is set when Q(s, a) = max Q(s, ·).
 * At initialisation every mask is 0b1111.
 */
export function greedyMasks(q: ArrayLike<number>, nA = 4): Uint8Array {
  const nS = q.length / nA;
  const masks = new Uint8Array(nS);
  for (let s = 0; s < nS; s++) {
    const m = stateValue(q, s, nA);
    let mask = 0;
    for (let a = 0; a < nA; a++) if (q[s * nA + a] === m) mask |= 1 << a;
    masks[s] = mask;
  }
  return masks;
}

/** The actions set in a tie mask, lowest first. */
export function maskActions(mask: number, nA = 4): number[] {
  const out: number[] = [];
  for (let a = 0; a < nA; a++) if (mask & (1 << a)) out.push(a);
  return out;
}

/** Q as rows of nA numbers, for JSON and tables. */
export function qRows(q: ArrayLike<number>, nA = 4): number[][] {
  const rows: number[][] = [];
  for (let s = 0; s < q.length / nA; s++) {
    const row: number[] = [];
    for (let a = 0; a < nA; a++) row.push(q[s * nA + a]!);
    rows.push(row);
  }
  return rows;
}

/**
 * A policy as a row-stochastic matrix π(a | s), flat like Q. `'first'` puts all weight on the
 * first greedy action; `'random'` spreads it evenly over the tied greedy actions (the policy that
 * "random among ties" follows in expectation).
 */
export function greedyPolicyMatrix(
  q: ArrayLike<number>,
  tieBreak: 'first' | 'random' = 'first',
  nA = 4,
): Float64Array {
  const nS = q.length / nA;
  const pi = new Float64Array(q.length);
  for (let s = 0; s < nS; s++) {
    if (tieBreak === 'first') pi[s * nA + greedyAction(q, s, nA)] = 1;
    else {
      const ties = greedyActions(q, s, nA);
      for (const a of ties) pi[s * nA + a] = 1 / ties.length;
    }
  }
  return pi;
}

/** A deterministic policy (one action per state) as a one-hot matrix. */
export function policyMatrix(policy: ArrayLike<number>, nA = 4): Float64Array {
  const pi = new Float64Array(policy.length * nA);
  for (let s = 0; s < policy.length; s++) pi[s * nA + policy[s]!] = 1;
  return pi;
}
