import { reachableNonTerminal } from '../../../rl/convergence';
import { doubleQBias } from '../../../rl/table-bias';
import { greedyMasks, stateValues } from '../../../rl/tables';
import { envOfInfo } from '../../../store/lab/live-env';
import type { LabState } from '../../../store/lab-store';
import { createDoubleQTables } from '../../../viz/double-q-tables';
import type { EnvInfo } from '../../../worker/protocol';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLab, useLabStore } from '../../shell/lab-context';
import { learnerHostOptions } from './panel-host';

/**
 * Double Q-learning's Q₁ and Q₂ as two mini grids on one colour scale, each captioned with its
 * bias against V* (the store's optimum) and its maximisation bias, averaged over the states the
 * agent can reach (`rl/table-bias.ts`). Fed outside React at most once per `PANEL_INTERVAL_MS`.
 */
export function DoubleQPanel() {
  const store = useLabStore();
  const palette = useLab((s) => s.display.palette);
  const host = useRendererHost(
    (element: HTMLDivElement) => {
      const tables = createDoubleQTables(element, palette);
      let reachable: { env: EnvInfo; states: Uint8Array } | null = null;
      let drawn: { snapshot: unknown; optimum: unknown } = { snapshot: null, optimum: null };
      return {
        draw({ snapshot, env, optimum }: LabState) {
          const pair = snapshot?.memory?.tables;
          if (!snapshot || !env || !optimum || !pair) return;
          if (drawn.snapshot === snapshot && drawn.optimum === optimum) return;
          // A snapshot of an older map can come before the new map's optimum.
          if (pair[0].length !== optimum.q.length) return;
          drawn = { snapshot, optimum };
          if (reachable?.env !== env)
            reachable = { env, states: reachableNonTerminal(envOfInfo(env)) };
          const bias = doubleQBias(pair, snapshot.q, optimum.v, reachable.states);
          let top = 0;
          for (const x of optimum.v) top = Math.max(top, x);
          const table = (i: 0 | 1) => ({
            v: stateValues(pair[i]),
            greedyMask: greedyMasks(pair[i]),
            bias: bias.tables[i],
          });
          tables.update({
            desc: env.desc,
            domain: [0, top],
            tables: [table(0), table(1)],
            meanBias: bias.mean.value,
            states: bias.states,
          });
        },
        destroy: () => tables.destroy(),
      };
    },
    learnerHostOptions(store),
    [palette],
  );
  return (
    <div className="learner-double-q">
      <p className="learner-explainer">
        Two tables, Q₁ and Q₂. Each step a coin picks one to update, and it bootstraps from the
        other’s value of its own greedy action, Q₂(s′, argmax Q₁(s′, ·)). Why: the max of noisy
        estimates overestimates the max of their means (maximisation bias), because the action a
        table rates best is most often one it happens to overrate; the other table’s estimate of
        that action does not share the luck. Colours: V(s) = max over a of each table; bias: the
        mean of that minus V*(s).
      </p>
      <div ref={host} className="learner-double-q-host" />
    </div>
  );
}
