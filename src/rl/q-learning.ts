/**
 * Tabular Q-learning exactly as the lesson writes it:
 *
 *   behaviour: ε-greedy — a uniform draw u < ε explores (a uniformly random action), else the
 *              greedy action argmax_a Q(s, a) (ties to the lowest action, numpy's argmax; or, as
 *              an option, uniformly among the tied actions)
 *   update:    td_target = r + γ · max_a′ Q(s′, a′)
 *              td_error  = td_target − Q(s, a)
 *              Q(s, a)  ← Q(s, a) + α · td_error
 *   schedule:  after every step ε ← max(min ε, ε − decay)
 *
 * Q starts at zeros. Like the lesson, the target bootstraps from Q(s′) even when s′ is a hole or
 * the goal: those rows are never updated, so they stay 0.
 *
 * `runSteps` is the one implementation of a step: a flat loop over typed arrays with the
 * generator state in locals, no calls and no allocation per step. `step` runs it for one step
 * and reads back everything the lesson talks about. So the fast path and the narrated path can
 * never disagree, and any way of cutting a run into calls draws the same numbers.
 */
import type { IceMazeEnv } from './env';
import { sampleOutcome } from './env';
import { createRngState, nextInt, nextUint32, nextUniform, type RngState } from './rng';
import { greedyAction, greedyActions, greedySetChanged, stateValue } from './tables';

/** How the greedy action is chosen when several actions share the maximum. */
export type TieBreak = 'first' | 'random';

/** Hyperparameters of the learner. `epsilon` is the value at the start of a run. */
export interface QParams {
  /** Learning rate α ∈ (0, 1]. */
  alpha: number;
  /** Discount γ ∈ [0, 1]. */
  gamma: number;
  /** Exploration rate ε ∈ [0, 1] at the start. */
  epsilon: number;
  /** Subtracted from ε after every step (linear decay), ≥ 0. */
  epsilonDecay: number;
  /** Floor of ε, in [0, 1]. */
  minEpsilon: number;
  /** Tie rule of the greedy action. */
  tieBreak: TieBreak;
}

/** The lesson's hyperparameters. */
export const LESSON_PARAMS: Readonly<QParams> = Object.freeze({
  alpha: 0.1,
  gamma: 0.99,
  epsilon: 1.0,
  epsilonDecay: 0.0001,
  minEpsilon: 0.01,
  tieBreak: 'first',
});

/** The lesson's number of episodes. */
export const LESSON_EPISODES = 10_000;

/** The lesson's `save_interval`: a frame every this many episodes. */
export const LESSON_FRAME_INTERVAL = 1_000;

/**
 * An episode's moves in one preallocated buffer: step k is packed into one int,
 * `code = nextState << 5 | explored << 4 | direction << 2 | action`, so the hot loop makes one
 * store per step. `decodeTrajectory` unpacks it.
 */
export interface Trajectory {
  /** Packed steps, `length` of them (capacity: the time limit). */
  codes: Int32Array;
  /** Number of steps so far. */
  length: number;
  /** Sum of rewards (the undiscounted return). */
  return: number;
  /** Ended in a hole or the goal. */
  terminated: boolean;
  /** Cut by the time limit. */
  truncated: boolean;
  /** The episode (0-based) it belongs to. */
  episode: number;
}

/** Bits of a packed step code. */
export const CODE_ACTION_MASK = 3;
export const CODE_DIRECTION_SHIFT = 2;
export const CODE_EXPLORED_BIT = 16;
export const CODE_STATE_SHIFT = 5;

/** A trajectory unpacked into plain arrays. */
export interface DecodedTrajectory {
  /** `length + 1` states, the first the start. */
  states: Int32Array;
  /** The action (intended direction) of each step. */
  actions: Int8Array;
  /** The direction actually moved. */
  directions: Int8Array;
  /** 1 where the action was exploratory. */
  explored: Uint8Array;
  /** Reward of each step (the reward for entering its next state). */
  rewards: Float64Array;
  length: number;
  return: number;
  terminated: boolean;
  truncated: boolean;
  episode: number;
}

