/**
 * The lesson's vocabulary as data: a short definition of each term in plain words, and a pure
 * function that reads "the live number it refers to" from the lab's state (the latest snapshot
 * and the low-frequency fields beside it). No React, no DOM: the glossary panel and the inline
 * `<Term>` buttons render these.
 */
import { ACTION_NAMES } from '../../../rl/env';
import { LESSON_PARAMS } from '../../../rl/params';
import { greedyAction, maskActions } from '../../../rl/tables';
import type { LabState } from '../../../store/lab-store';
import { formatQ } from '../../../viz/q-table';
import { TILE_NAMES, tileLetter } from '../../../viz/describe';
import { howOften, LESSON_ENV, LESSON_FIGURES, pair } from './lesson-figures';
import { formatSigned } from '../../../viz/format';
import type { TermId } from './term-names';

/** What the live readings read: the latest snapshot and the fields the store keeps beside it. */
export type LiveSource = Pick<
  LabState,
  'snapshot' | 'env' | 'params' | 'epsilon' | 'episode' | 'totalSteps'
>;

/** A live reading: the number itself and how the panel writes it (with its context). */
export interface LiveReading {
  value: number;
  /** E.g. "0.100", "5 (frozen)", "Q(5, Right) = 0.123". */
  text: string;
}

/** A glossary entry. */
export interface GlossaryTerm {
  id: TermId;
  /** The term as a heading: "Learning rate α". */
  name: string;
  /** A formula, when the term has one (plain text, Unicode maths). */
  formula?: string;
  /** Two or three sentences in plain words. */
  definition: string;
  /** What the live number is, e.g. "Now", "Last update", "Last finished episode". */
  liveLabel: string;
  /** The live number, or null while there is none yet (before the first step, say). */
  live: (source: LiveSource) => LiveReading | null;
}

const FIG = LESSON_FIGURES;
const [GOAL_REWARD, HOLE_REWARD] = LESSON_ENV.rewardSchedule;
/** The optimal policy's step into a hole on the lesson's map, and its TD error at Q*. */
const SURPRISE = FIG.holeSurprise!;

/** An integer with thousands separators. */
const count = (n: number) => n.toLocaleString('en-US');

/** A number with up to 4 significant decimals for hyperparameters (0.1, 0.99, 0.0001). */
const param = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** The undiscounted and discounted return of a reward sequence: Σ r and Σ γᵏ · r₍ₖ₊₁₎. */
export function episodeReturns(
  rewards: ArrayLike<number>,
  length: number,
  gamma: number,
): { undiscounted: number; discounted: number } {
  let undiscounted = 0;
  let discounted = 0;
  let weight = 1;
  for (let k = 0; k < length; k++) {
    const r = rewards[k] ?? 0;
    undiscounted += r;
    discounted += weight * r;
    weight *= gamma;
  }
  return { undiscounted, discounted };
}

