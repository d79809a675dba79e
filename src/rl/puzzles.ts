/**
 * Parameter puzzles: a goal on the lesson's maze ("make the greedy action at state 4 Down"), the
 * settings a student may choose, and an exact check of what those settings produce. Pure: no DOM.
 *
 * Every check is exact, never a sampled success rate: training is deterministic for a seed (the
 * fast loop), the greedy action is read from the trained Q, a policy's success is
 * `evaluateGreedy`/`evaluatePolicy` (the state distribution pushed forward through P), and the
 * reward puzzle's policy is value iteration's on `createEnv({ rewardSchedule })`.
 */
import { ACTION_NAMES, createEnv, type IceMazeEnv, type RewardSchedule } from './env';
import { stepsToFloor } from './epsilon-floor';
import {
  evaluateGreedy,
  evaluatePolicy,
  valueIteration,
  type PolicyEvaluation,
} from './evaluation';
import {
  LESSON_EPISODES,
  LESSON_PARAMS,
  PARAM_LIMITS,
  REWARD_LIMITS,
  RUN_LIMITS,
  type Limit,
} from './params';
import { parseNumber } from './parse-values';
import { greedyAction, policyMatrix } from './tables';
import { train } from './training';

/** A setting a puzzle lets the student choose. */
export type PuzzleField =
  | 'alpha'
  | 'gamma'
  | 'epsilonDecay'
  | 'seed'
  | 'episodes'
  | 'goalReward'
  | 'holeReward'
  | 'frozenReward';

/** The settings of one attempt, by field. */
export type PuzzleSettings = Partial<Record<PuzzleField, number>>;

/** One input of a puzzle: its limit (label and range) and the value the puzzle opens with. */
export interface PuzzleInput {
  field: PuzzleField;
  limit: Limit;
  initial: number;
}

/** The outcome of an exact check. */
export interface PuzzleResult {
  solved: boolean;
  /** What the settings produced, with the numbers, and why that meets the goal or not. */
  text: string;
}

/** A puzzle: its goal, inputs, hints (from computed figures), a known solution and its check. */
export interface Puzzle {
  /** 1-based, as `?puzzle=N` names it. */
  number: number;
  title: string;
  goal: string;
  inputs: readonly PuzzleInput[];
  /** Hints in the order they are shown, one more after each unsolved attempt. */
  hints(): string[];
  /** Settings that solve it (the teacher's key; a test checks that they do). */
  solution: PuzzleSettings;
  check(settings: PuzzleSettings): PuzzleResult;
}

/** The success the second puzzle asks for, and its episode budget. */
export const SUCCESS_GOAL = 0.7;
/** The second puzzle's most episodes. */
export const SUCCESS_EPISODES = 2_000;

/** Down, Gymnasium's action 1. */
const DOWN = 1;
/** The cell the first puzzle is about. */
const CELL = 4;

/** The lesson's maze: 4x4, slippery, time limit 100. */
function lessonEnv(schedule?: RewardSchedule): IceMazeEnv {
  return createEnv(schedule ? { map: '4x4', rewardSchedule: schedule } : { map: '4x4' });
}

/** "Left 0.0123, Down 0.0456, …": a state's row of Q. */
function qRow(q: ArrayLike<number>, s: number): string {
  return ACTION_NAMES.map((name, a) => `${name} ${q[s * 4 + a]!.toFixed(4)}`).join(', ');
}

/** The hyperparameters an attempt sets, the lesson's for the rest. */
function paramsOf(settings: PuzzleSettings) {
  return {
    alpha: settings.alpha ?? LESSON_PARAMS.alpha,
    gamma: settings.gamma ?? LESSON_PARAMS.gamma,
    epsilonDecay: settings.epsilonDecay ?? LESSON_PARAMS.epsilonDecay,
  };
}

/** Puzzle 1: the greedy action of the trained Q at state 4 is Down (the lesson's tie rule). */
export function checkDownAtFour(settings: PuzzleSettings): PuzzleResult {
  const q = train(lessonEnv(), paramsOf(settings), settings.seed ?? 0, LESSON_EPISODES).q;
  const a = greedyAction(q, CELL);
  const solved = a === DOWN;
  return {
    solved,
    text:
      `After ${LESSON_EPISODES.toLocaleString('en-US')} episodes Q(4,·) is ${qRow(q, CELL)}: ` +
      `the greedy action is ${ACTION_NAMES[a]}` +
      (solved ? ', as asked.' : `, not Down.`),
  };
}

