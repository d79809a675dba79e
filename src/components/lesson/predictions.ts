/**
 * Prediction checkpoints: before a run the student commits a guess (an arrow on a cell, a choice
 * or a number); the run then shows the outcome, and the reveal compares the guess with it in the
 * run's own numbers. Pure functions: the outcome is what the run left (its Q, the worker's exact
 * evaluation of the greedy policy and of the γ-optimal one), and every figure a reveal quotes is
 * computed from it or from exact evaluation on the run's environment, never typed in.
 */
import { ACTION_ARROWS, ACTION_NAMES, moveFrom, type IceMazeEnv } from '../../rl/env';
import { evaluateGreedy, evaluatePolicy, valueIteration } from '../../rl/evaluation';
import { settingsEnv } from '../../rl/settings-env';
import { train } from '../../rl/training';
import { lessonSettings } from '../../shared/lesson-run';
import { MAPS } from '../../rl/maps';
import { LESSON_EPISODES, LESSON_PARAMS, type Limit, type QParams } from '../../rl/params';
import { parseNumber } from '../../rl/parse-values';
import { greedyActions, greedyAction, policyMatrix } from '../../rl/tables';
import type { RunSettings } from '../../worker/protocol';
import { cellName, fmt, type Choice, type Verdict } from './questions';

/** The checkpoints of the guided lesson. */
export type PredictionId = 'state-4' | 'epsilon-zero' | 'gamma-half';

/** What a finished run left, as the reveal reads it. */
export interface RunOutcome {
  /** The run's settings (map, time limit, hyperparameters). */
  settings: RunSettings;
  /** Episodes trained. */
  episodes: number;
  /** Q(s, a) = q[s * 4 + a] at the end of the run. */
  q: ArrayLike<number>;
  /** Exact success of the greedy policy within the time limit (the worker's evaluation). */
  successProbability: number;
  /** Exact success of the γ-optimal policy for the run's γ (the worker's value iteration). */
  optimalSuccess: number;
}

/** A checkpoint: what is asked, how a guess is given, the run it is checked on, and the check. */
export interface Prediction {
  id: PredictionId;
  /** The question, asked before the run. */
  prompt: string;
  /** `arrow`: one of the four actions on a cell; `choice`: one of `choices`; `number`: typed. */
  format: 'arrow' | 'choice' | 'number';
  /** The answers offered (arrows and choices). */
  choices: readonly Choice[];
  /** The run's hyperparameters where they differ from the lesson's. */
  params: Partial<QParams>;
  /** The cell the question is about, outlined on the grid while the chapter is open (if any). */
  cell?: number;
  /** Compares a guess (a choice's value, or the number typed) with the run's outcome. */
  reveal(guess: string, outcome: RunOutcome): Verdict;
}

/** A numeric guess is right when it is within this of the exact outcome. */
export const PREDICTION_TOLERANCE = 0.05;

/** A guessed success probability: a number from 0 to 1, read by the shared parser. */
export const SUCCESS_GUESS_LIMIT: Limit = { label: 'Your guess', min: 0, max: 1 };

/** The cell of the "which way will it point" checkpoint. */
const CELL = 4;

/** The four actions as arrows with names ("← Left"). */
const ARROW_CHOICES: readonly Choice[] = ACTION_NAMES.map((name, a) => ({
  value: String(a),
  label: `${ACTION_ARROWS[a]} ${name}`,
}));

/** P(the next state is a hole | s, a): the one-step risk of an action, from the table P. */
export function holeRisk(env: IceMazeEnv, s: number, a: number): number {
  let p = 0;
  for (const [prob, next] of env.P[s]![a]!) if (env.terminal[next] && !env.goal[next]) p += prob;
  return p;
}

/**
 * The fewest moves from the start to a goal over non-terminal tiles, as if the ice held (a
 * breadth-first search over the four moves); Infinity when no path avoids the holes.
 */
export function shortestPath(env: IceMazeEnv): number {
  const dist = new Array<number>(env.nS).fill(Infinity);
  dist[env.start] = 0;
  const queue = [env.start];
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i]!;
    if (env.goal[s]) return dist[s]!;
    if (env.terminal[s]) continue;
    for (let a = 0; a < env.nA; a++) {
      const next = moveFrom(env.nrow, env.ncol, s, a);
      if (dist[next] === Infinity) {
        dist[next] = dist[s]! + 1;
        queue.push(next);
      }
    }
  }
  return Infinity;
}

