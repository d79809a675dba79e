/**
 * The objectives' numbers, read from the store and written out (pure): the panel compares them
 * shallowly, so it re-renders only when a text it shows changes.
 */
import type { LabState } from '../../store/lab-store';
import { formatFixed, formatPercent, formatThousands } from '../../viz/format';

/** Written where there is no number yet. */
export const NONE = '—';

const percent = (p: number) => formatPercent(p, 1, NONE);
const steps = (x: number) => formatFixed(x, 1, NONE);
const count = (n: number) => (Number.isFinite(n) ? formatThousands(Math.round(n)) : NONE);

/** The worker's speed while the run is not training: there is no rate to show, only a state. */
export const IDLE_SPEED = 'idle (not training)';

/** The panel's numbers, already written out (so a re-render happens only when a text changes). */
export interface ObjectiveReadings {
  /** "100 episodes" (or fewer at the start). */
  window: string;
  recentSuccessRate: string;
  /** "12 of 100". */
  recentGoals: string;
  greedySuccess: string;
  /** The greedy policy's exact expected return per episode under the reward schedule. */
  expectedReturn: string;
  optimumSuccess: string;
  bestWithinLimit: string;
  /** Episode at which the greedy policy was last evaluated exactly. */
  evaluatedAt: string;
  gamma: string;
  maxSteps: string;
  stepsToGoal: string;
  meanLength: string;
  expectedLength: string;
  expectedStepsToGoal: string;
  totalSteps: string;
  episodes: string;
  /** "123,456 steps/s" while training; `IDLE_SPEED` otherwise (a rate of 0 would read as stuck). */
  workerSpeed: string;
  /** Updates per goal reached so far. */
  updatesPerGoal: string;
}

/** The store's fields the readings come from (`running` may be left out: then not training). */
export type ReadingsSource = Pick<
  LabState,
  'snapshot' | 'optimum' | 'env' | 'totalSteps' | 'episode'
> &
  Partial<Pick<LabState, 'running'>>;

/** Reads the three objectives' numbers from the store (pure; compare results shallowly). */
export function objectiveReadings(state: ReadingsSource): ObjectiveReadings {
  const { snapshot, optimum, env, totalSteps, episode, running = false } = state;
  const stats = snapshot?.stats;
  const evaluation = snapshot?.evaluation;
  const n = stats?.window ?? 0;
  const rate = stats && n > 0 ? stats.recentSuccessRate : NaN;
  return {
    window: `${count(n)} episode${n === 1 ? '' : 's'}`,
    recentSuccessRate: percent(rate),
    recentGoals: Number.isFinite(rate) ? `${count(Math.round(rate * n))} of ${count(n)}` : '',
    greedySuccess: percent(evaluation?.successProbability ?? NaN),
    expectedReturn: formatFixed(snapshot?.greedyReturn ?? NaN, 3, NONE),
    optimumSuccess: percent(optimum?.successProbability ?? NaN),
    bestWithinLimit: percent(optimum?.bestWithinLimit ?? NaN),
    evaluatedAt: evaluation ? count(evaluation.episode) : NONE,
    gamma: optimum ? String(optimum.gamma) : NONE,
    maxSteps: env ? count(env.maxSteps) : NONE,
    stepsToGoal: steps(stats?.recentMeanStepsToGoal ?? NaN),
    meanLength: steps(stats && n > 0 ? stats.recentMeanLength : NaN),
    expectedLength: steps(evaluation?.expectedLength ?? NaN),
    expectedStepsToGoal: steps(evaluation?.expectedStepsToGoal ?? NaN),
    totalSteps: count(totalSteps),
    episodes: count(episode),
    workerSpeed: running ? `${count(stats?.stepsPerSecond ?? NaN)} steps/s` : IDLE_SPEED,
    updatesPerGoal: stats && stats.successes > 0 ? count(totalSteps / stats.successes) : NONE,
  };
}

/**
 * A small chart's name for screen readers: what it shows, from its first to its latest point
 * ("… by episode: 0.0% at episode 0 to 41.3% at episode 10,000"), or that it has no point yet.
 */
export function chartLabel(
  what: string,
  points: readonly { episode: number; value: number }[],
  format: (value: number) => string,
): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${what} by episode: nothing yet`;
  const at = (p: { episode: number; value: number }) =>
    `${format(p.value)} at episode ${count(p.episode)}`;
  return first === last
    ? `${what} by episode: ${at(first)}`
    : `${what} by episode: ${at(first)} to ${at(last)}`;
}

/** Formats of the charts' values, as the cards write them. */
export const FORMAT = { percent, steps, count } as const;
