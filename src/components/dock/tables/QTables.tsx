import type { LabState } from '../../../store/lab-store';
import { createQTable } from '../../../viz/q-table';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLabStore } from '../../shell/lab-context';

/** Caption of the Q-table. */
export const Q_TABLE_CAPTION = 'Q(s,a), and V(s) = max over a of Q(s,a)';
/** Caption of the advantage table. */
export const A_TABLE_CAPTION = 'A(s,a) = Q(s,a) − V(s)';

/**
 * The Q-table and the advantage table side by side, as the worker has them now, every row shown
 * (no inner scroll box: the dock tab scrolls as a whole). React renders the empty host once; the
 * tables are fed outside React (`useRendererHost`): at most one draw per `PANEL_INTERVAL_MS`,
 * latest snapshot wins, and only cells whose numbers changed are rewritten. It never asks the
 * worker for the next snapshot: GridView paces the stream.
 *
 * The agent's current state is highlighted in both tables.
 */
export function QTables() {
  const store = useLabStore();
  const host = useRendererHost(
    (element: HTMLDivElement) => {
      const qTable = createQTable(element, { kind: 'q', caption: Q_TABLE_CAPTION });
      const aTable = createQTable(element, { kind: 'a', caption: A_TABLE_CAPTION });
      let drawnSnapshot: unknown = null;
      let drawnDesc: unknown = null;
      return {
        draw({ snapshot, env }: LabState) {
          if (!snapshot || !env) return;
          if (snapshot === drawnSnapshot && env.desc === drawnDesc) return;
          // A snapshot of the previous map can arrive before the new map's (sizes then disagree).
          if (snapshot.v.length !== env.nS) return;
          const common = {
            desc: env.desc,
            v: snapshot.v,
            greedyMask: snapshot.greedyMask,
            selectedState: snapshot.state,
          };
          qTable.update({ ...common, values: snapshot.q });
          aTable.update({ ...common, values: snapshot.advantage });
          drawnSnapshot = snapshot;
          drawnDesc = env.desc;
        },
        destroy() {
          qTable.destroy();
          aTable.destroy();
        },
      };
    },
    {
      store,
      watch: (state, prev) => state.snapshot !== prev.snapshot || state.env !== prev.env,
      draw: (tables, state) => tables.draw(state),
      intervalMs: PANEL_INTERVAL_MS,
      skipHidden: (state) => state.running,
    },
  );

  return (
    <section className="panel qtables" aria-label="Q and A tables">
      <h2>Q and A tables</h2>
      <div ref={host} className="qtables-pair" />
    </section>
  );
}
