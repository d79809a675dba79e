import { useId } from 'react';
import { shallow } from 'zustand/vanilla/shallow';
import type { LabState } from '../../store/lab-store';
import { useThrottledLab } from '../hosts/useThrottledLab';
import { lessonTarget } from '../lesson/targets';

/** Written where there is no number yet. */
const NONE = '—';

const percent = (p: number) => (Number.isFinite(p) ? `${(p * 100).toFixed(1)}%` : NONE);
const steps = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : NONE);
const count = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : NONE);

/** The panel's numbers, already written out (so a re-render happens only when a text changes). */
export interface ObjectiveReadings {
  /** "100 episodes" (or fewer at the start). */
  window: string;
  recentSuccessRate: string;
  /** "12 of 100". */
  recentGoals: string;
  greedySuccess: string;
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
  stepsPerSecond: string;
  /** Updates per goal reached so far. */
  updatesPerGoal: string;
}

/** Reads the three objectives' numbers from the store (pure; compare results shallowly). */
export function objectiveReadings(
  state: Pick<LabState, 'snapshot' | 'optimum' | 'env' | 'totalSteps' | 'episode'>,
): ObjectiveReadings {
  const { snapshot, optimum, env, totalSteps, episode } = state;
  const stats = snapshot?.stats;
  const evaluation = snapshot?.evaluation;
  const n = stats?.window ?? 0;
  const rate = stats && n > 0 ? stats.recentSuccessRate : NaN;
  return {
    window: `${count(n)} episode${n === 1 ? '' : 's'}`,
    recentSuccessRate: percent(rate),
    recentGoals: Number.isFinite(rate) ? `${count(Math.round(rate * n))} of ${count(n)}` : '',
    greedySuccess: percent(evaluation?.successProbability ?? NaN),
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
    stepsPerSecond: count(stats?.stepsPerSecond ?? NaN),
    updatesPerGoal: stats && stats.successes > 0 ? count(totalSteps / stats.successes) : NONE,
  };
}

/**
 * The lesson's three objectives, live: (1) reach the prize, (2) in the fewest steps, (3) with as
 * little compute as possible. What the agent did in recent episodes is set beside the exact
 * numbers of its greedy policy and of the optimum. Re-renders at most 4 times a second.
 */
export function ObjectivesPanel() {
  const r = useThrottledLab(objectiveReadings, shallow);
  const id = useId();
  return (
    <section className="panel objectives" aria-label="Objectives" {...lessonTarget('objectives')}>
      <h2>Objectives</h2>
      {/* role="list": Safari drops list semantics when CSS removes the markers. */}
      <ol className="objectives-list" role="list">
        <li className="objectives-item" aria-labelledby={`${id}-reach`}>
          <h3 id={`${id}-reach`}>1. Reach the prize</h3>
          <dl className="objectives-facts">
            <dt>Reach rate, last {r.window}</dt>
            <dd data-fact="recent-success">
              {r.recentSuccessRate}
              {r.recentGoals && <span className="objectives-detail"> ({r.recentGoals})</span>}
            </dd>
            <dt>Greedy policy, exact chance of reaching it</dt>
            <dd data-fact="greedy-success">
              {r.greedySuccess}
              <span className="objectives-detail"> (evaluated at episode {r.evaluatedAt})</span>
            </dd>
            <dt>Optimal policy for γ = {r.gamma}</dt>
            <dd data-fact="optimum-success">{r.optimumSuccess}</dd>
            <dt>Best any policy can do within {r.maxSteps} steps</dt>
            <dd data-fact="best-within-limit">{r.bestWithinLimit}</dd>
          </dl>
        </li>
        <li className="objectives-item" aria-labelledby={`${id}-steps`}>
          <h3 id={`${id}-steps`}>2. In the fewest steps</h3>
          <dl className="objectives-facts">
            <dt>Mean steps to the prize, recent episodes that reached it</dt>
            <dd data-fact="steps-to-goal">{r.stepsToGoal}</dd>
            <dt>Greedy policy, exact expected steps to the prize when it gets there</dt>
            <dd data-fact="expected-steps-to-goal">{r.expectedStepsToGoal}</dd>
            <dt>Mean episode length, last {r.window}</dt>
            <dd data-fact="mean-length">{r.meanLength}</dd>
            <dt>Greedy policy, exact expected episode length</dt>
            <dd data-fact="expected-length">
              {r.expectedLength}
              <span className="objectives-detail">
                {' '}
                (every ending counts: prize, hole or time limit)
              </span>
            </dd>
          </dl>
        </li>
        <li className="objectives-item" aria-labelledby={`${id}-compute`}>
          <h3 id={`${id}-compute`}>3. With as little compute as possible</h3>
          <dl className="objectives-facts">
            <dt>Updates so far (one per step)</dt>
            <dd data-fact="updates">{r.totalSteps}</dd>
            <dt>Episodes</dt>
            <dd data-fact="episodes">{r.episodes}</dd>
            <dt>Updates per prize reached</dt>
            <dd data-fact="updates-per-goal">{r.updatesPerGoal}</dd>
            <dt>Worker speed</dt>
            <dd data-fact="speed">{r.stepsPerSecond} steps/s</dd>
          </dl>
        </li>
      </ol>
    </section>
  );
}
