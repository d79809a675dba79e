/**
 * Check-your-understanding questions, made from the live run and checked against the agent's
 * own numbers. Pure functions: a question is built from a snapshot (or the last update, or the
 * settings) and frozen, so training on does not change it under the reader; an answer is checked
 * against the numbers the question froze, and the explanation quotes them either way.
 */
import { ACTION_NAMES } from '../../rl/env';
import { stepsToFloor } from '../../rl/epsilon-floor';
import { greedyActions, stateValue } from '../../rl/tables';
import type { QParams } from '../../rl/params';
import type { RunSettings, Snapshot, UpdateData } from '../../worker/protocol';

/** The kinds of question a chapter can ask. */
export type QuestionKind =
  | 'greedy-action'
  | 'q-update'
  | 'state-value'
  | 'advantage'
  | 'explore-exploit'
  | 'why-decay'
  | 'frame-count';

/** One answer of a multiple-choice question. */
export interface Choice {
  value: string;
  label: string;
}

/** A question with one or more right choices (tied greedy actions are all right). */
export interface ChoiceQuestion {
  kind: QuestionKind;
  format: 'choice';
  prompt: string;
  choices: Choice[];
  /** The values of the right choices. */
  correct: string[];
  /** Quotes the numbers the answer follows from; shown after any answer. */
  explanation: string;
  /** Said after a right answer when several choices were right. */
  tieNote?: string;
}

/** A question answered with a number, right within `tolerance`. */
export interface NumberQuestion {
  kind: QuestionKind;
  format: 'number';
  prompt: string;
  /** The exact answer, computed from the numbers in the prompt at full precision. */
  answer: number;
  /** |given − answer| ≤ tolerance is right; covers the rounding of the numbers shown. */
  tolerance: number;
  explanation: string;
}

/** A question built from the live state. */
export type Question = ChoiceQuestion | NumberQuestion;

/** What the questions read from the lab. */
export interface LiveState {
  /** The latest snapshot (null before the first step). */
  snapshot: Snapshot | null;
  settings: RunSettings;
  /** The current ε and hyperparameters (the store's, which follow the snapshots). */
  epsilon: number;
  params: QParams;
  /** The cell the chapter points at; `null`: the agent's current cell. */
  cell: number | null;
}

/** Right or not, and why (with the numbers). */
export interface Verdict {
  correct: boolean;
  text: string;
}

/** Decimals used for Q-values in prompts (answers are right within `NUMBER_TOLERANCE`). */
export const PROMPT_DIGITS = 4;

/**
 * Tolerance of a numeric answer computed from numbers shown with `PROMPT_DIGITS` decimals. Each
 * shown number is off by at most 0.5·10⁻⁴ and the formulas here weigh their inputs by at most 2
 * in all (Q + α·(r + γ·m − Q) has weights (1 − α) + α·γ ≤ 1; Q − max Q has 2), so 10⁻³ covers the
 * rounding with room for an answer written to three decimals.
 */
export const NUMBER_TOLERANCE = 1e-3;

/** A number as the questions show it: fixed decimals, no "−0". */
export function fmt(x: number, digits = PROMPT_DIGITS): string {
  const y = Number(x.toFixed(digits));
  return (Object.is(y, -0) ? 0 : y).toFixed(digits).replace(/^-/, '−');
}

/** "state 5 (row 2, column 2)", counting rows and columns from 1 as people do. */
export function cellName(state: number, ncol: number): string {
  return `state ${state} (row ${Math.floor(state / ncol) + 1}, column ${(state % ncol) + 1})`;
}

/** "Left 0.0000, Down 0.0123, Right 0.0000, Up 0.0000": a state's row of Q. */
function qRowText(q: ArrayLike<number>, s: number, digits: number): string {
  return ACTION_NAMES.map((name, a) => `${name} ${fmt(q[s * 4 + a]!, digits)}`).join(', ');
}

/**
 * The fewest decimals (from `PROMPT_DIGITS` up to 12) at which the shown Q-values of state `s`
 * tie exactly where the true ones do, so a reader never sees a tie that is not there.
 */
export function separatingDigits(q: ArrayLike<number>, s: number): number {
  const greedy = greedyActions(q, s);
  const best = stateValue(q, s);
  for (let d = PROMPT_DIGITS; d < 12; d++) {
    const shownBest = fmt(best, d);
    const shownTies = [0, 1, 2, 3].filter((a) => fmt(q[s * 4 + a]!, d) === shownBest);
    if (shownTies.length === greedy.length) return d;
  }
  return 12;
}

