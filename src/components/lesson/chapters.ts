/**
 * The guided lesson as plain data: the seed lesson's concepts in its order, and the chapters
 * that walk a class through them on the live agent. Each chapter says what it is about in two or
 * three sentences, gives one thing to do, and names how the lab is set up for it (map, seed,
 * view, speed, hyperparameters, the highlighted control and cell) and which question checks it.
 *
 * Invariants (tested): every concept is taught by at least one chapter, and the chapters meet
 * the concepts in the order `SEED_CONCEPTS` lists them (the seed's order).
 */
import type { MapName } from '../../rl/maps';
import {
  LESSON_EPISODES,
  LESSON_FRAME_INTERVAL,
  LESSON_PARAMS,
  type QParams,
} from '../../rl/params';
import type { GridView } from '../../shared/grid-view';
import type { Speed } from '../../worker/protocol';
import type { QuestionKind } from './questions';
import type { PredictionId } from './predictions';
import type { LessonTarget } from './targets';
import type { TermId } from '../dock/glossary/term-names';
import type { DockTab } from '../../shared/dock-tabs';
import { howOften, LESSON_ENV, LESSON_FIGURES } from '../dock/glossary/lesson-figures';
import { formatPercent, formatThousands } from '../../viz/format';

/** A concept of the seed lesson, in its order. */
export interface SeedConcept {
  id: string;
  /** How the lesson names it. */
  name: string;
}

/** The seed lesson's concepts, in the order it teaches them. */
export const SEED_CONCEPTS = [
  { id: 'states', name: 'States: one per tile, s = row · ncol + col' },
  { id: 'tiles', name: 'Tiles: start, frozen ice, holes and the prize (goal)' },
  { id: 'actions', name: 'Actions Left, Down, Right, Up' },
  { id: 'slippery', name: 'Slippery ice: a move may slide sideways' },
  { id: 'reward', name: 'Reward: 1 for reaching the prize, else 0' },
  { id: 'episode', name: 'Episode: from the start to a hole, the prize or the time limit' },
  { id: 'time-limit', name: 'Time limit of an episode' },
  { id: 'objective-reach', name: 'Objective 1: learn to reach the prize' },
  { id: 'objective-steps', name: 'Objective 2: reach it in the fewest steps' },
  { id: 'objective-compute', name: 'Objective 3: learn with little computation' },
  { id: 'agent', name: 'The agent (Q-learning, off-policy)' },
  { id: 'q-table', name: 'The Q-table, starting at zeros' },
  { id: 'return', name: 'Return G = r + γ·r′ + γ²·r″ …' },
  { id: 'q-value', name: 'Q-value Q(s,a): expected return of a in s' },
  { id: 'behaviour-policy', name: 'Behaviour policy: ε-greedy' },
  { id: 'target-policy', name: 'Target policy: greedy, argmax_a Q(s,a)' },
  { id: 'explore-exploit', name: 'Explore versus exploit' },
  { id: 'epsilon-decay', name: 'Exploration decay: ε ← max(min ε, ε − decay)' },
  { id: 'td-target', name: 'TD target r + γ·max_a′ Q(s′,a′)' },
  { id: 'td-error', name: 'TD error: TD target − Q(s,a)' },
  { id: 'alpha', name: 'Learning rate α' },
  { id: 'gamma', name: 'Discount factor γ' },
  { id: 'state-value', name: 'State value V(s) = max_a Q(s,a)' },
  { id: 'advantage', name: 'Advantage A(s,a) = Q(s,a) − V(s)' },
  { id: 'training-loop', name: 'The training loop over episodes' },
  { id: 'frames', name: 'Frames of V, Q and A every 1,000 episodes' },
  { id: 'evaluation', name: 'What the learned policy does: the final evaluation' },
] as const satisfies readonly SeedConcept[];

/** The id of a seed concept. */
export type ConceptId = (typeof SEED_CONCEPTS)[number]['id'];

/**
 * The run a chapter starts from, so the episode numbers on screen are the ones its text meets:
 * `'fresh'`, a new run at episode 0; `'trained'`, a new run trained at full speed through the
 * lesson's whole budget (episode 10,000 on the lesson's settings) before the chapter's speed is
 * set. Chapters never continue the previous chapter's run, so runs do not stack up.
 */
export type ChapterStart = 'fresh' | 'trained';

/** How the lab is set up for a chapter. */
export interface ChapterSetup {
  /** The run: one of Gymnasium's maps, with the lesson's settings and this seed. */
  map: MapName;
  seed: number;
  start: ChapterStart;
  /** Hyperparameters of the chapter's run (on a kept run, changed live); the rest are the lesson's. */
  params?: Partial<QParams>;
  view: GridView;
  /** A speed at which the class can watch what the chapter describes. */
  speed: Speed;
  highlight: LessonTarget;
  /**
   * The dock tab the chapter watches when it is not the one holding its highlighted control
   * (`targetTab(highlight)` is opened otherwise).
   */
  tab?: DockTab;
  /** The update (step inspector) is shown under the chapter: its task reads it. */
  update: boolean;
  /** The cell the chapter points at (the step inspector shows it); `null`: follow the agent. */
  cell: number | null;
}

