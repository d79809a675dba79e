/**
 * SARSA and Expected SARSA beside the lesson's Q-learning: the same environment, the same
 * ε-greedy behaviour policy with the same tie rule and draws, the same per-step ε schedule and the
 * same books (trajectory codes, visits, TD errors, episode log, `agent.last`). Only the value the
 * target bootstraps from differs:
 *
 *   Q-learning (off-policy):     td_target = r + γ · max_a′ Q(s′, a′)
 *   SARSA (on-policy):           td_target = r + γ · Q(s′, a′),  a′ ~ ε′-greedy(Q, s′),
 *                                and a′ is the action the next step takes
 *   Expected SARSA:              td_target = r + γ · Σ_a π_ε′(a | s′) · Q(s′, a)
 *                                          = r + γ · (ε′/4 · Σ_a Q(s′, a) + (1 − ε′) · max_a Q(s′, a))
 *
 * then td_error = td_target − Q(s, a) and Q(s, a) ← Q(s, a) + α · td_error for all three.
 *
 * ε′ = max(min ε, ε − decay) is ε after this step's decay: the ε the next action is chosen with.
 * SARSA chooses a′ with it (a′ is the next step's action), and Expected SARSA averages over the
 * policy that will choose the next action, π_ε′(a | s′) = ε′/4 + (1 − ε′)·[a is greedy at s′]/k
 * (k tied greedy actions: 'random' ties split (1 − ε′) evenly among them, 'first' gives it all to
 * the first). Tied actions share the value max Q(s′), so both rules give the same expectation,
 * computed in the closed form above (which at ε′ = 0 is max Q(s′) bit for bit).
 *
 * Terminal s′ (a hole or the goal): the continuation value is 0 and SARSA draws no a′. The lesson's
 * Q-learning instead reads max Q(s′) of the terminal row; no update ever writes a terminal row
 * (they are never the s of an update), so that is 0 too and the three agree on the convention.
 * Q-learning here keeps the lesson's unmasked read, so its numbers are `runSteps`' bit for bit.
 *
 * Draws from the agent's generator, in order (`chooseAction`'s: a uniform u for the ε test; if
 * u < ε a uint32 whose top two bits are the random action, else under 'random' ties with more
 * than one maximum a uniform picking among them; the environment: one uniform):
 *
 *   Q-learning, Expected SARSA — per step: choose a from s with ε; environment.
 *   SARSA — at the start of an episode: choose a from s with ε. Per step: environment; then, if
 *           s′ is not terminal, choose a′ from s′ with ε′ (from Q before this step's update, as
 *           Sutton & Barto write it). a′ becomes the next step's action, except when the time
 *           limit ends the episode: then a′ only serves the target and the next episode chooses
 *           afresh at the start.
 *
 * So on episodes that end in a hole or the goal SARSA draws exactly what Q-learning draws, in the
 * same order; a time-limit cut costs SARSA one extra choice.
 *
 * This is the readable loop (one call per idea, no allocation per step). For Q-learning it gives
 * the fast `runSteps`' numbers bit for bit (tested), and `trainAlgorithm` uses the fast loop there.
 */
import type { IceMazeEnv } from './env';
import { sampleOutcome } from './env';
import {
  CODE_EXPLORED_BIT,
  CODE_DIRECTION_SHIFT,
  CODE_STATE_SHIFT,
  LESSON_EPISODES,
  createAgent,
  finishEpisode,
  lastStepRecord,
  recordLast,
  runEpisodes,
  type QAgent,
  type QParams,
  type StepRecord,
  type TieBreak,
} from './q-learning';
import { nextInt, nextUint32, nextUniform, type RngState } from './rng';
import { greedyAction, greedySetChanged, stateValue } from './tables';

/** The learning rules: which value the TD target bootstraps from. */
export type Algorithm = 'q-learning' | 'sarsa' | 'expected-sarsa';

/** Every algorithm, in the order tables and menus list them. */
export const ALGORITHMS: readonly Algorithm[] = Object.freeze([
  'q-learning',
  'sarsa',
  'expected-sarsa',
]);

/** Display names. */
export const ALGORITHM_LABELS: Readonly<Record<Algorithm, string>> = Object.freeze({
  'q-learning': 'Q-learning',
  sarsa: 'SARSA',
  'expected-sarsa': 'Expected SARSA',
});