/** The cell a question is about: the chapter's, else the agent's. */
function cellOf(live: LiveState, snapshot: Snapshot): number {
  return live.cell ?? snapshot.state;
}

/** Number of columns of the snapshot's map. */
function ncolOf(live: LiveState): number {
  return live.settings.map[0]?.length ?? 1;
}

const NO_SNAPSHOT =
  'Press Step first: this question is about the agent’s own numbers, and it has none yet.';

/** "Which action is greedy in the highlighted cell?" Every tied greedy action is right. */
export function greedyActionQuestion(live: LiveState): Question | string {
  const snap = live.snapshot;
  if (!snap) return NO_SNAPSHOT;
  const s = cellOf(live, snap);
  const q = snap.q;
  const greedy = greedyActions(q, s);
  const digits = separatingDigits(q, s);
  const best = stateValue(q, s);
  const names = greedy.map((a) => ACTION_NAMES[a]!);
  const tie = greedy.length > 1;
  return {
    kind: 'greedy-action',
    format: 'choice',
    prompt:
      `Which action is greedy in the highlighted cell, ${cellName(s, ncolOf(live))}? ` +
      `Its Q-values now: ${qRowText(q, s, digits)}.`,
    choices: ACTION_NAMES.map((name, a) => ({ value: String(a), label: name })),
    correct: greedy.map(String),
    explanation: tie
      ? `${names.join(', ')} tie at the maximum Q = ${fmt(best, digits)}, so each of them is greedy ` +
        `(the lesson’s argmax breaks the tie toward the lowest action, ${names[0]}).`
      : `${names[0]} has the largest Q-value, ${fmt(best, digits)}: the greedy action is ` +
        `argmax_a Q(s,a).`,
    ...(tie ? { tieNote: `It was a tie: ${names.join(', ')} were all greedy.` } : {}),
  };
}

/** "What will Q(s,a) become after this update?" from the worker's last update. */
export function qUpdateQuestion(live: LiveState): Question | string {
  const u: UpdateData | null = live.snapshot?.last ?? null;
  if (!u) return NO_SNAPSHOT;
  const action = ACTION_NAMES[u.action]!;
  // Q(s,a) ← Q(s,a) + α·(r + γ·max_a′ Q(s′,a′) − Q(s,a)), from the numbers as the worker had them.
  const target = u.reward + u.gamma * u.bootstrap;
  const error = target - u.qBefore;
  const answer = u.qBefore + u.alpha * error;
  const ncol = ncolOf(live);
  return {
    kind: 'q-update',
    format: 'number',
    prompt:
      `The agent was in ${cellName(u.state, ncol)}, took ${action} and landed in state ` +
      `${u.nextState} with reward ${u.reward}. Before the update Q(s,${action}) = ${fmt(u.qBefore)} ` +
      `and max_a′ Q(s′,a′) = ${fmt(u.bootstrap)}; α = ${u.alpha}, γ = ${u.gamma}. ` +
      `What is Q(s,${action}) after the update? (to three decimals)`,
    answer,
    tolerance: NUMBER_TOLERANCE,
    explanation:
      `TD target = r + γ·max Q(s′) = ${u.reward} + ${u.gamma}·${fmt(u.bootstrap)} = ${fmt(target)}; ` +
      `TD error = ${fmt(target)} − ${fmt(u.qBefore)} = ${fmt(error)}; ` +
      `new Q = ${fmt(u.qBefore)} + ${u.alpha}·${fmt(error)} = ${fmt(answer)}. ` +
      `The worker’s own Q(s,${action}) after the update: ${fmt(u.qAfter)}.`,
  };
}

/** "What is V(s) in the highlighted cell?": the largest of its Q-values. */
export function stateValueQuestion(live: LiveState): Question | string {
  const snap = live.snapshot;
  if (!snap) return NO_SNAPSHOT;
  const s = cellOf(live, snap);
  const v = stateValue(snap.q, s);
  const greedy = greedyActions(snap.q, s).map((a) => ACTION_NAMES[a]!);
  return {
    kind: 'state-value',
    format: 'number',
    prompt:
      `The highlighted cell, ${cellName(s, ncolOf(live))}, has the Q-values ` +
      `${qRowText(snap.q, s, PROMPT_DIGITS)}. What is its value V(s)? (to three decimals)`,
    answer: v,
    tolerance: NUMBER_TOLERANCE,
    explanation:
      `V(s) = max_a Q(s,a) = Q(s,${greedy[0]}) = ${fmt(v)}. ` +
      `The worker’s own V(s) in the same snapshot: ${fmt(snap.v[s]!)}.`,
  };
}