/** Exact success within the time limit of the γ-optimal policy (value iteration) at `gamma`. */
export function optimalSuccessAt(env: IceMazeEnv, gamma: number): number {
  const policy = valueIteration(env, gamma).policy;
  return evaluatePolicy(env, policyMatrix(policy, env.nA)).successProbability;
}

/** "Which way will state 4 point after the lesson's run?" */
function state4Reveal(guess: string, o: RunOutcome): Verdict {
  const env = settingsEnv(o.settings);
  const greedy = greedyActions(o.q, CELL);
  const chosen = ACTION_NAMES[Number(guess)] ?? guess;
  const correct = greedy.includes(Number(guess));
  const row = ACTION_NAMES.map((n, a) => `${n} ${fmt(o.q[CELL * 4 + a]!)}`).join(', ');
  const risks = ACTION_NAMES.map((n, a) => `${n} ${fmt(holeRisk(env, CELL, a), 3)}`).join(', ');
  const names = greedy.map((a) => ACTION_NAMES[a]).join(' and ');
  return {
    correct,
    text:
      `${correct ? 'Right' : 'Not this time'}: you said ${chosen}; after ` +
      `${o.episodes.toLocaleString('en-US')} episodes the agent’s greedy action at ` +
      `${cellName(CELL, env.ncol)} is ${names}. Its Q-values there: ${row}. The chance that one ` +
      `step lands in a hole, from the ice’s table: ${risks}. Against the wall the slips of a ` +
      'safe action bump into it instead of a hole.',
  };
}

/** "Will the agent learn with ε = 0?" */
function epsilonZeroReveal(guess: string, o: RunOutcome): Verdict {
  // Learned: the greedy policy reaches the goal at least half as often as the γ-optimal one.
  const learned = o.successProbability >= o.optimalSuccess / 2;
  const correct = (guess === 'learns') === learned;
  let moved = 0;
  for (let i = 0; i < o.q.length; i++) if (o.q[i] !== 0) moved++;
  const start = ACTION_NAMES[greedyAction(o.q, settingsEnv(o.settings).start)];
  return {
    correct,
    text:
      `${correct ? 'Right' : 'Not this time'}: with ε = 0 the agent ` +
      `${learned ? 'did learn' : 'did not learn'}. After ${o.episodes.toLocaleString('en-US')} ` +
      `episodes its greedy policy reaches the goal with probability ${fmt(o.successProbability)} ` +
      `(exact), against ${fmt(o.optimalSuccess)} for the γ-optimal policy. Only ${moved} of its ` +
      `${o.q.length} Q-values ever left 0, and at the start it takes ${start}: with every Q at 0 ` +
      'the greedy action is a tie that the tie rule settles the same way each time, so without ' +
      'exploration the agent repeats it and rarely meets the reward that would teach it otherwise.',
  };
}

/** "What success will γ = 0.5 reach?" */
function gammaHalfReveal(guess: string, o: RunOutcome): Verdict {
  const read = parseNumber(SUCCESS_GUESS_LIMIT, guess);
  const given = read.ok ? read.value : Number.NaN;
  const p = o.successProbability;
  const correct = Math.abs(given - p) <= PREDICTION_TOLERANCE;
  const env = settingsEnv(o.settings);
  const lessonBest = optimalSuccessAt(env, LESSON_PARAMS.gamma);
  const gamma = o.settings.params.gamma;
  const k = shortestPath(env);
  return {
    correct,
    text:
      `${correct ? 'Right' : 'Not this time'}: you said ${guess.trim()}; with γ = ${gamma} the ` +
      `agent’s greedy policy reaches the goal with probability ${fmt(p)} (exact, after ` +
      `${o.episodes.toLocaleString('en-US')} episodes; within ${PREDICTION_TOLERANCE} counts as ` +
      `right). Even the best policy for γ = ${gamma} reaches only ${fmt(o.optimalSuccess)}, ` +
      `against ${fmt(lessonBest)} for the lesson’s γ = ${LESSON_PARAMS.gamma}: a reward k steps ` +
      `away is worth γ^k now, and the goal is at least ${k} moves from the start, so it is worth ` +
      `at most ${gamma}^${k} = ${fmt(gamma ** k)} (against ${LESSON_PARAMS.gamma}^${k} = ` +
      `${fmt(LESSON_PARAMS.gamma ** k)}): the far goal hardly counts, and the safe, long way ` +
      'around does not pay.',
  };
}

