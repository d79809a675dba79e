/**
 * The lesson's Q-learning at full speed: one flat loop with the generator state in locals, no
 * calls and no allocation per step, keeping exactly the books the page reads. It draws the same
 * numbers as the readable loop (`runAlgorithmSteps` with Q-learning) and is tested bit for bit
 * against it, so any way of cutting a run into calls, fast or readable, gives the same run.
 *
 *   behaviour: ε-greedy — a uniform draw u < ε explores (a uniformly random action), else the
 *              greedy action argmax_a Q(s, a) (ties to the lowest action, numpy's argmax; the
 *              'random' tie rule runs on the readable loop)
 *   update:    td_target = r + γ · max_a′ Q(s′, a′)
 *              td_error  = td_target − Q(s, a)
 *              Q(s, a)  ← Q(s, a) + α · td_error
 *   schedule:  after every step ε ← max(min ε, ε − decay)
 *
 * Why it is shaped like this: V8 keeps a loop fast when few values are live in it. So a step
 * touches two typed arrays (plus the trajectory's codes), both indexed from the state alone:
 *
 *   f, 8 doubles per pair (s, a) from (s << 5) | (a << 3):
 *     0 Q(s, a)   1 N(s, a)   2 δ(s, a)   3–4 the cumulative probabilities of its first two
 *     outcomes, times 2^32
 *     and in the record of a = 0:   6 V(s) = max_a Q(s, a)   7 the reward for entering s
 *   g, 4 ints per pair from (s << 4) | (a << 2): outcome k packed as
 *     nextState << 5 | direction << 2 | terminated, the trajectory code without its action bits
 *     and in the record of a = 0:   3 the greedy action argmax_a Q(s, a), the first maximum
 *
 * V(s) is kept up to date after every update (the max of the new Q(s, a) and the best other
 * action, which the greedy-set watch needs anyway), so the bootstrap max_a′ Q(s′, a′) is one load.
 * Q never holds −0 (it starts at +0 and x + y is −0 only when both are), so this max is the row's
 * max bit for bit. The greedy action is kept too: it can change only when the greedy set G(s)
 * does, which the watch detects exactly, so it is searched for again only then (rarely), and an
 * exploiting step reads it in one load.
 *
 * Branches the processor cannot predict cost more here than the work they skip, so the steps
 * that depend on random or state-dependent values are computed instead: the outcome's index by
 * counting thresholds passed, the best other action's value and V(s) by Math.max. Measured in
 * A/B runs of two copies of the loop in one process (medians of 16 interleaved pairs): the
 * greedy action kept and Math.max +10 %, the counted outcome +4 %; the argmax itself computed
 * without branches, on the path from one state to the next, −30 %.
 */
import { createAgent, finishEpisode, type FastTables, type QAgent } from './agent';
import { Q_LEARNING } from './algorithms/q-learning';
import type { IceMazeEnv } from './env';
import { runAlgorithmSteps } from './readable-loop';
import { lastStepRecord, recordLast, type StepRecord } from './step-record';
import { rewardOfEntering, CODE_EXPLORED_BIT } from './trajectory';

/** 2^32: a uint32 draw x gives u = x · 2^−32, and u < c ⇔ x < c · 2^32 exactly (both products are exact). */
const TWO_32 = 4294967296;

/** Steps per call of the hot loop (see `runSteps`): long enough that a call's setup is noise. */
const CHUNK_STEPS = 1 << 16;

/** The last update's inputs from `runChunk`: Q(s, a) before, the bootstrap, ε (unscaled). */
const lastInputs = new Float64Array(3);

/** The fast loop's tables for `env`, the environment's part filled in (constant for a run). */
function createFastTables(env: IceMazeEnv): FastTables {
  const f = new Float64Array(env.nS << 5);
  const g = new Int32Array(env.nS << 4);
  for (let s = 0; s < env.nS; s++) {
    f[(s << 5) | 7] = rewardOfEntering(env, s);
    for (let a = 0; a < 4; a++)
      for (let k = 0; k < 3; k++) {
        const i = (s * 4 + a) * 3 + k;
        // Unused outcome slots keep cum = Infinity, so the sampling never picks them; the third
        // threshold is above every draw (see the sampling in `runChunk`) and is not kept.
        if (k < 2) f[((s << 5) | (a << 3)) + 3 + k] = env.outCum[i]! * TWO_32;
        g[(s << 4) | (a << 2) | k] =
          (env.outNext[i]! << 5) | (env.outDirection[i]! << 2) | env.outTerminated[i]!;
      }
  }
  return { f, g };
}

