import { memo, useId, useMemo, useState } from 'react';
import { ACTION_ARROWS } from '../../rl/env';
import {
  checkExperiment,
  GYMNASIUM_REWARD_ICE,
  REWARD_EXPERIMENTS,
  type ExperimentCheck,
  type RewardExperiment,
} from '../../rl/reward-experiments';
import { formatFixed, formatPercent } from '../../viz/format';
import { useLab, useLabStore } from '../shell/lab-context';

const arrows = (actions: readonly number[]) => actions.map((a) => ACTION_ARROWS[a]).join('');
const percent = (p: number) => formatPercent(p, 1, '—');
const steps = (x: number) => formatFixed(x, 1, '—');

/** The exact check, in words: what each optimal policy achieves and which states change. */
function CheckText({ check }: { check: ExperimentCheck }) {
  const { gymnasium: g, experiment: e, changed } = check;
  return (
    <>
      <p>
        Exact, by value iteration: the optimal policy reaches the goal{' '}
        {percent(e.successProbability)} of the time in {steps(e.expectedStepsToGoal)} steps, with a
        return of {formatFixed(e.expectedReturn, 3, '—')} per episode (Gymnasium’s rewards and ice:{' '}
        {percent(g.successProbability)} in {steps(g.expectedStepsToGoal)} steps).
      </p>
      {changed.length === 0 ? (
        <p>The optimal policy is the same as with Gymnasium’s rewards and ice.</p>
      ) : (
        <>
          <p>
            The optimal action changes in {changed.length} state{changed.length === 1 ? '' : 's'}:
          </p>
          <ul className="experiment-changes">
            {changed.map((d) => (
              <li key={d.state}>
                state {d.state}: {arrows(d.before)} → {arrows(d.after)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * One click each: the experiment's rewards and success rate replace the run's from its next
 * step (Q kept, recorded), with a sentence of what to watch and the exact check of what changes
 * (value iteration on the run's map, time limit and γ, against Gymnasium's rewards and ice).
 */
export const RewardExperiments = memo(function RewardExperiments() {
  const store = useLabStore();
  const map = useLab((s) => s.settings.map);
  const isSlippery = useLab((s) => s.settings.isSlippery);
  const maxSteps = useLab((s) => s.settings.maxSteps);
  const gamma = useLab((s) => s.params.gamma);
  const id = useId();
  const [chosen, setChosen] = useState<RewardExperiment | null>(null);
  const check = useMemo(
    () => (chosen ? checkExperiment({ map, isSlippery, maxSteps, gamma }, chosen) : null),
    [chosen, map, isSlippery, maxSteps, gamma],
  );

  const run = (experiment: RewardExperiment) => {
    const { successRate, rewardSchedule } = experiment;
    store.getState().setEnv({ successRate, rewardSchedule });
    setChosen(experiment);
  };

  const restore = () => {
    const { successRate, rewardSchedule } = GYMNASIUM_REWARD_ICE;
    store.getState().setEnv({ successRate, rewardSchedule });
    setChosen(null);
  };

  return (
    <fieldset className="presets reward-experiments">
      <legend>Rewards and ice</legend>
      <p className="hint">
        Each changes the run on screen from its next step (Q is kept); the check is exact, not
        sampled.
      </p>
      <ul className="presets-list">
        {REWARD_EXPERIMENTS.map((experiment) => (
          <li key={experiment.id}>
            <button
              type="button"
              aria-describedby={`${id}-${experiment.id}`}
              aria-pressed={chosen?.id === experiment.id}
              onClick={() => run(experiment)}
            >
              {experiment.title}
            </button>
            <span id={`${id}-${experiment.id}`} className="presets-summary">
              rewards {experiment.rewardSchedule.join(', ')}, success rate{' '}
              {formatFixed(experiment.successRate, 2, '—')}
            </span>
          </li>
        ))}
      </ul>
      {/* In a paragraph, so the column's flex layout does not stretch it to the full width. */}
      <p>
        <button type="button" onClick={restore}>
          Back to Gymnasium’s rewards and ice
        </button>
      </p>
      <div className="presets-note" role="status" aria-label="Experiment check">
        {chosen && check && (
          <>
            <p>
              <strong>{chosen.title}.</strong> {chosen.watch}
            </p>
            <CheckText check={check} />
          </>
        )}
      </div>
    </fieldset>
  );
});