/** The bootstrap value each algorithm's target uses, as the lesson writes formulas. */
export const BOOTSTRAP_FORMULAS: Readonly<Record<Algorithm, string>> = Object.freeze({
  'q-learning': 'max_a′ Q(s′, a′)',
  sarsa: 'Q(s′, a′), a′ the next action',
  'expected-sarsa': 'Σ_a π(a | s′) · Q(s′, a)',
});

/** True for an algorithm name. */
export function isAlgorithm(x: unknown): x is Algorithm {
  return x === 'q-learning' || x === 'sarsa' || x === 'expected-sarsa';
}

/** An ε-greedy choice already drawn. Mutated in place (no allocation per step). */
export interface ChosenAction {
  action: number;
  /** True when the ε test explored (a uniformly random action). */
  explored: boolean;
  /** The ε the choice was made with. */
  epsilon: number;
  /**
   * `agent.totalSteps` when SARSA chose it as the action of the agent's current state; it is the
   * next step's action only while that still equals `agent.totalSteps` (any step, by any loop,
   * makes it stale), else −1.
   */
  atStep: number;
}

/**
 * A learner that can also run SARSA: a `QAgent` plus SARSA's action carried between steps. Code
 * that moves the agent by hand (sets `state` without a step) sets `nextAction.atStep = -1`.
 */
export interface AlgorithmAgent extends QAgent {
  /** SARSA's a′, chosen at the end of the last step for the current state (see `atStep`). */
  readonly nextAction: ChosenAction;
  /** The a′ the last update's SARSA target used; −1 for the other algorithms or a terminal s′. */
  bootstrapAction: number;
}

/** A learner at the start of a run (Q all zeros, ε at its start), ready for any algorithm. */
export function createAlgorithmAgent(
  env: IceMazeEnv,
  params: Partial<QParams> = {},
  seed: number | RngState = 0,
): AlgorithmAgent {
  const agent = createAgent(env, params, seed);
  return Object.assign(agent, {
    nextAction: { action: 0, explored: false, epsilon: agent.epsilon, atStep: -1 },
    bootstrapAction: -1,
  });
}

/**
 * ε-greedy choice written into `out`, drawing exactly as `chooseAction`: a uniform u; if u < ε the
 * top two bits of a uint32 (explore); else argmax_a Q(s, a) — the first maximum, or under
 * `'random'` with k > 1 tied maxima the ⌊u′·k⌋-th of them (one more uniform u′).
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

function assertNever(x: never): never {
  throw new Error(`Unknown algorithm: ${String(x)}`);
}

/**
 * Runs up to `maxSteps` steps of `algorithm` (each one environment step and one Q update),
 * stopping early after `maxEpisodes` episodes end. Returns the steps taken. Any way of cutting a
 * run into calls gives the same numbers (SARSA's a′ waits in `agent.nextAction`); an a′ already
 * chosen is taken by the next step whichever algorithm runs it. Parameters are read once per call.
 */