/** The glossary, in teaching order. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'agent',
    name: 'Agent',
    definition:
      'The learner. In every state it picks an action, sees what the ice did and what reward came back, and uses that to update its Q-table.',
    liveLabel: 'Steps taken so far',
    live: (src) => ({ value: src.totalSteps, text: count(src.totalSteps) }),
  },
  {
    id: 'state',
    name: 'State s',
    formula: 's = row · columns + column',
    definition:
      'Where the agent is: one tile of the maze, numbered from 0 at the top left, row by row. The agent always sees its state exactly (the maze is fully observable).',
    liveLabel: 'The agent is on',
    live: (src) => {
      const { snapshot, env } = src;
      if (!snapshot || !env) return null;
      const tile = tileLetter(env.desc, env.ncol, snapshot.state);
      return { value: snapshot.state, text: `${snapshot.state} (${TILE_NAMES[tile]})` };
    },
  },
  {
    id: 'action',
    name: 'Action a',
    formula: ACTION_NAMES.map((name, a) => `${name} ${a}`).join(', '),
    definition:
      'One of the four moves the agent can choose. On slippery ice the move it chose is not always the move it makes: it may slide to either side.',
    liveLabel: 'Last action',
    live: (src) => {
      const last = src.snapshot?.last;
      if (!last) return null;
      const how = last.explored ? 'random, exploring' : 'greedy';
      const slid = last.slipped ? `, slid ${ACTION_NAMES[last.actual]}` : '';
      return { value: last.action, text: `${ACTION_NAMES[last.action]} (${how}${slid})` };
    },
  },
  {
    id: 'reward',
    name: 'Reward r',
    definition: `The number the maze hands back after one step: ${GOAL_REWARD} for stepping onto the prize, ${HOLE_REWARD} for anything else, holes included. It is about one step only.`,
    liveLabel: 'Last reward',
    live: (src) => {
      const last = src.snapshot?.last;
      return last ? { value: last.reward, text: String(last.reward) } : null;
    },
  },
  {
    id: 'return',
    name: 'Return G',
    formula: 'Gₜ = rₜ₊₁ + γ·rₜ₊₂ + γ²·rₜ₊₃ + …',
    definition:
      'All the rewards from a time step to the end of the episode, each later one discounted by another factor γ. A reward is one step; the return is the whole future, and it is what Q and V estimate.',
    liveLabel: 'Last finished episode',
    live: (src) => {
      const prev = src.snapshot?.previous;
      if (!prev) return null;
      const gamma = src.snapshot!.params.gamma;
      const { discounted } = episodeReturns(prev.rewards, prev.length, gamma);
      // G is the discounted sum, so it leads; the plain sum of rewards is the aside.
      return {
        value: discounted,
        text: `G₀ = ${formatQ(discounted)} (rewards summed without discount: ${prev.return})`,
      };
    },
  },
  {
    id: 'episode',
    name: 'Episode',
    definition:
      'One attempt, from the start tile until the agent reaches the prize, falls into a hole or runs out of time. Training is thousands of episodes.',
    liveLabel: 'Episodes finished',
    live: (src) => ({ value: src.episode, text: count(src.episode) }),
  },
  {
    id: 'policy',
    name: 'Policy π',
    definition:
      'The rule that picks an action in each state. The target policy is greedy: take the action with the highest Q(s,a). While training the agent follows a behaviour policy, ε-greedy: a random action with probability ε, the greedy one otherwise. Learning one policy while following another makes Q-learning off-policy.',
    liveLabel: 'Greedy action where the agent is',
    live: (src) => {
      const snapshot = src.snapshot;
      if (!snapshot) return null;
      const s = snapshot.state;
      const tied = maskActions(snapshot.greedyMask[s] ?? 0).map((a) => ACTION_NAMES[a]);
      const best = greedyAction(snapshot.q, s);
      const rule =
        src.params.tieBreak === 'random' ? 'one of them at random' : 'argmax takes the first';
      const text =
        tied.length > 1
          ? `state ${s}: tie of ${tied.join(', ')} (${rule})`
          : `state ${s}: ${ACTION_NAMES[best]}`;
      return { value: best, text };
    },
  },
  {
    id: 'epsilon',
    name: 'Exploration rate ε',
    definition: `The chance that the behaviour policy ignores Q and tries a random action: explore rather than exploit. In the lesson it starts at ${LESSON_PARAMS.epsilon} and shrinks by ${LESSON_PARAMS.epsilonDecay} after every step, down to its minimum ${LESSON_PARAMS.minEpsilon}.`,
    liveLabel: 'Now',
    live: (src) => ({ value: src.epsilon, text: formatQ(src.epsilon) }),
  },
  {
    id: 'alpha',
    name: 'Learning rate α',
    formula: 'Q(s,a) ← Q(s,a) + α · TD error',
    definition:
      'How far one update moves Q(s,a) toward the TD target. At 0 nothing is learned; at 1 the old estimate is replaced outright.',
    liveLabel: 'Now',
    live: (src) => ({ value: src.params.alpha, text: param(src.params.alpha) }),
  },
  {
    id: 'gamma',
    name: 'Discount factor γ',
    definition:
      'What a reward one step later is worth today: a reward on the k-th step counts γ^(k−1). Close to 1 the agent cares about the far future almost as much as now. With γ < 1 a prize reached sooner is worth more, but that does not make the policy take the shortest path: on slippery ice it weighs length against the risk of a hole. ' +
      `On the 4x4 map at γ ${FIG.optimal.gamma}, the γ-optimal policy’s episodes last ${Math.round(FIG.optimalPolicy.expectedLength)} steps on average, though the shortest path is ${FIG.shortestPath}.`,
    liveLabel: 'Now',
    live: (src) => ({ value: src.params.gamma, text: param(src.params.gamma) }),
  },
  {
    id: 'q',
    name: 'Action value Q(s,a)',
    formula: 'Q*(s,a) = E[Gₜ | Sₜ = s, Aₜ = a, optimal actions after]',
    definition:
      'The expected return of taking action a in state s and acting optimally afterwards, Q*(s,a); the Q-table holds the agent’s estimate of it, one per state and action, all 0 at the start. Q-learning aims at it because its target takes the best next action, max Q(s′,a′), whatever the agent really does next.',
    liveLabel: 'Updated last',
    live: (src) => {
      const last = src.snapshot?.last;
      if (!last) return null;
      return {
        value: last.qAfter,
        text: `Q(${last.state}, ${ACTION_NAMES[last.action]}) = ${formatQ(last.qAfter)}`,
      };
    },
  },
  {
    id: 'v',
    name: 'State value V(s)',
    formula: 'V(s) = maxₐ Q(s,a);  V*(s) = maxₐ Q*(s,a) = E[Gₜ | Sₜ = s] under the optimal policy',
    definition:
      'The value of state s, read off the Q-table as the value of its best action. Only for the optimal values is it the expected return from s; for the agent’s estimates it is its current guess of V*(s). ' +
      `It is an expected discounted return, not a chance of success: on the 4x4 map V*(start) = ${formatSigned(FIG.startValue, 3)}, while the best any policy can do is reach the goal within the time limit with probability ${formatSigned(FIG.bestWithinLimit, 3)}.`,
    liveLabel: 'At the start',
    live: (src) => {
      const { snapshot, env } = src;
      if (!snapshot || !env) return null;
      const v = snapshot.v[env.start] ?? NaN;
      return { value: v, text: `V(${env.start}) = ${formatQ(v)}` };
    },
  },
  {
    id: 'advantage',
    name: 'Advantage A(s,a)',
    formula: 'A(s,a) = Q(s,a) − V(s)',
    definition:
      'How much better or worse action a is than what state s is worth. With V(s) = max Q it is 0 for every greedy action (for all four while they tie, as at the start) and negative for the others. Later algorithms (PPO, GRPO) learn from advantages taken against the policy’s average value, Σₐ π(a|s)·Q(s,a), so there an action better than average has a positive advantage.',
    liveLabel: 'Of the last action',
    live: (src) => {
      const snapshot = src.snapshot;
      const last = snapshot?.last;
      if (!snapshot || !last) return null;
      const a = snapshot.advantage[last.state * 4 + last.action] ?? NaN;
      return { value: a, text: `A(${last.state}, ${ACTION_NAMES[last.action]}) = ${formatQ(a)}` };
    },
  },
  {
    id: 'td-target',
    name: 'TD target',
    formula: 'r + γ · maxₐ′ Q(s′,a′)',
    definition:
      'What one step suggests Q(s,a) should be: the reward just received plus the discounted value of the best action in the next state. A step into a hole or onto the prize ends the episode, and their rows of Q stay 0, so there it is just r. A step cut by the time limit ends the episode too, but not because the state is an end: the target still adds γ·max Q(s′), as in the lesson’s code.',
    liveLabel: 'Last update',
    live: (src) => {
      const last = src.snapshot?.last;
      return last ? { value: last.tdTarget, text: formatQ(last.tdTarget) } : null;
    },
  },
  {
    id: 'td-error',
    name: 'TD error',
    formula: 'TD target − Q(s,a)',
    definition:
      'How far off the old estimate was on this step. Positive: the step went better than Q expected; negative: worse. The update adds α times it to Q(s,a). On slippery ice it does not shrink to 0 as Q settles, because each step’s outcome is random; only its average over the ice’s outcomes goes to 0. ' +
      `Even with the exact Q*, an optimal action, ${ACTION_NAMES[SURPRISE.action]}, at state ${SURPRISE.state} lands in the hole at ${SURPRISE.hole} ${howOften(SURPRISE.probability)}, and then δ = −Q*(${pair(SURPRISE.state, SURPRISE.action)}) = ${formatSigned(SURPRISE.tdError, 3)}.`,
    liveLabel: 'Last update',
    live: (src) => {
      const last = src.snapshot?.last;
      return last ? { value: last.tdError, text: formatQ(last.tdError) } : null;
    },
  },
  {
    id: 'visits',
    name: 'Visit count N(s,a)',
    formula: 'N(s) = Σₐ N(s,a)',
    definition:
      'How many times the agent took action a in state s, so how many updates Q(s,a) has had. The N(s,a) view colours each triangle by it on a log scale (the start is visited every episode, far tiles rarely) and prints N(s), their sum, in the middle: where the agent has been. Over all states the counts add up to the total steps.',
    liveLabel: 'At the start',
    live: (src) => {
      const { snapshot, env } = src;
      if (!snapshot || !env) return null;
      let n = 0;
      for (let a = 0; a < 4; a++) n += snapshot.visits[env.start * 4 + a] ?? 0;
      return { value: n, text: `N(${env.start}) = ${count(n)}` };
    },
  },
  {
    id: 'td-size',
    name: 'Size of the latest TD error |δ(s,a)|',
    formula: '|δ| = |r + γ · maxₐ′ Q(s′,a′) − Q(s,a)|, at the last update of (s,a)',
    definition:
      'How far off Q(s,a) was the last time the agent tried a in s. The |δ(s,a)| view colours each triangle by it, and it shows the ice’s randomness as much as learning: a pair whose Q has settled still shows a large |δ| after an unlucky or lucky slide, ' +
      `as at state ${SURPRISE.state}, where even the exact Q* gives |δ| = ${formatSigned(-SURPRISE.tdError, 3)} when ${ACTION_NAMES[SURPRISE.action]} lands in the hole. A large |δ| means the last step surprised Q, not that Q is still wrong; where Q is still learning, δ leans one way over many tries. A pair never tried shows 0.`,
    liveLabel: 'Largest now',
    live: (src) => {
      const snapshot = src.snapshot;
      if (!snapshot) return null;
      let best = 0;
      for (let i = 1; i < snapshot.tdErrors.length; i++)
        if (Math.abs(snapshot.tdErrors[i]!) > Math.abs(snapshot.tdErrors[best]!)) best = i;
      const size = Math.abs(snapshot.tdErrors[best] ?? 0);
      const s = Math.floor(best / 4);
      return { value: size, text: `|δ(${s}, ${ACTION_NAMES[best % 4]})| = ${formatQ(size)}` };
    },
  },
];

/** The glossary by identifier. */
export const TERMS: Readonly<Record<TermId, GlossaryTerm>> = Object.fromEntries(
  GLOSSARY.map((t) => [t.id, t]),
) as Record<TermId, GlossaryTerm>;

/** Written when a term has no live number yet. */
export const NO_READING = '—';

/** The live text of one term ("—" when there is none yet). */
export function liveText(id: TermId, source: LiveSource): string {
  return TERMS[id].live(source)?.text ?? NO_READING;
}

/** The live text of every term, keyed by identifier (compare shallowly to skip a re-render). */
export function liveTexts(source: LiveSource): Record<TermId, string> {
  const out = {} as Record<TermId, string>;
  for (const t of GLOSSARY) out[t.id] = t.live(source)?.text ?? NO_READING;
  return out;
}