/** Unpacks a trajectory of `env` (copies; the live buffer is untouched). */
export function decodeTrajectory(env: IceMazeEnv, traj: Trajectory): DecodedTrajectory {
  const n = traj.length;
  const states = new Int32Array(n + 1);
  const actions = new Int8Array(n);
  const directions = new Int8Array(n);
  const explored = new Uint8Array(n);
  const rewards = new Float64Array(n);
  states[0] = env.start;
  for (let k = 0; k < n; k++) {
    const code = traj.codes[k]!;
    const ns = code >>> CODE_STATE_SHIFT;
    states[k + 1] = ns;
    actions[k] = code & CODE_ACTION_MASK;
    directions[k] = (code >>> CODE_DIRECTION_SHIFT) & 3;
    explored[k] = code & CODE_EXPLORED_BIT ? 1 : 0;
    rewards[k] = rewardOfEntering(env, ns);
  }
  return {
    states,
    actions,
    directions,
    explored,
    rewards,
    length: n,
    return: traj.return,
    terminated: traj.terminated,
    truncated: traj.truncated,
    episode: traj.episode,
  };
}

/** FrozenLake's reward depends only on the tile entered: goal, hole or frozen. */
export function rewardOfEntering(env: IceMazeEnv, s: number): number {
  const [goal, hole, frozen] = env.rewardSchedule;
  return env.goal[s] ? goal : env.terminal[s] ? hole : frozen;
}

/** The last update made, in the lesson's terms. Mutated in place by every `runSteps` call. */
export interface LastUpdate {
  /** False until the first step. */
  valid: boolean;
  state: number;
  action: number;
  explored: boolean;
  /** Direction actually moved. */
  direction: number;
  nextState: number;
  reward: number;
  /**
   * The bootstrap value before the update: max_a′ Q(s′, a′) for Q-learning; Q(s′, a′) of the next
   * action for SARSA and Σ_a π(a | s′)·Q(s′, a) for Expected SARSA, 0 when s′ is terminal
   * (`sarsa.ts`).
   */
  nextMax: number;
  tdTarget: number;
  tdError: number;
  qBefore: number;
  qAfter: number;
  /** ε used to choose the action (before this step's decay). */
  epsilon: number;
  /** ε after this step's decay. */
  epsilonAfter: number;
  /** α and γ this update used. */
  alpha: number;
  gamma: number;
  terminated: boolean;
  truncated: boolean;
  /** Episode (0-based) and step within it (1-based) of this update. */
  episode: number;
  t: number;
}

/**
 * The most recent finished episodes, a ring buffer: episode e (0-based) sits at index
 * `e & (EPISODE_LOG_CAPACITY - 1)` until episode e + capacity overwrites it. A reader keeps its
 * own position and runs at most `EPISODE_LOG_CAPACITY` episodes between reads (`runSteps`'s
 * `maxEpisodes`) to see every one.
 */
export interface EpisodeLog {
  returns: Float64Array;
  lengths: Int32Array;
  /** 1 when the episode reached a goal. */
  reachedGoal: Uint8Array;
}

/** Episodes the ring buffer holds (a power of two). */
export const EPISODE_LOG_CAPACITY = 4096;

/** A learner and its environment, with all the mutable state of a run. */
export interface QAgent {
  readonly env: IceMazeEnv;
  /** Live hyperparameters: changes act from the next step; `epsilon` here is the starting ε. */
  params: QParams;
  /** Q(s, a) = q[s * 4 + a]. */
  readonly q: Float64Array;
  /** Generator state (xoshiro128**). */
  readonly rng: RngState;
  /** Current ε (decays every step; settable). */
  epsilon: number;
  /** Current state. */
  state: number;
  /** Steps taken in the current episode. */
  t: number;
  /** Episodes finished. */
  episode: number;
  /** Steps (updates) taken in all. */
  totalSteps: number;
  /** Visits N(s, a): how often each pair was updated. */
  readonly visits: Float64Array;
  /** The latest TD error of each pair (0 before its first update). */
  readonly tdErrors: Float64Array;
  /**
   * Episodes finished when the greedy policy was last seen to change: an update changed some greedy
   * set G(s) (`greedySetChanged`) during episode `greedyStableSince − 1` (0-based), and in none
   * since. 0 while no update has changed one. Checked after every update, so exact.
   */
  greedyStableSince: number;
  /** The episode under way. */
  current: Trajectory;
  /** The last finished episode (length 0 before the first one ends). */
  previous: Trajectory;
  readonly last: LastUpdate;
  readonly log: EpisodeLog;
}

function createTrajectory(maxSteps: number, episode: number): Trajectory {
  return {
    codes: new Int32Array(maxSteps),
    length: 0,
    return: 0,
    terminated: false,
    truncated: false,
    episode,
  };
}

