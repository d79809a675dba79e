import { useCallback, useId, useMemo, useState } from 'react';
import { ACTION_NAMES } from '../../../rl/env-basics';
import { modelVisits } from '../../../rl/model-summary';
import type { LabState } from '../../../store/lab-store';
import { formatPercent, formatSigned, formatThousands } from '../../../viz/format';
import { logCountScale } from '../../../viz/scales';
import { useThrottledLab } from '../../hosts/useThrottledLab';
import { useLab } from '../../shell/lab-context';
import { pairCellName, usePairGrid, type PairLayer } from './usePairGrid';
import { modelReadout, sameReadout } from './model-view';

/** The largest of `xs` (0 for none). */
function largest(xs: ArrayLike<number>): number {
  let top = 0;
  for (let i = 0; i < xs.length; i++) top = Math.max(top, xs[i]!);
  return top;
}

/** How often the model saw each pair taken, N(s, a), on a log scale (plain ice: unknown). */
const MODEL_LAYER: PairLayer = {
  label: 'What the model has seen: N(s, a)',
  values: (state) => {
    const counts = state.snapshot?.memory?.model?.counts;
    return counts ? modelVisits(counts) : null;
  },
  fill: (visits, palette) => logCountScale([0, largest(visits)], palette),
  name: (env, visits, s) => pairCellName(env.desc, visits, s, 'seen', formatThousands),
  // The grid's legend in words.
  sentence: (_env, visits) =>
    `Colour: how often the agent took each pair, on a log scale up to ${formatThousands(largest(visits))} times (the N(s, a) view's colours); plain ice: a pair the model does not know.`,
};

/**
 * Dyna-Q's learned model: a heat grid of how often each (s, a) was taken (log scale; plain ice:
 * unknown to the model), real steps and planning updates counted apart, and for a picked pair
 * (a cell of the grid, then an action) where it landed, how often, the model's estimated
 * probabilities and rewards beside the environment's true ones.
 */
export function ModelPanel() {
  const start = useLab((s) => s.env?.start ?? 0);
  const [state, setState] = useState<number>(start);
  const [action, setAction] = useState<number>(2);
  const pick = useMemo(() => ({ state, action }), [state, action]);
  const onSelect = useCallback((s: number) => setState(s), []);
  const host = usePairGrid(MODEL_LAYER, pick, onSelect);
  const select = useCallback((s: LabState) => modelReadout(s, state, action), [state, action]);
  const readout = useThrottledLab(select, sameReadout);
  const actionName = useId();
  return (
    <div className="learner-model">
      <p className="learner-explainer">
        Each real step is a Q-learning update, and the model records where (s, a) led and with what
        reward. Then n planning updates replay pairs it knows, landing as often as it has seen them
        land: the slippery ice, learned from experience. Pick a cell, then an action, to compare
        what the model has seen with the true probabilities.
      </p>
      <p className="learner-readout">
        Real steps {formatThousands(readout.realSteps)}; planning updates{' '}
        {formatThousands(readout.planningUpdates)}, counted apart; the model knows{' '}
        {readout.knownPairs} of {readout.allPairs} pairs.
      </p>
      <div className="learner-model-main">
        <div ref={host} className="learner-host" />
        <div className="learner-model-pair">
          <fieldset>
            <legend>Action at state {state}</legend>
            {ACTION_NAMES.map((name, a) => (
              <label key={name}>
                <input
                  type="radio"
                  name={actionName}
                  value={a}
                  checked={action === a}
                  onChange={() => setAction(a)}
                />
                {name}
              </label>
            ))}
          </fieldset>
          <PairTable readout={readout} />
        </div>
      </div>
    </div>
  );
}

/** The picked pair's outcomes: seen, P̂ against P, the model's reward against the true one. */
function PairTable({ readout }: { readout: ReturnType<typeof modelReadout> }) {
  const pair = readout.pair;
  if (!pair) return <p role="status">Waiting for the model…</p>;
  const caption = `Model of (state ${pair.state}, ${ACTION_NAMES[pair.action]}): taken ${formatThousands(pair.visits)} times`;
  // s′: where it landed; P̂ = seen / taken against the ice's P; the rewards it holds and the true ones.
  return (
    <table className="learner-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">s′</th>
          <th scope="col">seen</th>
          <th scope="col">model P̂</th>
          <th scope="col">true P</th>
          <th scope="col">model r</th>
          <th scope="col">true r</th>
        </tr>
      </thead>
      <tbody>
        {pair.outcomes.map((o) => (
          <tr key={o.next}>
            <th scope="row">{o.next}</th>
            <td>{formatThousands(o.count)}</td>
            <td>{formatPercent(o.estimated)}</td>
            <td>{formatPercent(o.probability)}</td>
            <td>{formatSigned(o.reward, 2)}</td>
            <td>{formatSigned(o.trueReward, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
