/**
 * Has the learner settled? Watches the greedy policy while it trains and says two things:
 *
 * 1. Stability: the greedy action sets G(s) = { a : Q(s, a) = max_a′ Q(s, a′) } (ties included,
 *    the masks the grid draws) have not changed for at least `STABLE_EPISODES` episodes.
 * 2. Optimality: the greedy policy equals the optimal policy of value iteration, defined exactly as
 *      for every non-terminal state s reachable from the start:  G(s) ⊆ O(s),
 *      O(s) = { a : Q*(s, a) ≥ V*(s) − OPTIMAL_TOLERANCE }   (`optimalActionSets`)
 *    so whichever greedy action a tie rule picks is optimal. States the agent can never reach are
 *    left out (nothing is learned there, and no policy is judged by them); a state where all four
 *    actions still tie (never visited) is optimal only if all four actions are.
 *
 * With the lesson's constant α = 0.1 the estimates of nearly tied actions keep moving, so on the
 * 4x4 map the greedy policy often still flips in a state or two near the end of 10,000 episodes:
 * the report then says so when training stops, with the comparison to the optimum all the same.
 *
 * When the policy last changed is the learner's own record, `QAgent.greedyStableSince`, kept after
 * every update (`greedySetChanged`): a change undone a few steps later still counts. Pure: no
 * DOM, no worker.
 */
import type { IceMazeEnv } from './env';
import { evaluateGreedy, optimalActionSets } from './evaluation';
import { reachableStates } from './maps';
import { greedyMasks } from './tables';

/**
 * Episodes the greedy policy must stay the same before the lab calls it stable: the lesson's
 * `save_interval` (1,000), so "stable" means the policy did not change over a whole frame of the
 * lesson — 10 % of its 10,000 episodes, long enough that a policy still improving shows it (while ε
 * is above its floor the policy changes every few hundred episodes).
 */
export const STABLE_EPISODES = 1_000;

/** Q*(s, a) within this of V*(s) counts as optimal (value iteration converges to 1e-13). */
export const OPTIMAL_TOLERANCE = 1e-9;

/**
 * The non-terminal states the agent can stand on: `reachableStates` of the map from the start (the
 * tile graph, which is the transition model's reachability: see there), less the holes and goals.
 * reachable[s] = 1 for those, 0 for the rest (terminal states included).
 */
export function reachableNonTerminal(env: IceMazeEnv): Uint8Array {
  const reachable = reachableStates(
    env.desc,
    Math.floor(env.start / env.ncol),
    env.start % env.ncol,
  );
  for (let s = 0; s < env.nS; s++) if (env.terminal[s]) reachable[s] = 0;
  return reachable;
}

/**
 * The reachable non-terminal states whose greedy set is not within the optimal set, G(s) ⊄ O(s),
 * lowest first. Empty exactly when the greedy policy equals the optimal policy (see the module).
 */
export function statesOffOptimal(
  greedyMask: ArrayLike<number>,
  qStar: ArrayLike<number>,
  reachable: ArrayLike<number>,
  nA = 4,
): number[] {
  const optimal = optimalActionSets(qStar, nA, OPTIMAL_TOLERANCE);
  const off: number[] = [];
  for (let s = 0; s < reachable.length; s++) {
    if (!reachable[s]) continue;
    let allowed = 0;
    for (const a of optimal[s]!) allowed |= 1 << a;
    if ((greedyMask[s]! & ~allowed) !== 0) off.push(s);
  }
  return off;
}

/** What the watch reports. */
export interface ConvergenceReport {
  /** Episodes finished when a greedy set last changed (`QAgent.greedyStableSince`; 0: never). */
  stableSince: number;
  /** Episodes finished now. */
  episode: number;
  /** The threshold, `STABLE_EPISODES` unless the watch was made with another. */
  stableEpisodes: number;
  /** episode − stableSince ≥ stableEpisodes. */
  stable: boolean;
  /** Training stopped at the end of its episode budget (the report was asked with `finished`). */
  finished: boolean;
  /** The greedy policy against the optimum, once it is stable or training finished; else `null`. */
  verdict: PolicyVerdict | null;
}

/** The greedy policy against the optimum, computed once per unchanged stretch of the policy. */
export interface PolicyVerdict {
  /** Reachable non-terminal states where G(s) ⊄ O(s); empty: equals the optimal policy. */
  offOptimal: number[];
  /** Reachable non-terminal states (what "every state" counts). */
  reachable: number;
  /** Exact probability that the greedy policy (ties to the lowest action) reaches the goal within the time limit. */
  successProbability: number;
  /**
   * Q is still exactly 0 in every reachable state: no update has moved it (on the ice only the
   * goal pays a reward), so every action ties everywhere and the policy is "unchanged" only
   * because nothing has been learned.
   */
  untouched: boolean;
}

/** A watch over one run's greedy policy. */
export interface ConvergenceWatch {
  /**
   * The report for Q after `episode` finished episodes, the greedy policy unchanged since
   * `stableSince`, against the optimum Q* (value iteration for the run's γ); `finished` when
   * training stopped at the end of its budget. Once the policy is stable, or training finished,
   * the comparison and its evaluation are computed once and kept until `stableSince` or Q* change.
   */
  report(
    q: ArrayLike<number>,
    episode: number,
    stableSince: number,
    qStar: ArrayLike<number>,
    finished: boolean,
  ): ConvergenceReport;
}