export function runAlgorithmSteps(
  agent: AlgorithmAgent,
  algorithm: Algorithm,
  maxSteps: number,
  maxEpisodes = Infinity,
): number {
  const { env, q, rng } = agent;
  const chosen = agent.nextAction;
  const { alpha, gamma, epsilonDecay, minEpsilon, tieBreak } = agent.params;
  let steps = 0;
  let episodesDone = 0;
  let ended = false;
  let qBefore = 0;
  let bootstrap = 0;
  let epsilon = agent.epsilon;

  while (steps < maxSteps && episodesDone < maxEpisodes) {
    const s = agent.state;
    // A: SARSA's a′ from the last step if it is still this state's, else a fresh ε-greedy choice.
    if (chosen.atStep !== agent.totalSteps) chooseInto(chosen, q, s, agent.epsilon, tieBreak, rng);
    const a = chosen.action;
    const explored = chosen.explored;
    epsilon = chosen.epsilon;
    chosen.atStep = -1;

    // The environment: one uniform, Gymnasium's categorical_sample.
    const i = (s * env.nA + a) * 3 + sampleOutcome(env, s, a, nextUniform(rng));
    const ns = env.outNext[i]!;
    const r = env.outReward[i]!;
    const terminated = env.outTerminated[i] === 1;
    const cur = agent.current;
    const truncated = !terminated && cur.length + 1 >= env.maxSteps;

    // ε′ = max(min ε, ε − decay): this step's decay, the ε of the next choice.
    const epsilonNext = Math.max(minEpsilon, agent.epsilon - epsilonDecay);
    agent.epsilon = epsilonNext;

    // The bootstrap value (recorded as `nextMax`).
    agent.bootstrapAction = -1;
    switch (algorithm) {
      case 'q-learning':
        // The lesson's read: max_a′ Q(s′, a′), a terminal row being all 0.
        bootstrap = stateValue(q, ns);
        break;
      case 'sarsa':
        if (terminated) bootstrap = 0;
        else {
          // a′ ~ ε′-greedy(Q, s′), before this update; Q(s′, a′).
          chooseInto(chosen, q, ns, epsilonNext, tieBreak, rng);
          bootstrap = q[ns * 4 + chosen.action]!;
          agent.bootstrapAction = chosen.action;
        }
        break;
      case 'expected-sarsa':
        // Σ_a π_ε′(a | s′)·Q(s′, a); 0 past a terminal state.
        bootstrap = terminated ? 0 : expectedValue(q, ns, epsilonNext);
        break;
      default:
        assertNever(algorithm);
    }

    // td_error = r + γ·bootstrap − Q(s, a); Q(s, a) ← Q(s, a) + α·td_error.
    const sa = s * 4 + a;
    qBefore = q[sa]!;
    const tdError = r + gamma * bootstrap - qBefore;
    q[sa] = qBefore + alpha * tdError;
    agent.visits[sa]!++;
    agent.tdErrors[sa] = tdError;
    if (greedySetChanged(q, s, a, qBefore)) agent.greedyStableSince = cur.episode + 1;

    // The books, as the fast loop keeps them.
    cur.codes[cur.length] =
      (ns << CODE_STATE_SHIFT) |
      (explored ? CODE_EXPLORED_BIT : 0) |
      (env.outDirection[i]! << CODE_DIRECTION_SHIFT) |
      a;
    cur.length++;
    cur.return += r;
    agent.t = cur.length;
    agent.totalSteps++;
    steps++;
    agent.state = ns;
    ended = terminated || truncated;
    if (ended) {
      finishEpisode(agent, terminated, ns);
      agent.state = env.start;
      agent.t = 0;
      agent.episode++;
      episodesDone++;
    } else if (algorithm === 'sarsa') chosen.atStep = agent.totalSteps; // a′ is the next action
  }
  if (steps > 0) recordLast(agent, ended, qBefore, bootstrap, epsilon, alpha, gamma);
  return steps;
}

/** Exactly one step of `algorithm`, narrated (`nextMax` is the bootstrap value). */
export function algorithmStep(agent: AlgorithmAgent, algorithm: Algorithm): StepRecord {
  runAlgorithmSteps(agent, algorithm, 1);
  return lastStepRecord(agent);
}

/** Runs `episodes` whole episodes of `algorithm` from where the agent is; returns the steps. */
export function runAlgorithmEpisodes(
  agent: AlgorithmAgent,
  algorithm: Algorithm,
  episodes: number,
): number {
  let steps = 0;
  const target = agent.episode + episodes;
  while (agent.episode < target)
    steps += runAlgorithmSteps(agent, algorithm, Number.MAX_SAFE_INTEGER, target - agent.episode);
  return steps;
}

/**
 * Trains a fresh agent for `episodes` episodes with `algorithm`. Q-learning runs on the fast
 * `runSteps` (the same numbers as `runAlgorithmSteps`, only faster).
 */
export function trainAlgorithm(
  env: IceMazeEnv,
  algorithm: Algorithm,
  params: Partial<QParams> = {},
  seed = 0,
  episodes = LESSON_EPISODES,
): AlgorithmAgent {
  const agent = createAlgorithmAgent(env, params, seed);
  if (algorithm === 'q-learning') runEpisodes(agent, episodes);
  else runAlgorithmEpisodes(agent, algorithm, episodes);
  return agent;
}
