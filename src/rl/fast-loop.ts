/**
 * The lesson's Q-learning at full speed: one flat loop over typed arrays with the generator state
 * in locals, no calls and no allocation per step, keeping exactly the books the page reads. It
 * draws the same numbers as the readable loop (`runAlgorithmSteps` with Q-learning) and is tested
 * bit for bit against it, so any way of cutting a run into calls, fast or readable, gives the
 * same run.
 *
 *   behaviour: ε-greedy — a uniform draw u < ε explores (a uniformly random action), else the
 *              greedy action argmax_a Q(s, a) (ties to the lowest action, numpy's argmax; the
 *              'random' tie rule runs on the readable loop)
 *   update:    td_target = r + γ · max_a′ Q(s′, a′)
 *              td_error  = td_target − Q(s, a)
 *              Q(s, a)  ← Q(s, a) + α · td_error
 *   schedule:  after every step ε ← max(min ε, ε − decay)
 */
import { finishEpisode, type QAgent } from './agent';
import { Q_LEARNING } from './algorithms/q-learning';
import { runAlgorithmSteps } from './readable-loop';
import { lastStepRecord, recordLast, type StepRecord } from './step-record';
import { CODE_EXPLORED_BIT } from './trajectory';

/**
 * Runs up to `maxSteps` steps (each one environment step and one Q update), stopping early after
 * `maxEpisodes` episodes end. Returns the steps taken.
 *
 * Hot loop: everything it touches per step is a local or a typed array.
 */
export function runSteps(agent: QAgent, maxSteps: number, maxEpisodes = Infinity): number {
  if (agent.params.tieBreak === 'random')
    return runAlgorithmSteps(agent, Q_LEARNING, maxSteps, maxEpisodes);
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
  let lastBootstrap = 0;
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

      // --- the one TD rule (`tdRule`) with Q-learning's bootstrap max_a′ Q(s′, a′), inlined ---
      const nb = ns << 2;
      let bootstrap = q[nb]!;
      if (q[nb + 1]! > bootstrap) bootstrap = q[nb + 1]!;
      if (q[nb + 2]! > bootstrap) bootstrap = q[nb + 2]!;
      if (q[nb + 3]! > bootstrap) bootstrap = q[nb + 3]!;
      const sa = base + a;
      const before = q[sa]!;
      const tdError = r + gamma * bootstrap - before;
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
      lastBootstrap = bootstrap;
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
  if (steps > 0) recordLast(agent, lastEnded, lastBefore, lastBootstrap, lastEps, alpha, gamma);
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