/** A learner at the start of a run: Q all zeros, ε at its starting value. */
export function createAgent(
  env: IceMazeEnv,
  params: Partial<QParams> = {},
  seed: number | RngState = 0,
): QAgent {
  const p: QParams = { ...LESSON_PARAMS, ...params };
  const n = env.nS * env.nA;
  return {
    env,
    params: p,
    q: new Float64Array(n),
    rng: typeof seed === 'number' ? createRngState(seed) : Uint32Array.from(seed),
    epsilon: p.epsilon,
    state: env.start,
    t: 0,
    episode: 0,
    totalSteps: 0,
    visits: new Float64Array(n),
    tdErrors: new Float64Array(n),
    greedyStableSince: 0,
    current: createTrajectory(env.maxSteps, 0),
    previous: createTrajectory(env.maxSteps, -1),
    last: {
      valid: false,
      state: env.start,
      action: 0,
      explored: false,
      direction: 0,
      nextState: env.start,
      reward: 0,
      nextMax: 0,
      tdTarget: 0,
      tdError: 0,
      qBefore: 0,
      qAfter: 0,
      epsilon: p.epsilon,
      epsilonAfter: p.epsilon,
      alpha: p.alpha,
      gamma: p.gamma,
      terminated: false,
      truncated: false,
      episode: 0,
      t: 0,
    },
    log: {
      returns: new Float64Array(EPISODE_LOG_CAPACITY),
      lengths: new Int32Array(EPISODE_LOG_CAPACITY),
      reachedGoal: new Uint8Array(EPISODE_LOG_CAPACITY),
    },
  };
}

/**
 * Closes the current episode (its `length` and `return` already set): logs it, makes it the
 * previous trajectory and returns the fresh current one. Called once per episode, by every
 * learner's loop (here and in `sarsa.ts`), so they all keep the same books.
 */
export function finishEpisode(agent: QAgent, terminated: boolean, lastState: number): Trajectory {
  const done = agent.current;
  done.terminated = terminated;
  done.truncated = !terminated;
  const slot = done.episode & (EPISODE_LOG_CAPACITY - 1);
  agent.log.returns[slot] = done.return;
  agent.log.lengths[slot] = done.length;
  agent.log.reachedGoal[slot] = agent.env.goal[lastState]!;
  const next = agent.previous;
  agent.previous = done;
  agent.current = next;
  next.episode = done.episode + 1;
  next.length = 0;
  next.return = 0;
  next.terminated = false;
  next.truncated = false;
  return next;
}

/**
 * Fills `agent.last` from the trajectory the last step was written to and the update's inputs,
 * with the same expressions as the step itself, so every number is identical:
 * td_target = r + γ·nextMax, td_error = td_target − qBefore, qAfter = qBefore + α·td_error.
 * `nextMax` is the update's bootstrap value (max_a′ Q(s′, a′) here; see `sarsa.ts` for SARSA's and
 * Expected SARSA's).
 */
export function recordLast(
  agent: QAgent,
  ended: boolean,
  qBefore: number,
  nextMax: number,
  epsilon: number,
  alpha: number,
  gamma: number,
): void {
  const traj = ended ? agent.previous : agent.current;
  const k = traj.length - 1;
  const code = traj.codes[k]!;
  const ns = code >>> CODE_STATE_SHIFT;
  const r = rewardOfEntering(agent.env, ns);
  const l = agent.last;
  l.valid = true;
  l.state = k > 0 ? traj.codes[k - 1]! >>> CODE_STATE_SHIFT : agent.env.start;
  l.action = code & CODE_ACTION_MASK;
  l.explored = (code & CODE_EXPLORED_BIT) !== 0;
  l.direction = (code >>> CODE_DIRECTION_SHIFT) & 3;
  l.nextState = ns;
  l.reward = r;
  l.nextMax = nextMax;
  l.tdTarget = r + gamma * nextMax;
  l.tdError = r + gamma * nextMax - qBefore;
  l.qBefore = qBefore;
  l.qAfter = qBefore + alpha * l.tdError;
  l.epsilon = epsilon;
  l.epsilonAfter = agent.epsilon;
  l.alpha = alpha;
  l.gamma = gamma;
  l.terminated = ended && traj.terminated;
  l.truncated = ended && traj.truncated;
  l.episode = traj.episode;
  l.t = traj.length;
}

