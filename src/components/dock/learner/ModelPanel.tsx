import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ACTION_NAMES } from '../../../rl/env';
import { modelVisits } from '../../../rl/model-summary';
import type { LabState } from '../../../store/lab-store';
import { isTerminalTile, tileLetter, TILE_NAMES } from '../../../viz/describe';
import { formatPercent, formatSigned, formatThousands } from '../../../viz/format';
import { createPairGrid } from '../../../viz/pair-grid';
import { logCountScale } from '../../../viz/scales';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useThrottledLab } from '../../hosts/useThrottledLab';
import { useLab, useLabStore } from '../../shell/lab-context';
import { modelReadout, sameReadout } from './model-view';

/** "state 4, seen Left 3, Down 0, Right 12, Up 1" (holes and the goal: nothing to know). */
function modelCellName(desc: readonly string[], visits: ArrayLike<number>, s: number): string {
  const tile = tileLetter(desc, desc[0]!.length, s);
  if (isTerminalTile(tile)) return `state ${s}, ${TILE_NAMES[tile]}, the episode ends here`;
  const parts = ACTION_NAMES.map((name, a) => `${name} ${formatThousands(visits[s * 4 + a] ?? 0)}`);
  return `state ${s}, seen ${parts.join(', ')}`;
}

/**
 * Dyna-Q's learned model: a heat grid of how often each (s, a) was taken (log scale; plain ice:
 * unknown to the model), real steps and planning updates counted apart, and for a picked pair
 * (a cell of the grid, then an action) where it landed, how often, the model's estimated
 * probabilities and rewards beside the environment's true ones.
 */
export function ModelPanel() {
  const store = useLabStore();
  const palette = useLab((s) => s.display.palette);
  const start = useLab((s) => s.env?.start ?? 0);
  const [state, setState] = useState<number>(start);
  const [action, setAction] = useState<number>(2);
  const picked = useRef({ state, action });
  useEffect(() => {
    picked.current = { state, action };
  }, [state, action]);
  const onSelect = useCallback((s: number) => setState(s), []);
  const host = useRendererHost(
    (element: HTMLDivElement) => {
      const grid = createPairGrid(element, 'What the model has seen: N(s, a)', onSelect);
      return {
        draw({ snapshot, env }: LabState) {
          const counts = snapshot?.memory?.model?.counts;
          if (!env || !counts || counts.length !== env.nS * 12) return;
          const visits = modelVisits(counts);
          let top = 0;
          for (const n of visits) top = Math.max(top, n);
          grid.update({
            desc: env.desc,
            values: visits,
            scale: logCountScale([0, top], palette),
            name: (s) => modelCellName(env.desc, visits, s),
            selected: picked.current.state,
            selectedAction: picked.current.action,
          });
        },
        destroy: () => grid.destroy(),
      };
    },
    {
      store,
      watch: (s, prev) => s.snapshot !== prev.snapshot,
      draw: (panel, s) => panel.draw(s),
      intervalMs: PANEL_INTERVAL_MS,
      skipHidden: (s) => s.running,
      drawOn: [state, action],
    },
    [palette, onSelect],
  );
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
      <p className="learner-readout" aria-label="Model counts">
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
  return (
    <table className="learner-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">lands in s′</th>
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
