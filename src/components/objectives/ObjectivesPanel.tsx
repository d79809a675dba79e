import { useId, useMemo } from 'react';
import { shallow } from 'zustand/vanilla/shallow';
import type { LabState } from '../../store/lab-store';
import { useThrottledLab } from '../hosts/useThrottledLab';
import { useLab } from '../shell/lab-context';
import { lessonTarget } from '../lesson/targets';
import {
  chartLabel,
  FORMAT,
  objectiveReadings,
  type ObjectiveReadings,
} from './objective-readings';
import { computeSeries, reachSeries, stepsSeries } from './objective-series';
import { Sparkline } from './Sparkline';

/** What the panel renders from: the written-out numbers, the history's version, the optimum. */
type PanelView = ObjectiveReadings & { version: number; optimum: number | null };

/** One selector (compared shallowly), so a snapshot re-renders the panel once at most. */
const selectPanel = (s: LabState): PanelView => ({
  ...objectiveReadings(s),
  version: s.history.version,
  optimum: s.optimum?.successProbability ?? null,
});

/**
 * The objectives column: the lesson's three objectives as cards, (1) reach the prize, (2) in the
 * fewest steps, (3) with as little compute as possible, each with its headline number, a small
 * chart by episode and the numbers to set beside it (what the agent did in recent episodes, the
 * exact numbers of its greedy policy and of the optimum). It renders what the store holds, at
 * most 4 times a second: the worker sends a fresh snapshot and evaluation on pause, step, step
 * episode and finish, so the cards are recomputed then too.
 */
export function ObjectivesPanel() {
  const r = useThrottledLab(selectPanel, shallow);
  const history = useLab((s) => s.history);
  const id = useId();
  // The history is mutable with a stable identity: its version says when the series changed.
  const series = useMemo(
    () => ({
      reach: reachSeries(history),
      steps: stepsSeries(history),
      compute: computeSeries(history),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the history's content
    [history, r.version],
  );
  return (
    <section className="panel objectives" aria-label="Objectives" {...lessonTarget('objectives')}>
      <h2>Objectives</h2>
      {/* role="list": Safari drops list semantics when CSS removes the markers. */}
      <ol className="objectives-list" role="list">
        <li className="objective-card" aria-labelledby={`${id}-reach`}>
          <h3 id={`${id}-reach`}>1. Reach the prize</h3>
          <p className="objective-headline">
            <span className="objective-number" data-fact="greedy-success">
              {r.greedySuccess}
            </span>{' '}
            <span className="objective-caption">
              greedy policy’s exact chance, at episode {r.evaluatedAt}
            </span>
          </p>
          <Sparkline
            points={series.reach}
            yDomain={[0, 1]}
            reference={r.optimum}
            label={`${chartLabel('Exact success of the greedy policy', series.reach, FORMAT.percent)}; the dashed line is the optimum, ${r.optimumSuccess}`}
          />
          <dl className="objectives-facts">
            <dt>Reach rate, last {r.window}</dt>
            <dd data-fact="recent-success">
              {r.recentSuccessRate}
              {r.recentGoals && <span className="objectives-detail"> ({r.recentGoals})</span>}
            </dd>
            <dt>Greedy policy, exact return</dt>
            <dd data-fact="expected-return">{r.expectedReturn}</dd>
            <dt>Optimal policy for γ = {r.gamma}</dt>
            <dd data-fact="optimum-success">{r.optimumSuccess}</dd>
            <dt>Best possible within {r.maxSteps} steps</dt>
            <dd data-fact="best-within-limit">{r.bestWithinLimit}</dd>
          </dl>
        </li>
        <li className="objective-card" aria-labelledby={`${id}-steps`}>
          <h3 id={`${id}-steps`}>2. In the fewest steps</h3>
          <p className="objective-headline">
            <span className="objective-number" data-fact="steps-to-goal">
              {r.stepsToGoal}
            </span>{' '}
            <span className="objective-caption">
              Mean steps to the prize, recent episodes that reached it
            </span>
          </p>
          <Sparkline
            points={series.steps}
            label={chartLabel('Mean steps to the prize', series.steps, FORMAT.steps)}
          />
          <dl className="objectives-facts">
            <dt>Greedy policy, exact steps to prize</dt>
            <dd data-fact="expected-steps-to-goal">{r.expectedStepsToGoal}</dd>
            <dt>Mean episode length, last {r.window}</dt>
            <dd data-fact="mean-length">{r.meanLength}</dd>
            <dt>Greedy policy, exact episode length</dt>
            <dd data-fact="expected-length">{r.expectedLength}</dd>
          </dl>
        </li>
        <li className="objective-card" aria-labelledby={`${id}-compute`}>
          <h3 id={`${id}-compute`}>3. With as little compute as possible</h3>
          <p className="objective-headline">
            <span className="objective-number" data-fact="updates">
              {r.totalSteps}
            </span>{' '}
            <span className="objective-caption">updates so far, one per step</span>
          </p>
          <Sparkline
            points={series.compute}
            label={chartLabel('Updates per prize reached', series.compute, FORMAT.count)}
          />
          <dl className="objectives-facts">
            <dt>Episodes</dt>
            <dd data-fact="episodes">{r.episodes}</dd>
            <dt>Updates per prize reached</dt>
            <dd data-fact="updates-per-goal">{r.updatesPerGoal}</dd>
            <dt>Worker speed</dt>
            <dd data-fact="speed">{r.workerSpeed}</dd>
          </dl>
        </li>
      </ol>
    </section>
  );
}