/** One chapter of the guided lesson. */
export interface Chapter {
  id: string;
  title: string;
  /** Two or three sentences in our own words. */
  text: string;
  /** The one thing to do. */
  task: string;
  concepts: readonly ConceptId[];
  /** Glossary entries the chapter uses, offered beside it for their definitions. */
  terms: readonly TermId[];
  setup: ChapterSetup;
  /** The check-your-understanding question asked from the live state, if any. */
  question?: QuestionKind;
  /** The prediction checkpoint the chapter ends with, if any: a guess locked before its run. */
  prediction?: PredictionId;
}

/** The lesson's run on the 4x4 map, seed 0: every chapter is set up on it. */
const LESSON_RUN = { map: '4x4', seed: 0 } as const;

/**
 * A chapter's set-up on the lesson's run (`LESSON_RUN`): how the run starts, the grid view, the
 * speed and the highlighted control, then whether the update is shown and which cell it points at,
 * with what only some chapters set (their own hyperparameters, the dock tab they watch).
 */
function onLessonRun(
  start: ChapterStart,
  view: GridView,
  speed: Speed,
  highlight: LessonTarget,
  shows: Pick<ChapterSetup, 'update' | 'cell' | 'params' | 'tab'>,
): ChapterSetup {
  return { ...LESSON_RUN, start, view, speed, highlight, ...shows };
}

/** The start cell of Gymnasium's 4x4 map (row 0, column 0). */
const START = 0;

const [GOAL_REWARD, HOLE_REWARD] = LESSON_ENV.rewardSchedule;