/** "What is A(s,a) for …": the advantage of the cell's worst action (or Up, when all tie). */
export function advantageQuestion(live: LiveState): Question | string {
  const snap = live.snapshot;
  if (!snap) return NO_SNAPSHOT;
  const s = cellOf(live, snap);
  const row = [0, 1, 2, 3].map((a) => snap.q[s * 4 + a]!);
  // The most instructive action is the one furthest below the best; with all tied, every A is 0.
  let a = row.indexOf(Math.min(...row));
  if (greedyActions(snap.q, s).length === 4) a = 3;
  const v = stateValue(snap.q, s);
  // A(s,a) = Q(s,a) − V(s), V(s) = max_a Q(s,a)
  const answer = row[a]! - v;
  const name = ACTION_NAMES[a]!;
  return {
    kind: 'advantage',
    format: 'number',
    prompt:
      `The highlighted cell, ${cellName(s, ncolOf(live))}, has the Q-values ` +
      `${qRowText(snap.q, s, PROMPT_DIGITS)}. What is the advantage A(s,${name})? (to three decimals)`,
    answer,
    tolerance: NUMBER_TOLERANCE,
    explanation:
      `A(s,${name}) = Q(s,${name}) − V(s) = ${fmt(row[a]!)} − ${fmt(v)} = ${fmt(answer)}` +
      (answer === 0
        ? `: ${name} is a greedy action, so its advantage is 0.`
        : `: ${name} is worse than the best action by that much.`) +
      ` The worker’s own A(s,${name}): ${fmt(snap.advantage[s * 4 + a]!)}.`,
  };
}

/** "Is this step exploring or exploiting?" about the worker's last step. */
export function exploreExploitQuestion(live: LiveState): Question | string {
  const u = live.snapshot?.last ?? null;
  if (!u) return NO_SNAPSHOT;
  const action = ACTION_NAMES[u.action]!;
  const eps = u.epsilon.toFixed(3);
  const share = Math.round(u.epsilon * 100);
  return {
    kind: 'explore-exploit',
    format: 'choice',
    prompt:
      `The last step (step ${u.t} of episode ${u.episode.toLocaleString('en-US')}): in state ` +
      `${u.state} the agent chose ${action}, with ε = ${eps}. Was this step exploring or ` +
      `exploiting? The step inspector tells.`,
    choices: [
      { value: 'explore', label: 'Exploring (a random action)' },
      { value: 'exploit', label: 'Exploiting (the greedy action)' },
    ],
    correct: [u.explored ? 'explore' : 'exploit'],
    explanation:
      (u.explored
        ? `It was exploring: the worker’s uniform draw fell below ε = ${eps}, so it picked ` +
          `${action} at random (a random pick can still be the greedy action).`
        : `It was exploiting: the worker’s uniform draw was at least ε = ${eps}, so it took the ` +
          `greedy action ${action}, argmax_a Q(${u.state},a).`) +
      ` At ε = ${eps}, about ${share}% of steps explore.`,
  };
}

/** "Why does ε decay?" with the run's own schedule in the explanation. */
export function whyDecayQuestion(live: LiveState): Question {
  const { epsilonDecay: decay, minEpsilon: floor } = live.params;
  const eps = live.epsilon;
  // ε ← max(min ε, ε − decay) after every step, counted with the learner's own subtractions (the
  // count every text quotes; it can be one more than ⌈(ε − min ε)/decay⌉, as rounding adds up).
  const steps = stepsToFloor({ epsilon: eps, epsilonDecay: decay, minEpsilon: floor });
  const schedule = Number.isFinite(steps)
    ? `In this run ε is ${eps.toFixed(3)} now and falls by ${decay} a step, so it reaches the ` +
      `floor ${floor} after ${steps.toLocaleString('en-US')} more steps.`
    : decay > 0
      ? `In this run the decay, ${decay}, is smaller than the rounding of ε, so ε stays at ${eps.toFixed(3)}.`
      : `In this run the decay is 0, so ε stays at ${eps.toFixed(3)}.`;
  return {
    kind: 'why-decay',
    format: 'choice',
    prompt: 'Why does ε decay during training?',
    choices: [
      {
        value: 'explore-first',
        label:
          'At first Q knows nothing, so random actions gather experience; later the agent should use what it learned',
      },
      { value: 'bigger-updates', label: 'A smaller ε makes each Q update larger' },
      { value: 'must-reach-zero', label: 'Q-learning only converges once ε reaches exactly 0' },
      { value: 'less-slippery', label: 'It makes the ice less slippery as training goes on' },
    ],
    correct: ['explore-first'],
    explanation:
      'Exploring matters most while the table is empty; once Q is informative, acting greedily ' +
      'collects more reward. The update’s size is set by α, not ε; the floor min ε keeps some ' +
      `exploration for ever; and the ice does not change. ${schedule}`,
  };
}