/** Puzzle 2: the greedy policy's exact success after at most 2,000 episodes is at least 0.70. */
export function checkSuccessWithin(settings: PuzzleSettings): PuzzleResult {
  const env = lessonEnv();
  const episodes = settings.episodes ?? SUCCESS_EPISODES;
  const q = train(env, paramsOf(settings), settings.seed ?? 0, episodes).q;
  const p = evaluateGreedy(env, q).successProbability;
  const solved = p >= SUCCESS_GOAL;
  return {
    solved,
    text:
      `After ${episodes.toLocaleString('en-US')} episodes the greedy policy reaches the goal within ` +
      `${env.maxSteps} steps with probability ${p.toFixed(4)} (exact)` +
      (solved ? `, at least ${SUCCESS_GOAL.toFixed(2)}.` : `, below ${SUCCESS_GOAL.toFixed(2)}.`),
  };
}

/** The rewards an attempt sets, in `RewardSchedule` order, Gymnasium's (1, 0, 0) for the rest. */
export function scheduleOf(settings: PuzzleSettings): RewardSchedule {
  return [settings.goalReward ?? 1, settings.holeReward ?? 0, settings.frozenReward ?? 0];
}

/** The optimal policy (value iteration at the lesson's γ) under a reward schedule, evaluated exactly. */
export function optimalUnder(schedule: RewardSchedule): {
  evaluation: PolicyEvaluation;
  startAction: number;
} {
  const env = lessonEnv(schedule);
  const optimal = valueIteration(env, LESSON_PARAMS.gamma);
  return {
    evaluation: evaluatePolicy(env, policyMatrix(optimal.policy, env.nA)),
    startAction: optimal.policy[env.start]!,
  };
}

/**
 * Puzzle 3: the optimal policy takes the short, risky path: its episodes are shorter on average
 * (E[min(T, H)]) and it falls in a hole more often than the optimal policy under the lesson's
 * rewards (1, 0, 0), both exact.
 */
export function checkRiskyPath(settings: PuzzleSettings): PuzzleResult {
  const schedule = scheduleOf(settings);
  const mine = optimalUnder(schedule);
  const lesson = optimalUnder([1, 0, 0]);
  const shorter = mine.evaluation.expectedLength < lesson.evaluation.expectedLength;
  const riskier = mine.evaluation.holeProbability > lesson.evaluation.holeProbability;
  const solved = shorter && riskier;
  const verdict = solved
    ? 'shorter and riskier: the short, risky path.'
    : !shorter
      ? 'not shorter than under the lesson’s rewards.'
      : 'shorter, but not riskier than under the lesson’s rewards.';
  return {
    solved,
    text:
      `With rewards goal ${schedule[0]}, hole ${schedule[1]}, ice ${schedule[2]} and γ = ` +
      `${LESSON_PARAMS.gamma}, the optimal policy (value iteration) goes ` +
      `${ACTION_NAMES[mine.startAction]} from the start; its episodes last ` +
      `${mine.evaluation.expectedLength.toFixed(2)} steps on average and end in a hole with ` +
      `probability ${mine.evaluation.holeProbability.toFixed(4)} (lesson’s rewards: ` +
      `${lesson.evaluation.expectedLength.toFixed(2)} steps, ` +
      `${lesson.evaluation.holeProbability.toFixed(4)}): ${verdict}`,
  };
}

const SEED_INPUT: PuzzleInput = { field: 'seed', limit: RUN_LIMITS.seed, initial: 0 };