/**
 * Copies Q, N and δ into `tables.f`, computes V(s) = max_a Q(s, a) there and the greedy action
 * (the first maximum) into `tables.g`.
 */
function copyIn(agent: QAgent, tables: FastTables): void {
  const { q, visits, tdErrors } = agent;
  const { f, g } = tables;
  for (let s = 0; s < agent.env.nS; s++) {
    let v = q[s * 4]!;
    let best = 0;
    for (let a = 0; a < 4; a++) {
      const sa = s * 4 + a;
      const r = (s << 5) | (a << 3);
      f[r] = q[sa]!;
      f[r | 1] = visits[sa]!;
      f[r | 2] = tdErrors[sa]!;
      if (q[sa]! > v) {
        v = q[sa]!;
        best = a;
      }
    }
    f[(s << 5) | 6] = v;
    g[(s << 4) | 3] = best;
  }
}

/** Copies Q, N and δ back out of `f`. */
function copyOut(agent: QAgent, f: Float64Array): void {
  const { q, visits, tdErrors } = agent;
  for (let sa = 0; sa < q.length; sa++) {
    const r = sa << 3;
    q[sa] = f[r]!;
    visits[sa] = f[r | 1]!;
    tdErrors[sa] = f[r | 2]!;
  }
}

/**
 * The hot loop on the working copy `tables` (Q, N, δ already copied in): up to `maxSteps` steps,
 * stopping after `maxEpisodes` episodes end. Reads the agent's generator, ε, state and trajectory,
 * and writes them back with the last update's inputs in `lastInputs`. Returns the steps taken.
 */