/** The guided lesson, in the seed's order. */
export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'maze',
    title: 'The Ice Maze',
    text:
      `Each tile of the 4x4 lake is a state, numbered row by row from 0 at the start to ${LESSON_ENV.nS - 1} at the ` +
      'prize. The agent can move Left, Down, Right or Up, but the ice is slippery: a move goes ' +
      `where it is aimed only ${howOften(LESSON_ENV.successRate)} and otherwise slides sideways. An episode ends ` +
      `in a hole (reward ${HOLE_REWARD}), at the prize (reward ${GOAL_REWARD}) or at the time limit of ${LESSON_ENV.maxSteps} steps.`,
    task: 'Press Step five times and read each move in the step inspector: the action chosen, where the ice sent the agent, and the reward.',
    concepts: ['states', 'tiles', 'actions', 'slippery', 'reward', 'episode', 'time-limit'],
    terms: ['state', 'action', 'reward', 'episode'],
    setup: onLessonRun('fresh', 'v', 2, 'step', { update: true, cell: null }),
  },
  {
    id: 'objectives',
    title: 'Three objectives',
    text:
      'We want an algorithm whose agent learns to reach the prize, reaches it in as few steps as ' +
      'the slippery ice allows, and learns with as little computation as possible. The ' +
      'objectives panel measures all three on the live run, against the best any policy can do.',
    task: 'Press Step episode three times and read the objectives panel: how often the prize was reached, in how many steps, and after how many updates.',
    concepts: ['objective-reach', 'objective-steps', 'objective-compute'],
    terms: ['episode', 'return'],
    setup: onLessonRun('fresh', 'v', 100, 'objectives', { update: false, cell: null }),
  },
  {
    id: 'q-table',
    title: 'The agent and its Q-table',
    text:
      'The agent keeps one number per state and action, Q(s,a): its estimate of the expected ' +
      'return, the discounted sum of rewards r + γ·r′ + γ²·r″ …, of taking a in s and acting ' +
      'optimally afterwards (the update’s target takes the best next action). The table starts at ' +
      'zeros, so at first every action ties and the agent knows nothing.',
    task: 'Switch the grid to Q(s,a) if it is not, press Step episode a few times and watch which triangles of the start cell change colour.',
    concepts: ['agent', 'q-table', 'return', 'q-value'],
    terms: ['agent', 'q', 'return'],
    setup: onLessonRun('fresh', 'q', 10, 'grid', { update: true, cell: START }),
    question: 'greedy-action',
    prediction: 'state-4',
  },
  {
    id: 'epsilon-greedy',
    title: 'Behaviour and target policy: ε-greedy',
    text:
      'While training, the agent follows an ε-greedy behaviour policy: with probability ε it ' +
      'explores with a random action, otherwise it exploits the greedy action argmax_a Q(s,a). ' +
      'The target policy it learns about is always the greedy one; that is what makes Q-learning ' +
      'off-policy.',
    task: 'Press Step ten times (ε is set to 0.5 here) and read in the step inspector which moves were random (exploring) and which greedy (exploiting).',
    concepts: ['behaviour-policy', 'target-policy', 'explore-exploit'],
    terms: ['policy', 'epsilon'],
    setup: onLessonRun('fresh', 'q', 2, 'epsilon', {
      update: true,
      cell: null,
      params: { epsilon: 0.5 },
    }),
    question: 'explore-exploit',
  },
  {
    id: 'decay',
    title: 'Exploration decays',
    text:
      'After every step ε shrinks by the decay, ε ← max(min ε, ε − decay), so the agent explores ' +
      'a lot while its table is empty and exploits more as the table fills in. The floor min ε ' +
      'keeps a little exploration for ever.',
    task: `Press Play and watch ε fall in the status line; pause, and check that ε = ${LESSON_PARAMS.epsilon} − ${LESSON_PARAMS.epsilonDecay} × the steps taken until it reaches its floor, ${LESSON_PARAMS.minEpsilon}.`,
    concepts: ['epsilon-decay'],
    terms: ['epsilon'],
    setup: onLessonRun('fresh', 'v', 100, 'decay', { update: false, cell: null }),
    question: 'why-decay',
    prediction: 'epsilon-zero',
  },
  {
    id: 'update',
    title: 'The Q-learning update',
    text:
      'After each step the agent moves Q(s,a) toward the TD target r + γ·max_a′ Q(s′,a′): the ' +
      'reward plus the discounted best value of where it landed. The TD error is the target minus ' +
      'the old Q(s,a), and the learning rate α sets how much of it is applied: Q(s,a) ← Q(s,a) + ' +
      'α·TD error.',
    task: 'This chapter starts from a run already trained through the lesson’s episodes, so the Q-values are no longer 0. Press Step five times and watch the TD target and TD error in the step inspector.',
    concepts: ['td-target', 'td-error', 'alpha', 'gamma'],
    terms: ['td-target', 'td-error', 'alpha', 'gamma'],
    setup: onLessonRun('trained', 'q', 2, 'step', { update: true, cell: null }),
    question: 'q-update',
  },
  {
    id: 'state-value',
    title: 'The value of a state',
    text:
      'The value of a state is the largest of its four Q-values, V(s) = max_a Q(s,a): the ' +
      'agent’s estimate of the expected discounted return from s when it acts optimally from ' +
      'there. It is not the chance of reaching the prize. The V(s) view colours each cell by it, ' +
      'so the path to the prize lights up as the agent learns.',
    task: 'With the grid on V(s), press Play for a few seconds, pause, and compare the start cell’s value with its four Q-values in the step inspector.',
    concepts: ['state-value'],
    terms: ['v', 'q'],
    setup: onLessonRun('fresh', 'v', 10_000, 'view', { update: true, cell: START }),
    question: 'state-value',
  },
  {
    id: 'advantage',
    title: 'The advantage',
    text:
      'The advantage A(s,a) = Q(s,a) − V(s) says how much worse an action is than the best one ' +
      'in that state: 0 for every greedy action (all four while they tie, as at the start), ' +
      'negative for the others. Later algorithms (PPO, GRPO) learn from advantages because they ' +
      'vary less than raw returns; they measure them against the policy’s average value, not ' +
      'the best one, so there an advantage can be positive.',
    task: 'With the grid on A(s,a), find the cell’s greedy actions (advantage 0; tied actions all have 0) and the action it should avoid most.',
    concepts: ['advantage'],
    terms: ['advantage', 'v'],
    setup: onLessonRun('trained', 'a', 10, 'view', { update: true, cell: START }),
    question: 'advantage',
  },
  {
    id: 'training-loop',
    title: 'The training loop and its frames',
    text:
      'Training repeats episodes: reset to the start, choose, step, update, until the episode ' +
      `ends, for ${formatThousands(LESSON_EPISODES)} episodes. Like the lesson’s save_interval, the lab keeps a frame of V, Q ` +
      `and A every ${formatThousands(LESSON_FRAME_INTERVAL)} episodes, so the class can see the values spread back from the prize.`,
    task: `Press Play and watch the frames gallery fill in, one frame every ${formatThousands(LESSON_FRAME_INTERVAL)} episodes; the chapter sets a speed at which the frames arrive one by one.`,
    concepts: ['training-loop', 'frames'],
    terms: ['episode', 'q', 'v', 'advantage'],
    setup: onLessonRun('fresh', 'v', 10_000, 'play', { update: false, cell: null, tab: 'frames' }),
    question: 'frame-count',
  },
  {
    id: 'evaluation',
    title: 'What the policy learned',
    text:
      'After training, the target policy acts greedily, with no exploration and no learning. ' +
      'On slippery ice even the best policy falls in a hole sometimes, so its success is a ' +
      'probability, measured here exactly. Two references: the γ-optimal policy of value ' +
      `iteration, best for the discounted return, reaches the goal within the time limit ${formatPercent(LESSON_FIGURES.optimalPolicy.successProbability, 1)} ` +
      `of the time on 4x4, and the best any policy can do within the limit is ${formatPercent(LESSON_FIGURES.bestWithinLimit, 1)}.`,
    task: 'Run a few greedy episodes in the behaviour vs target policy panel and compare their success with the exact success probability.',
    concepts: ['evaluation'],
    terms: ['policy'],
    setup: onLessonRun('trained', 'q', 10, 'target-policy', { update: true, cell: START }),
    question: 'greedy-action',
    prediction: 'gamma-half',
  },
];
