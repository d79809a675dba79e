/**
 * Monte Carlo control (Sutton & Barto §5.4, constant-α form §6.1), on-policy with the ε-soft
 * behaviour: no bootstrap from Q. The episode is stored as it goes; at its end (a hole, the goal or
 * the time limit) the return is computed backwards and every visit's pair moves toward it:
 *
 *   G_T = 0;  for t = T − 1 … 0:  G_t = r_{t+1} + γ·G_{t+1};  Q(s_t, a_t) ← Q + α·(G_t − Q)
 *
 * which is the one TD rule with bootstrap G_{t+1} (`tdRule(q, r_{t+1}, γ, G_{t+1}, α)`).
 * Every-visit by default; first-visit (`LearnerOptions.firstVisit`) updates a pair only at its
 * first visit of the episode. Under α = 1/N the N is the returns averaged into the pair, so Q is
 * their plain mean. Steps before the end change nothing (their record shows α 0).
 */
import { writeQ } from '../agent';
import { stepSize } from '../step-size';
import { createTdUpdate, tdRule } from '../td-rule';
import type { AlgorithmDefinition, LearnStep } from './definition';

/** One backward update's numbers (reused). */
const update = createTdUpdate();

/** The backward pass over the finished episode. */
function learnFromReturns(step: LearnStep): void {
  const { agent } = step;
  const { memory: m, q, options } = agent;
  const T = m.episodeLength;
  let g = 0;
  let updates = 0;
  for (let t = T - 1; t >= 0; t--) {
    const p = m.episodeStates[t]! * 4 + m.episodeActions[t]!;
    const r = m.episodeRewards[t]!;
    const gNext = g;
    g = r + step.gamma * gNext;
    if (options.firstVisit && m.firstVisitAt[p] !== t) continue;
    m.returnCounts[p]!++;
    const alpha = stepSize(options.alphaSchedule, agent.params.alpha, m.returnCounts[p]!);
    // The last step's update is the record's (its G is r_T); the others use the scratch.
    const out = t === T - 1 ? step.td : update;
    tdRule(out, q[p]!, r, step.gamma, gNext, alpha);
    if (t === T - 1) step.recordAlpha = alpha;
    writeQ(agent, p >> 2, p & 3, out.qAfter);
    updates++;
  }
  for (let t = 0; t < T; t++) m.firstVisitAt[m.episodeStates[t]! * 4 + m.episodeActions[t]!] = -1;
  m.lastReturn = g;
  m.lastReturnUpdates = updates;
  m.episodeLength = 0;
}

/** Monte Carlo's definition. */
export const MONTE_CARLO: AlgorithmDefinition<'monte-carlo'> = {
  name: 'monte-carlo',
  label: 'Monte Carlo',
  policy: 'on-policy',
  extraState: 'none',
  bootstrapFormula: 'G_{t+1}, the return to the episode’s end',
  bootstrap: () => 0,
  learn: (step) => {
    const { agent, td } = step;
    const m = agent.memory;
    const t = m.episodeLength++;
    const sa = step.state * 4 + step.action;
    m.episodeStates[t] = step.state;
    m.episodeActions[t] = step.action;
    m.episodeRewards[t] = step.reward;
    if (m.firstVisitAt[sa] === -1) m.firstVisitAt[sa] = t;
    // Nothing moves before the end: the record shows this step's reward with α 0.
    tdRule(td, agent.q[sa]!, step.reward, step.gamma, 0, 0);
    step.recordAlpha = 0;
    if (step.ended) learnFromReturns(step);
  },
};