/**
 * The lesson's loop written as the lesson writes it, one call per idea: `chooseAction`
 * (ε-greedy), the environment step, `updateQ`. It draws the same random numbers as the fast
 * loop and keeps the same books, so the two give bit-identical runs (tested); it serves the
 * "random among ties" rule, which would slow the fast loop for everyone.
 */
export function runLessonSteps(agent: QAgent, maxSteps: number, maxEpisodes: number): number {
  const { env, q, rng } = agent;
  const { alpha, gamma, epsilonDecay, minEpsilon, tieBreak } = agent.params;
  let steps = 0;
  let episodesDone = 0;
  let ended = false;
  let qBefore = 0;
  let nextMax = 0;
  let epsilon = agent.epsilon;
  while (steps < maxSteps && episodesDone < maxEpisodes) {
    const s = agent.state;
    epsilon = agent.epsilon;
    const { action, explored } = chooseAction(q, s, epsilon, tieBreak, rng);
    const k = sampleOutcome(env, s, action, nextUniform(rng));
    const i = (s * env.nA + action) * 3 + k;
    const ns = env.outNext[i]!;
    const r = env.outReward[i]!;
    qBefore = q[s * 4 + action]!;
    nextMax = stateValue(q, ns);
    const tdError = updateQ(q, s, action, ns, r, alpha, gamma);
    agent.visits[s * 4 + action]!++;
    agent.tdErrors[s * 4 + action] = tdError;
    const cur = agent.current;
    // cur.episode is the index of the episode under way.
    if (greedySetChanged(q, s, action, qBefore)) agent.greedyStableSince = cur.episode + 1;
    cur.codes[cur.length] =
      (ns << CODE_STATE_SHIFT) |
      (explored ? CODE_EXPLORED_BIT : 0) |
      (env.outDirection[i]! << CODE_DIRECTION_SHIFT) |
      action;
    cur.length++;
    cur.return += r;
    agent.t = cur.length;
    agent.totalSteps++;
    steps++;
    agent.epsilon = Math.max(minEpsilon, epsilon - epsilonDecay);
    agent.state = ns;
    const terminated = env.outTerminated[i] === 1;
    ended = terminated || cur.length >= env.maxSteps;
    if (ended) {
      finishEpisode(agent, terminated, ns);
      agent.state = env.start;
      agent.t = 0;
      agent.episode++;
      episodesDone++;
    }
  }
  if (steps > 0) recordLast(agent, ended, qBefore, nextMax, epsilon, alpha, gamma);
  return steps;
}

/**
 * choose_action: with probability ε a uniformly random action (explore), else the greedy action
 * (exploit). Draws: one uniform for the ε test; then one uint32 whose top two bits pick a random
 * action, or, among tied greedy actions under the `'random'` rule, one uniform to pick the tie.
 */
export function chooseAction(
  q: Float64Array,
  s: number,
  epsilon: number,
  tieBreak: TieBreak,
  rng: RngState,
): { action: number; explored: boolean } {
  if (nextUniform(rng) < epsilon) return { action: nextUint32(rng) >>> 30, explored: true };
  if (tieBreak === 'first') return { action: greedyAction(q, s), explored: false };
  const ties = greedyActions(q, s);
  const action = ties.length > 1 ? ties[nextInt(rng, ties.length)]! : ties[0]!;
  return { action, explored: false };
}

/**
 * update_q_table: td_target = r + γ·max_a′ Q(s′, a′); td_error = td_target − Q(s, a);
 * Q(s, a) ← Q(s, a) + α·td_error. Returns td_error.
 */
export function updateQ(
  q: Float64Array,
  s: number,
  a: number,
  nextState: number,
  reward: number,
  alpha: number,
  gamma: number,
): number {
  const old = q[s * 4 + a]!;
  const tdTarget = reward + gamma * stateValue(q, nextState);
  const tdError = tdTarget - old;
  q[s * 4 + a] = old + alpha * tdError;
  return tdError;
}

/**
 * Runs up to `maxSteps` steps (each one environment step and one Q update), stopping early after
 * `maxEpisodes` episodes end. Returns the steps taken.
 *
 * Hot loop: everything it touches per step is a local or a typed array.
 */