/**
 * Frames a run of `episodes` keeps with a frame every `interval`: one after each episode e
 * (0-based) with e mod interval = 0, and one after the last episode if it is not one of those:
 * ⌊(E − 1)/I⌋ + 1 + [(E − 1) mod I ≠ 0].
 */
export function framesOfRun(episodes: number, interval: number): number {
  const last = episodes - 1;
  return Math.floor(last / interval) + 1 + (last % interval === 0 ? 0 : 1);
}

/** "How many frames will this run keep?" from the run's own settings. */
export function frameCountQuestion(live: LiveState): Question {
  const { episodes, frameInterval } = live.settings;
  const answer = framesOfRun(episodes, frameInterval);
  const last = episodes - 1;
  const count = Math.floor(last / frameInterval) + 1;
  return {
    kind: 'frame-count',
    format: 'number',
    prompt:
      `This run trains ${episodes.toLocaleString('en-US')} episodes (numbered from 0) and keeps ` +
      `a frame after every episode whose number is a multiple of ` +
      `${frameInterval.toLocaleString('en-US')}, and after the last episode. How many frames ` +
      `does a full run keep?`,
    answer,
    tolerance: 0,
    explanation:
      `Episodes 0, ${frameInterval.toLocaleString('en-US')}, … up to ` +
      `${(Math.floor(last / frameInterval) * frameInterval).toLocaleString('en-US')} give ` +
      `${count.toLocaleString('en-US')} frames` +
      (answer > count
        ? `, and the last episode, ${last.toLocaleString('en-US')}, one more: ${answer.toLocaleString('en-US')}.`
        : `; the last episode is one of them, so ${answer.toLocaleString('en-US')} in all.`),
  };
}

/** Builds a question of `kind` from the live state, or says what to do first. */
export function makeQuestion(kind: QuestionKind, live: LiveState): Question | string {
  switch (kind) {
    case 'greedy-action':
      return greedyActionQuestion(live);
    case 'q-update':
      return qUpdateQuestion(live);
    case 'state-value':
      return stateValueQuestion(live);
    case 'advantage':
      return advantageQuestion(live);
    case 'explore-exploit':
      return exploreExploitQuestion(live);
    case 'why-decay':
      return whyDecayQuestion(live);
    case 'frame-count':
      return frameCountQuestion(live);
  }
}

/** Reads a typed number: "0.05", "−0.05" (a typographic minus), ".5"; NaN when it is none. */
export function readNumber(text: string): number {
  const t = text.trim().replace(/^[−–]/, '-');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * Checks an answer (a choice's value, or typed text for a number question). Returns the verdict,
 * or a sentence saying why the answer could not be read (nothing is checked then).
 */
export function checkAnswer(question: Question, answer: string): Verdict | string {
  if (question.format === 'choice') {
    const choice = question.choices.find((c) => c.value === answer);
    if (!choice) return 'Choose one of the answers first.';
    const correct = question.correct.includes(answer);
    const tie = correct && question.tieNote ? ` ${question.tieNote}` : '';
    return {
      correct,
      text: correct
        ? `Right: ${choice.label}.${tie} ${question.explanation}`
        : `Not quite: you chose ${choice.label}. ${question.explanation}`,
    };
  }
  const given = readNumber(answer);
  if (Number.isNaN(given)) return `Type a number, such as 0.125; got "${answer.trim()}".`;
  const correct = Math.abs(given - question.answer) <= question.tolerance + 1e-12;
  const shown = question.tolerance === 0 ? String(question.answer) : fmt(question.answer);
  return {
    correct,
    text: correct
      ? `Right: ${shown}. ${question.explanation}`
      : `Not quite: you answered ${answer.trim()}, the answer is ${shown}. ${question.explanation}`,
  };
}