/** The puzzles, numbered from 1 in the order `?puzzle=N` names them. */
export const PUZZLES: readonly Puzzle[] = [
  {
    number: 1,
    title: 'Point state 4 Down',
    goal:
      `Choose α, γ and the seed so that, after the lesson’s ` +
      `${LESSON_EPISODES.toLocaleString('en-US')} episodes, the greedy action at state 4 ` +
      `(row 2, column 1) is Down.`,
    inputs: [
      { field: 'alpha', limit: PARAM_LIMITS.alpha, initial: LESSON_PARAMS.alpha },
      { field: 'gamma', limit: PARAM_LIMITS.gamma, initial: LESSON_PARAMS.gamma },
      SEED_INPUT,
    ],
    hints: () => {
      const env = lessonEnv();
      const at = (gamma: number) => qRow(valueIteration(env, gamma).q, CELL);
      return [
        `The optimal action at state 4 is Left for any γ: Q*(4,·) at γ = ${LESSON_PARAMS.gamma} is ` +
          `${at(LESSON_PARAMS.gamma)}. Down can win only where the agent’s estimates are off.`,
        `A small γ makes the four values nearly equal (at γ = 0.5: ${at(0.5)}), so the noise of ` +
          'training, set by the seed, decides the greedy action. Try γ = 0.5 with a few seeds.',
      ];
    },
    solution: { alpha: 0.1, gamma: 0.5, seed: 1 },
    check: checkDownAtFour,
  },
  {
    number: 2,
    title: 'Success 0.70 within 2,000 episodes',
    goal:
      `Choose α, γ, the ε decay and the seed so that after at most ` +
      `${SUCCESS_EPISODES.toLocaleString('en-US')} episodes the greedy policy reaches the goal ` +
      `with an exact probability of at least ${SUCCESS_GOAL.toFixed(2)}.`,
    inputs: [
      { field: 'alpha', limit: PARAM_LIMITS.alpha, initial: LESSON_PARAMS.alpha },
      { field: 'gamma', limit: PARAM_LIMITS.gamma, initial: LESSON_PARAMS.gamma },
      { field: 'epsilonDecay', limit: PARAM_LIMITS.epsilonDecay, initial: 0.001 },
      {
        field: 'episodes',
        limit: { ...RUN_LIMITS.episodes, max: SUCCESS_EPISODES },
        initial: 2_000,
      },
      SEED_INPUT,
    ],
    hints: () => {
      const floor = (decay: number) =>
        stepsToFloor({ epsilon: 1, epsilonDecay: decay, minEpsilon: LESSON_PARAMS.minEpsilon });
      return [
        `ε falls by the decay after every step: at 0.001 it reaches its floor after ` +
          `${floor(0.001).toLocaleString('en-US')} steps, a few hundred episodes, before Q has ` +
          'seen the far side of the maze.',
        `The lesson’s decay, ${LESSON_PARAMS.epsilonDecay}, explores for ` +
          `${floor(LESSON_PARAMS.epsilonDecay).toLocaleString('en-US')} steps. Keep γ close to 1: ` +
          'the goal is many steps away.',
      ];
    },
    solution: { alpha: 0.1, gamma: 0.99, epsilonDecay: 0.0001, episodes: 2_000, seed: 0 },
    check: checkSuccessWithin,
  },
  {
    number: 3,
    title: 'The short, risky path',
    goal:
      'Choose the three rewards so that the optimal policy (value iteration, γ = ' +
      `${LESSON_PARAMS.gamma}) takes the short, risky path: shorter episodes than under the ` +
      'lesson’s rewards (1, 0, 0), and more of them ending in a hole.',
    inputs: [
      { field: 'goalReward', limit: REWARD_LIMITS.goal, initial: 1 },
      { field: 'holeReward', limit: REWARD_LIMITS.hole, initial: 0 },
      { field: 'frozenReward', limit: REWARD_LIMITS.frozen, initial: 0 },
    ],
    hints: () => {
      const lesson = optimalUnder([1, 0, 0]);
      return [
        `Under the lesson’s rewards waiting costs nothing, so the optimal policy hugs the walls: ` +
          `${lesson.evaluation.expectedLength.toFixed(2)} steps on average, a hole with probability ` +
          `${lesson.evaluation.holeProbability.toFixed(4)}.`,
        'Make every step on the ice cost something (a negative reward for the ice): then a long ' +
          'safe walk costs more than the risk of a hole.',
      ];
    },
    solution: { goalReward: 1, holeReward: 0, frozenReward: -0.05 },
    check: checkRiskyPath,
  },
];

/** The puzzle numbered `n` (1-based), or `undefined`. */
export function puzzleAt(n: number): Puzzle | undefined {
  return PUZZLES.find((p) => p.number === n);
}

/**
 * Reads an attempt's typed values with the shared parser: the settings, or every refusal (each a
 * sentence naming the setting and its range). Nothing is checked until all of them read.
 */
export function readPuzzleSettings(
  puzzle: Puzzle,
  texts: Partial<Record<PuzzleField, string>>,
): { ok: true; settings: PuzzleSettings } | { ok: false; errors: string[] } {
  const settings: PuzzleSettings = {};
  const errors: string[] = [];
  for (const input of puzzle.inputs) {
    const read = parseNumber(input.limit, texts[input.field] ?? '');
    if (read.ok) settings[input.field] = read.value;
    else errors.push(read.error);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}
