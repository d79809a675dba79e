/**
 * The one temporal-difference rule every algorithm learns by. An algorithm only chooses the
 * bootstrap, the value that stands for the future after s′ (its definition in `algorithms/`):
 *
 *   td_target = r + γ · bootstrap
 *   td_error  = td_target − Q(s, a)
 *   Q(s, a)  ← Q(s, a) + α · td_error
 *
 * The readable loop, the inspector's record (`recordLast`), the drive panel and, through them,
 * the comparison all compute an update here. The fast Q-learning loop (`fast-loop.ts`) writes the
 * same three lines inline for speed, in the same order of operations, and is tested bit for bit
 * against the readable loop.
 */

/** The numbers of one TD update, in the lesson's terms. */
export interface TdUpdate {
  /** Q(s, a) before the update. */
  qBefore: number;
  /** The value the target bootstraps from (max, Q(s′, a′) or an expectation: the algorithm's). */
  bootstrap: number;
  /** r + γ · bootstrap. */
  tdTarget: number;
  /** td_target − Q(s, a). */
  tdError: number;
  /** Q(s, a) + α · td_error. */
  qAfter: number;
}

/** An update with every number at 0 (before any step). */
export function createTdUpdate(): TdUpdate {
  return { qBefore: 0, bootstrap: 0, tdTarget: 0, tdError: 0, qAfter: 0 };
}

/**
 * The rule, written into `out` (no allocation, so the readable loop can call it every step):
 * td_target = r + γ·bootstrap, td_error = td_target − qBefore, qAfter = qBefore + α·td_error.
 * The caller stores `out.qAfter` in Q. Returns `out`.
 */
export function tdRule<T extends TdUpdate>(
  out: T,
  qBefore: number,
  reward: number,
  gamma: number,
  bootstrap: number,
  alpha: number,
): T {
  out.qBefore = qBefore;
  out.bootstrap = bootstrap;
  out.tdTarget = reward + gamma * bootstrap;
  out.tdError = out.tdTarget - qBefore;
  out.qAfter = qBefore + alpha * out.tdError;
  return out;
}