/** Starts watching a run on `env`. */
export function createConvergenceWatch(
  env: IceMazeEnv,
  stableEpisodes = STABLE_EPISODES,
): ConvergenceWatch {
  const reachable = reachableNonTerminal(env);
  let reachableCount = 0;
  for (const r of reachable) reachableCount += r;
  let cached: { since: number; qStar: ArrayLike<number>; verdict: PolicyVerdict } | null = null;

  return {
    report(q, episode, stableSince, qStar, finished) {
      const stable = episode - stableSince >= stableEpisodes;
      let verdict: PolicyVerdict | null = null;
      if (stable || finished) {
        // The masks fix the greedy policy (ties to the lowest action), so the verdict holds for
        // as long as they do.
        if (!cached || cached.since !== stableSince || cached.qStar !== qStar)
          cached = {
            since: stableSince,
            qStar,
            verdict: {
              offOptimal: statesOffOptimal(greedyMasks(q, env.nA), qStar, reachable, env.nA),
              reachable: reachableCount,
              successProbability: evaluateGreedy(env, q, env.maxSteps).successProbability,
              untouched: allZeroWhereReachable(q, reachable, env.nA),
            },
          };
        verdict = cached.verdict;
      }
      return { stableSince, episode, stableEpisodes, stable, finished, verdict };
    },
  };
}

/** True when Q(s, a) is 0 for every action of every reachable state. */
function allZeroWhereReachable(
  q: ArrayLike<number>,
  reachable: ArrayLike<number>,
  nA: number,
): boolean {
  for (let s = 0; s < reachable.length; s++) {
    if (!reachable[s]) continue;
    for (let a = 0; a < nA; a++) if (q[s * nA + a] !== 0) return false;
  }
  return true;
}

const count = (n: number) => n.toLocaleString('en-US');

/** States a notice names at most; beyond them it says how many more. */
export const LISTED_STATES = 8;

/** "6", "6 and 10", "3, 6 and 10"; past `LISTED_STATES`, "0, 1, …, 7 and 45 more". */
function listStates(states: readonly number[]): string {
  if (states.length <= 1) return states.join('');
  if (states.length > LISTED_STATES)
    return `${states.slice(0, LISTED_STATES).join(', ')} and ${count(states.length - LISTED_STATES)} more`;
  return `${states.slice(0, -1).join(', ')} and ${states[states.length - 1]}`;
}

/**
 * The notice for a report, or `null` while there is nothing to say (the policy is not stable and
 * training goes on). It names episodes that stay fixed — the one the policy has been the same
 * since, or the one training stopped at — never the running count, so its text stays the same
 * (and a screen reader says it once) until the policy changes again. `optimalSuccess` is the exact
 * success probability of the optimal policy within the time limit, for comparison.
 */
export function convergenceNotice(
  report: ConvergenceReport,
  optimalSuccess: number,
): string | null {
  const verdict = report.verdict;
  if (!verdict) return null;
  if (verdict.untouched) {
    // Nothing learned yet: "unchanged" would read as settled. Say why it has not moved instead.
    const when = report.stable
      ? 'Q is still 0'
      : `Training stopped after ${count(report.episode)} episodes with Q still 0`;
    return `${when} in all ${count(verdict.reachable)} states the agent can reach: no update has moved it yet (only reaching the goal pays a reward), so every action ties everywhere and the greedy policy has not changed since the start. Its exact success probability is ${verdict.successProbability.toFixed(4)}, the optimal policy's ${optimalSuccess.toFixed(4)}.`;
  }
  const head = report.stable
    ? `The greedy policy has not changed for ${count(report.stableEpisodes)} episodes (the same since episode ${count(report.stableSince)}).`
    : `Training stopped after ${count(report.episode)} episodes with the greedy policy still changing: it last changed at episode ${count(report.stableSince)}, fewer than ${count(report.stableEpisodes)} episodes before.`;
  const p = verdict.successProbability.toFixed(4);
  const off = verdict.offOptimal;
  if (off.length === 0)
    return `${head} It equals the optimal policy (value iteration) in all ${count(verdict.reachable)} states the agent can reach; its exact success probability is ${p}.`;
  const where = off.length === 1 ? `state ${off[0]}` : `states ${listStates(off)}`;
  return `${head} It differs from the optimal policy (value iteration) in ${count(off.length)} of the ${count(verdict.reachable)} states the agent can reach (${where}); its exact success probability is ${p}, the optimal policy's ${optimalSuccess.toFixed(4)}.`;
}

/**
 * The notice in a few words, for a one-line badge (the whole notice is read on hover, focus and
 * by screen readers): "Settled since episode 8,455: the optimal policy", "Settled since episode
 * 8,455: off the optimum in 2 states", "Still changing at episode 10,000", "Q still 0: nothing
 * learned yet". `null` when there is no notice.
 */
export function convergenceHeadline(report: ConvergenceReport): string | null {
  const verdict = report.verdict;
  if (!verdict) return null;
  if (verdict.untouched) return 'Q still 0: nothing learned yet';
  if (!report.stable) return `Still changing at episode ${count(report.episode)}`;
  const off = verdict.offOptimal.length;
  const what =
    off === 0
      ? 'the optimal policy'
      : `off the optimum in ${count(off)} state${off === 1 ? '' : 's'}`;
  return `Settled since episode ${count(report.stableSince)}: ${what}`;
}