export function runSteps(agent: QAgent, maxSteps: number, maxEpisodes = Infinity): number {
  if (agent.params.tieBreak === 'random') return runLessonSteps(agent, maxSteps, maxEpisodes);
  const env = agent.env;
  const q = agent.q;
  const outCum = env.outCum;
  const outNext = env.outNext;
  const outReward = env.outReward;
  const outTerminated = env.outTerminated;
  const outDirection = env.outDirection;
  const visits = agent.visits;
  const tdErrors = agent.tdErrors;
  const start = env.start;
  const limit = env.maxSteps;
  const { alpha, gamma, epsilonDecay, minEpsilon } = agent.params;
  const rng = agent.rng;
  let s0 = rng[0]! | 0;
  let s1 = rng[1]! | 0;
  let s2 = rng[2]! | 0;
  let s3 = rng[3]! | 0;
  let eps = agent.epsilon;
  let s = agent.state;
  let t = agent.t;
  let cur = agent.current;
  let codes = cur.codes;
  let ret = cur.return;
  let episodesDone = 0;
  let steps = 0;
  // The last update's inputs; the rest of it is recomputed once at the end, bit for bit.
  let lastBefore = 0;
  let lastNextMax = 0;
  let lastEps = eps;
  let lastEnded = false;
  // Some greedy set G(s) changed in this inner loop (all of whose steps are in one episode).
  let greedyChanged = false;

  while (steps < maxSteps && episodesDone < maxEpisodes) {
    // Inner loop: steps of one episode, up to the time limit and the step budget.
    const room = Math.min(limit - t, maxSteps - steps);
    let terminated = false;
    let n = 0;
    while (n < room) {
      // --- xoshiro128**: draw u for the ε test ---
      let m5 = Math.imul(s1, 5);
      let x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
      let tt = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= tt;
      s3 = (s3 << 11) | (s3 >>> 21);

      const base = s << 2;
      let a: number;
      let exploredBit = 0;
      // max over b ≠ a of Q(s, b), before the update: the greedy set G(s) changes exactly when
      // the update moves Q(s, a) across it (or onto or off it).
      let others: number;
      if (x * 2.3283064365386963e-10 < eps) {
        // Explore: a uniformly random action from the top two bits of a fresh draw.
        m5 = Math.imul(s1, 5);
        x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
        tt = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= tt;
        s3 = (s3 << 11) | (s3 >>> 21);
        a = x >>> 30;
        exploredBit = CODE_EXPLORED_BIT;
        const o1 = q[base + ((a + 1) & 3)]!;
        const o2 = q[base + ((a + 2) & 3)]!;
        const o3 = q[base + ((a + 3) & 3)]!;
        others = o1 > o2 ? (o1 > o3 ? o1 : o3) : o2 > o3 ? o2 : o3;
      } else {
        // Exploit: argmax_a Q(s, a), first maximum; `others` gets the largest of the other three.
        let m = q[base]!;
        a = 0;
        others = -Infinity;
        let v = q[base + 1]!;
        if (v > m) {
          others = m;
          m = v;
          a = 1;
        } else others = v;
        v = q[base + 2]!;
        if (v > m) {
          others = m;
          m = v;
          a = 2;
        } else if (v > others) others = v;
        v = q[base + 3]!;
        if (v > m) {
          others = m;
          m = v;
          a = 3;
        } else if (v > others) others = v;
      }

      // --- environment: Gymnasium's categorical_sample, the first outcome with cumsum > u ---
      m5 = Math.imul(s1, 5);
      x = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
      tt = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= tt;
      s3 = (s3 << 11) | (s3 >>> 21);
      const u2 = x * 2.3283064365386963e-10;
      const o = (base + a) * 3;
      const i = u2 < outCum[o]! ? o : u2 < outCum[o + 1]! ? o + 1 : u2 < outCum[o + 2]! ? o + 2 : o;
      const ns = outNext[i]!;
      const r = outReward[i]!;

      // --- the lesson's update ---
      const nb = ns << 2;
      let nextMax = q[nb]!;
      if (q[nb + 1]! > nextMax) nextMax = q[nb + 1]!;
      if (q[nb + 2]! > nextMax) nextMax = q[nb + 2]!;
      if (q[nb + 3]! > nextMax) nextMax = q[nb + 3]!;
      const sa = base + a;
      const before = q[sa]!;
      const tdError = r + gamma * nextMax - before;
      const after = before + alpha * tdError;
      q[sa] = after;
      visits[sa]!++;
      tdErrors[sa] = tdError;
      // `greedySetChanged` inlined: G(s) changed unless Q(s, a) stayed on one side of `others`.
      // Noted in a local, written once per inner loop below.
      if (before > others !== after > others || before < others !== after < others)
        greedyChanged = true;

      // --- bookkeeping: one packed store per step ---
      codes[t + n] = (ns << 5) | exploredBit | (outDirection[i]! << 2) | a;
      n++;
      ret += r;
      lastBefore = before;
      lastNextMax = nextMax;
      lastEps = eps;
      eps = eps - epsilonDecay > minEpsilon ? eps - epsilonDecay : minEpsilon;
      s = ns;
      if (outTerminated[i] === 1) {
        terminated = true;
        break;
      }
    }
    t += n;
    steps += n;
    if (greedyChanged) {
      // cur.episode is the index of the episode under way.
      agent.greedyStableSince = cur.episode + 1;
      greedyChanged = false;
    }
    lastEnded = terminated || t >= limit;
    if (lastEnded) {
      cur.length = t;
      cur.return = ret;
      cur = finishEpisode(agent, terminated, s);
      codes = cur.codes;
      s = start;
      t = 0;
      ret = 0;
      episodesDone++;
    }
  }

  rng[0] = s0;
  rng[1] = s1;
  rng[2] = s2;
  rng[3] = s3;
  agent.epsilon = eps;
  agent.state = s;
  agent.t = t;
  agent.episode = cur.episode;
  agent.totalSteps += steps;
  agent.current = cur;
  cur.length = t;
  cur.return = ret;
  if (steps > 0) recordLast(agent, lastEnded, lastBefore, lastNextMax, lastEps, alpha, gamma);
  return steps;
}