/** The lesson's episode budget, as the prompts write it. */
const EPISODES = LESSON_EPISODES.toLocaleString('en-US');
/** The γ of the third checkpoint's run. */
const LOW_GAMMA = 0.5;

/** The lesson's checkpoints. */
export const PREDICTIONS: Readonly<Record<PredictionId, Prediction>> = {
  'state-4': {
    id: 'state-4',
    prompt:
      `After the lesson’s run (${EPISODES} episodes), which way will the greedy arrow of ` +
      `${cellName(CELL, MAPS['4x4'][0]!.length)}, beside a hole, point?`,
    format: 'arrow',
    choices: ARROW_CHOICES,
    params: {},
    cell: CELL,
    reveal: state4Reveal,
  },
  'epsilon-zero': {
    id: 'epsilon-zero',
    prompt:
      'With ε = 0 from the first step (no exploration at all), will the agent learn to reach ' +
      `the goal in ${EPISODES} episodes?`,
    format: 'choice',
    choices: [
      { value: 'learns', label: 'Yes: it learns a good policy anyway' },
      { value: 'stuck', label: 'No: it gets stuck and hardly ever reaches the goal' },
    ],
    // The floor too: ε ← max(min ε, ε − decay) would lift ε to the lesson's 0.01 after one step.
    params: { epsilon: 0, minEpsilon: 0 },
    reveal: epsilonZeroReveal,
  },
  'gamma-half': {
    id: 'gamma-half',
    prompt:
      `With γ = ${LOW_GAMMA} instead of ${LESSON_PARAMS.gamma}, what exact success (a ` +
      `probability from 0 to 1) will the greedy policy reach after ${EPISODES} episodes?`,
    format: 'number',
    choices: [],
    params: { gamma: LOW_GAMMA },
    reveal: gammaHalfReveal,
  },
};

/** The run a checkpoint trains: the lesson's, on the 4x4 map, with the checkpoint's hyperparameters. */
export function predictionRun(prediction: Prediction): RunSettings {
  const settings = lessonSettings('4x4', 0);
  return { ...settings, params: { ...settings.params, ...prediction.params } };
}

/**
 * The outcome of a checkpoint's run computed in the page instead of the worker: the same seeded
 * run (the fast loop gives the worker's Q bit for bit) and the same exact evaluations. The
 * teacher's key reads it; the lesson reveals from the live run.
 */
export function referenceOutcome(prediction: Prediction): RunOutcome {
  const settings = predictionRun(prediction);
  const env = settingsEnv(settings);
  const q = train(env, settings.params, settings.seed, settings.episodes).q;
  return {
    settings,
    episodes: settings.episodes,
    q,
    successProbability: evaluateGreedy(env, q).successProbability,
    optimalSuccess: optimalSuccessAt(env, settings.params.gamma),
  };
}

/** The right answer of a checkpoint for an outcome, in the words a guess is shown in. */
export function rightAnswer(
  prediction: Prediction,
  o: RunOutcome,
): { value: string; label: string } {
  if (prediction.format === 'number') {
    const value = fmt(o.successProbability, 3);
    return { value, label: value };
  }
  const right = prediction.choices.find((c) => prediction.reveal(c.value, o).correct)!;
  return { value: right.value, label: right.label };
}

/**
 * Reads a guess before it is locked: `null` when it can be committed, else the sentence saying why
 * not (no choice made; a number outside 0–1 or not a number, in the shared parser's words).
 */
export function guessError(prediction: Prediction, guess: string): string | null {
  if (prediction.format !== 'number')
    return prediction.choices.some((c) => c.value === guess) ? null : 'Choose an answer first.';
  const read = parseNumber(SUCCESS_GUESS_LIMIT, guess);
  return read.ok ? null : read.error;
}

/** The guess in words, as the worksheet keeps it ("↓ Down", "0.3"). */
export function guessLabel(prediction: Prediction, guess: string): string {
  return prediction.choices.find((c) => c.value === guess)?.label ?? guess.trim();
}