function runChunk(
  agent: QAgent,
  tables: FastTables,
  maxSteps: number,
  maxEpisodes: number,
): number {
  const env = agent.env;
  const f = tables.f;
  const g = tables.g;
  const start = env.start;
  const limit = env.maxSteps;
  const { alpha, gamma } = agent.params;
  // ε, its decay and its floor scaled by 2^32, so the ε test compares the raw draw. Scaling by a
  // power of two commutes with rounding, so ε·2^32 − decay·2^32 rounds to (ε − decay)·2^32 and the
  // schedule is the readable loop's bit for bit (ε stays in [0, 1], far from overflow).
  const decay = agent.params.epsilonDecay * TWO_32;
  const floor = agent.params.minEpsilon * TWO_32;
  const rng = agent.rng;
  let s0 = rng[0]! | 0;
  let s1 = rng[1]! | 0;
  let s2 = rng[2]! | 0;
  let s3 = rng[3]! | 0;
  let eps = agent.epsilon * TWO_32;
  let s = agent.state;
  let t = agent.t;
  let cur = agent.current;
  let codes = cur.codes;
  let ret = cur.return;
  let episodesDone = 0;
  let steps = 0;
  // The last update's inputs; `recordLast` rebuilds the rest once at the end, bit for bit.
  let lastBefore = 0;
  let lastBootstrap = 0;
  let lastEps = 0;

  while (steps < maxSteps && episodesDone < maxEpisodes) {
    // Inner loop: steps of one episode, up to the time limit and the step budget.
    // Steps t0, t0 + 1, … of the trajectory; one running index i, so the loop keeps few values live.
    const t0 = t;
    const end = t + Math.min(limit - t, maxSteps - steps);
    let terminated = false;
    let i = t;
    // `end` > t whenever the outer test holds and the episode is under way (t < limit).
    if (i < end)
      for (;;) {
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

        const base = s << 5;
        let a: number;
        let exploredBit = 0;
        if (x < eps) {
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
        } else a = g[(s << 4) | 3]!; // Exploit: the greedy action, kept per state.
        // max over b ≠ a of Q(s, b), before the update: the greedy set G(s) changes exactly when
        // the update moves Q(s, a) across it (or onto or off it).
        const o1 = f[base | (((a + 1) & 3) << 3)]!;
        const o2 = f[base | (((a + 2) & 3) << 3)]!;
        const o3 = f[base | (((a + 3) & 3) << 3)]!;
        const others = Math.max(o1, o2, o3);

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
        const sa = base | (a << 3);
        // Counted, not branched on: the outcome is random, so a branch per threshold would be
        // mispredicted on most steps. The thresholds rise (unused slots are Infinity), so
        // k = [x ≥ c₀] + [x ≥ c₁] is the first k with x < c_k. The last outcome's cumulative sum is
        // the sum of all the probabilities, 1 to within a few units of 2^−53 and so above every
        // draw (at most 1 − 2^−32): numpy's case of no cumsum above u never arises, and c₂ is
        // not needed.
        const k = +(x >= f[sa | 3]!) + +(x >= f[sa | 4]!);
        const outcome = g[(sa >> 1) | k]!;
        const ns = outcome >>> 5;
        const nb = ns << 5;
        const r = f[nb | 7]!;

        // --- the one TD rule (`tdRule`) with Q-learning's bootstrap V(s′) = max_a′ Q(s′, a′) ---
        const bootstrap = f[nb | 6]!;
        const before = f[sa]!;
        const tdError = r + gamma * bootstrap - before;
        const after = before + alpha * tdError;
        f[sa] = after;
        f[base | 6] = Math.max(after, others);
        f[sa | 1]!++;
        f[sa | 2] = tdError;
        // `greedySetChanged` inlined: G(s) changed unless Q(s, a) stayed on one side of `others`
        // (written as branches: comparing the comparisons' results would build two booleans).
        // Written straight to the agent (cur.episode is the episode under way): a store on the rare
        // path costs less than a flag held live across the loop. The greedy action is found again.
        if (
          before > others
            ? !(after > others)
            : before < others
              ? !(after < others)
              : after > others || after < others
        ) {
          agent.greedyStableSince = cur.episode + 1;
          let best = 0;
          for (let b = 1; b < 4; b++) if (f[base | (b << 3)]! > f[base | (best << 3)]!) best = b;
          g[(s << 4) | 3] = best;
        }

        // --- bookkeeping: one packed store per step ---
        codes[i++] = (outcome & -4) | exploredBit | a;
        ret += r;
        const used = eps;
        eps = eps - decay > floor ? eps - decay : floor;
        s = ns;
        // The loop's one exit test; the last update's inputs are kept only here, not every step.
        if ((outcome & 1) === 1 || i >= end) {
          terminated = (outcome & 1) === 1;
          lastBefore = before;
          lastBootstrap = bootstrap;
          lastEps = used;
          break;
        }
      }
    t = i;
    steps += i - t0;
    if (terminated || t >= limit) {
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
  agent.epsilon = eps / TWO_32;
  agent.state = s;
  agent.t = t;
  agent.episode = cur.episode;
  agent.current = cur;
  cur.length = t;
  cur.return = ret;
  lastInputs[0] = lastBefore;
  lastInputs[1] = lastBootstrap;
  lastInputs[2] = lastEps / TWO_32;
  return steps;
}

/**
 * Runs up to `maxSteps` steps (each one environment step and one Q update), stopping early after
 * `maxEpisodes` episodes end. Returns the steps taken.
 *
 * The steps run in chunks of at most `CHUNK_STEPS`, each one call of `runChunk`, so even a run of
 * a million episodes in one call calls the hot loop often: V8 then compiles it as a whole function
 * with the feedback of its exits, instead of only entering it mid-loop (on-stack replacement)
 * with its exit unseen and falling back to the interpreter at the end of every call.
 */
export function runSteps(agent: QAgent, maxSteps: number, maxEpisodes = Infinity): number {
  if (agent.params.tieBreak === 'random')
    return runAlgorithmSteps(agent, Q_LEARNING, maxSteps, maxEpisodes);
  const tables = (agent.fastTables ??= createFastTables(agent.env));
  copyIn(agent, tables);
  const firstEpisode = agent.current.episode;
  let steps = 0;
  let episodes = 0;
  while (steps < maxSteps && episodes < maxEpisodes) {
    steps += runChunk(
      agent,
      tables,
      Math.min(CHUNK_STEPS, maxSteps - steps),
      maxEpisodes - episodes,
    );
    episodes = agent.current.episode - firstEpisode;
  }
  copyOut(agent, tables.f);
  agent.totalSteps += steps;
  // A step that ends its episode leaves t = 0; any other leaves t ≥ 1.
  const { alpha, gamma } = agent.params;
  if (steps > 0)
    recordLast(agent, agent.t === 0, lastInputs[0]!, lastInputs[1]!, lastInputs[2]!, alpha, gamma);
  return steps;
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

/** Steps `warmUp` runs: enough for V8 to compile the hot loop whole (about 200k steps measured). */
export const WARM_UP_STEPS = 200_000;

/**
 * Runs the hot loop for `steps` steps on a scratch agent of `env` (the lesson's settings, seed 0),
 * so that the JIT has compiled it before a class's first Play. Measured in a fresh Chromium
 * worker, the 8x8 preset's first 100,000 episodes then took 237–266 ms instead of 283–463 ms. It
 * shares nothing with a real run: the scratch agent has its own tables and generator, and the
 * last update's inputs (`lastInputs`) are rewritten by every call before they are read.
 */
export function warmUp(env: IceMazeEnv, steps = WARM_UP_STEPS): void {
  runSteps(createAgent(env, {}, 0), steps);
}