/** Everything one step did, in the lesson's words. */
export interface StepRecord {
  state: number;
  action: number;
  explored: boolean;
  /** The action's direction. */
  intended: number;
  /** The direction actually moved. */
  actual: number;
  slipped: boolean;
  nextState: number;
  reward: number;
  /** γ · nextMax: γ · max_a′ Q(s′, a′) for Q-learning. */
  discountedNextMax: number;
  /** The bootstrap value (`LastUpdate.nextMax`). */
  nextMax: number;
  tdTarget: number;
  tdError: number;
  /** α · td_error, the change made to Q(s, a). */
  change: number;
  qBefore: number;
  qAfter: number;
  /** ε used for the choice, and ε after the decay. */
  epsilon: number;
  epsilonAfter: number;
  /** α and γ of this update. */
  alpha: number;
  gamma: number;
  terminated: boolean;
  truncated: boolean;
  episode: number;
  /** Step within the episode, 1-based. */
  t: number;
}

/** Reads the last update as a `StepRecord` (valid after at least one step). */
export function lastStepRecord(agent: QAgent): StepRecord {
  const l = agent.last;
  return {
    state: l.state,
    action: l.action,
    explored: l.explored,
    intended: l.action,
    actual: l.direction,
    slipped: l.direction !== l.action,
    nextState: l.nextState,
    reward: l.reward,
    nextMax: l.nextMax,
    discountedNextMax: l.gamma * l.nextMax,
    tdTarget: l.tdTarget,
    tdError: l.tdError,
    change: l.qAfter - l.qBefore,
    qBefore: l.qBefore,
    qAfter: l.qAfter,
    epsilon: l.epsilon,
    epsilonAfter: l.epsilonAfter,
    alpha: l.alpha,
    gamma: l.gamma,
    terminated: l.terminated,
    truncated: l.truncated,
    episode: l.episode,
    t: l.t,
  };
}

/** Exactly one environment step and one Q update, narrated. */
export function step(agent: QAgent): StepRecord {
  runSteps(agent, 1);
  return lastStepRecord(agent);
}

/** Runs whole episodes: `episodes` of them from where the agent is. Returns the steps taken. */
export function runEpisodes(agent: QAgent, episodes: number): number {
  let steps = 0;
  const target = agent.episode + episodes;
  while (agent.episode < target)
    steps += runSteps(agent, Number.MAX_SAFE_INTEGER, target - agent.episode);
  return steps;
}

/** Sets hyperparameters from the next step on; Q, ε and the episode are kept. */
export function setParams(agent: QAgent, params: Partial<QParams>): void {
  agent.params = { ...agent.params, ...params };
}

/** Trains a fresh agent for `episodes` episodes (the lesson's whole loop). */
export function train(
  env: IceMazeEnv,
  params: Partial<QParams> = {},
  seed = 0,
  episodes = LESSON_EPISODES,
): QAgent {
  const agent = createAgent(env, params, seed);
  runEpisodes(agent, episodes);
  return agent;
}
