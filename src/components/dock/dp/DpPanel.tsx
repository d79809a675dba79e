import { useCallback, useId, useMemo, useState } from 'react';
import { DP_METHODS } from '../../../rl/dp/dp-limits';
import type { DpMethod } from '../../../rl/dp/dp-run';
import { runPolicyIteration } from '../../../rl/dp/policy-iteration';
import { runValueIteration } from '../../../rl/dp/sweep';
import { timeLimitCurve } from '../../../rl/dp/time-limit';
import type { DpGridData } from '../../../viz/dp-grid';
import { formatSigned } from '../../../viz/format';
import { BackupTable } from './BackupTable';
import { DP_PANEL_MAX_SWEEPS } from './dp-state';
import { dpStatus, formatDelta } from './dp-status';
import { DpChartView, DpGridView } from './DpViews';
import { LearnerTable } from './LearnerTable';
import { ToleranceField } from './ToleranceField';
import { useDpPanel } from './useDpPanel';
import type { EnvInfo } from '../../../worker/protocol';
import { useLab } from '../../shell/lab-context';
import './dp-panel.css';

const METHOD_LABELS: Readonly<Record<DpMethod, string>> = {
  value: 'Value iteration',
  policy: 'Policy iteration',
};

const DELTA_CHART = {
  label: 'Largest change of V per sweep, log scale, with the tolerance dashed',
  log: true,
  xName: 'sweep k',
  yName: '‖Vₖ − Vₖ₋₁‖∞',
};
const LIMIT_CHART = {
  label: 'Best chance of reaching the goal within t steps',
  log: false,
  xName: 'steps allowed t',
  yName: 'P(reach G)',
};

/**
 * "Dynamic programming": value iteration or policy iteration on the run's environment and the
 * lab's γ, one sweep at a time (Sweep, Play sweeps, Reset); V_k with its arrows on a grid whose cells show
 * their backup in numbers; ‖ΔV‖∞ per sweep on a log scale; the time limit's DP; and the learner's
 * V(s) beside V_k.
 */
export function DpPanel() {
  const info = useLab((s) => s.env);
  if (!info)
    return (
      <section className="panel dp-panel" aria-labelledby="dp-heading">
        <h2 id="dp-heading">Dynamic programming</h2>
        <p role="status">Waiting for the run’s environment…</p>
      </section>
    );
  return <DpRunPanel info={info} />;
}

/** The panel once the run's environment is known. */
function DpRunPanel({ info }: { info: EnvInfo }) {
  const [state, dispatch] = useDpPanel(info);
  const { env, run } = state;
  const [picked, setPicked] = useState<number>(env.start);
  const selected = picked < env.nS ? picked : env.start;
  const methodName = useId();

  const toTolerance = useMemo(() => {
    const limits = { tolerance: state.tolerance, maxSweeps: DP_PANEL_MAX_SWEEPS };
    const full =
      state.method === 'value'
        ? { ...runValueIteration(env, state.gamma, limits), improvements: null }
        : runPolicyIteration(env, state.gamma, limits);
    // γ = 1 with a cost per step: evaluating a policy that never ends runs V down for ever.
    const reached = full.deltas.at(-1)! < state.tolerance;
    return { sweeps: full.sweeps, improvements: full.improvements, reached };
  }, [env, state.gamma, state.method, state.tolerance]);
  const limit = useMemo(() => timeLimitCurve(env, env.maxSteps).curve, [env]);
  const gridData = useMemo<DpGridData>(
    () => ({
      desc: env.desc,
      v: run.v,
      policy: run.policy,
      policyWord: run.method === 'value' ? 'greedy' : 'policy',
      sweeps: run.sweeps,
      changed: run.changed,
      selected,
    }),
    [env, run, selected],
  );
  const deltaData = useMemo(
    () => ({ values: run.deltas, reference: state.tolerance }),
    [run.deltas, state.tolerance],
  );
  const limitData = useMemo(() => ({ values: limit, reference: null }), [limit]);
  const onSelect = useCallback((s: number) => setPicked(s), []);

  const done = run.phase === 'done';
  const stepLabel = run.phase === 'improve' ? 'Improve policy' : 'Sweep';
  const tol = state.tolerance.toExponential();
  return (
    <section className="panel dp-panel" aria-labelledby="dp-heading">
      <h2 id="dp-heading">Dynamic programming</h2>
      <p className="dp-explainer">
        How the truth is computed from the model, on the run’s map, ice, rewards and γ {state.gamma}
        : each sweep backs every state up once, Vₖ₊₁(s) = maxₐ Σ p · (r + γ · Vₖ(s′)). Policy
        iteration evaluates one policy by such sweeps, then improves it greedily. Pick a cell to see
        its backup in numbers.
      </p>
      <div className="dp-controls">
        <fieldset>
          <legend>Method</legend>
          {DP_METHODS.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={methodName}
                value={m}
                checked={state.method === m}
                onChange={() => dispatch({ type: 'method', method: m })}
              />
              {METHOD_LABELS[m]}
            </label>
          ))}
        </fieldset>
        <ToleranceField
          value={state.tolerance}
          onChange={(tolerance) => dispatch({ type: 'tolerance', tolerance })}
        />
        <div className="dp-buttons">
          <button
            type="button"
            disabled={done || state.playing}
            onClick={() => dispatch({ type: 'step' })}
          >
            {stepLabel}
          </button>
          <button
            type="button"
            aria-pressed={state.playing}
            disabled={done && !state.playing}
            onClick={() => dispatch({ type: state.playing ? 'stop' : 'play' })}
          >
            {state.playing ? 'Stop' : 'Play sweeps'}
          </button>
          <button type="button" onClick={() => dispatch({ type: 'reset' })}>
            Reset
          </button>
        </div>
      </div>
      <p role="status" className="dp-status">
        {dpStatus(run)}
      </p>
      <div className="dp-main">
        <DpGridView data={gridData} onSelect={onSelect} />
        <div className="dp-side" role="region" aria-label="Backup in numbers" tabIndex={0}>
          <BackupTable env={env} run={run} state={selected} />
        </div>
      </div>
      <div className="dp-charts">
        <figure>
          <DpChartView options={DELTA_CHART} data={deltaData} />
          <figcaption>
            ‖Vₖ − Vₖ₋₁‖∞ per sweep, log scale; dashed: the tolerance {tol}.{' '}
            {METHOD_LABELS[state.method]}{' '}
            {toTolerance.reached
              ? `gets below it after ${toTolerance.sweeps}`
              : `does not get below it within ${toTolerance.sweeps}`}{' '}
            {state.method === 'value' ? 'sweeps' : 'evaluation sweeps'}
            {toTolerance.improvements === null
              ? ''
              : ` and ${toTolerance.improvements} improvements`}
            {run.deltas.length > 0 ? `; latest ${formatDelta(run.deltas.at(-1)!)}` : ''}.
          </figcaption>
        </figure>
        <figure>
          <DpChartView options={LIMIT_CHART} data={limitData} />
          <figcaption>
            The time limit’s own DP, built backwards: the best chance of reaching G within t steps,
            t = 1 … {env.maxSteps}, over all policies. Within the limit of {env.maxSteps}:{' '}
            {formatSigned(limit.at(-1), 4)}, the most any learner can reach.
          </figcaption>
        </figure>
      </div>
      <LearnerTable env={env} v={run.v} sweeps={run.sweeps} />
    </section>
  );
}
