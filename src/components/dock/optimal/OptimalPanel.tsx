import type { LabState } from '../../../store/lab-store';
import { createOptimalOverlay } from '../../../viz/optimal-overlay';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLab, useLabStore } from '../../shell/lab-context';

/**
 * "Optimal values": V*, the optimal actions and the gap |Q − Q*| of the lab's learner, from value
 * iteration (the worker's `optimum`). Fed outside React like the curves (`useRendererHost`): at
 * most one draw per `PANEL_INTERVAL_MS`, latest snapshot wins; it only reads, the grid's host asks
 * the worker for more snapshots.
 */
export function OptimalPanel() {
  const store = useLabStore();
  const palette = useLab((s) => s.display.palette);
  const host = useRendererHost(
    (element: HTMLDivElement) => {
      const overlay = createOptimalOverlay(element, palette);
      let drawn: { snapshot: unknown; optimum: unknown } | null = null;
      return {
        draw({ snapshot, optimum, env }: LabState) {
          if (!optimum || !env) return;
          if (drawn && drawn.snapshot === snapshot && drawn.optimum === optimum) return;
          drawn = { snapshot, optimum };
          overlay.update({
            desc: env.desc,
            start: env.start,
            qStar: optimum.q,
            vStar: optimum.v,
            gamma: optimum.gamma,
            // A snapshot of an older map cannot be compared; it is replaced within a frame.
            q: snapshot && snapshot.q.length === optimum.q.length ? snapshot.q : null,
          });
        },
        destroy: () => overlay.destroy(),
      };
    },
    {
      store,
      watch: (state, prev) => state.snapshot !== prev.snapshot || state.optimum !== prev.optimum,
      draw: (panel, state) => panel.draw(state),
      intervalMs: PANEL_INTERVAL_MS,
      skipHidden: (state) => state.running,
    },
    [palette],
  );

  return (
    <section className="panel optimal-panel" aria-labelledby="optimal-heading">
      <h2 id="optimal-heading">Optimal values</h2>
      <p className="optimal-explainer">
        The truth the agent learns toward: value iteration gives Q*(s, a), V*(s) = max<sub>a</sub>{' '}
        Q*(s, a) and the optimal actions for the run’s γ. The second grid colours each cell by how
        far the agent’s Q still is from Q* there. With a constant α the max gap falls at first and
        then levels off instead of reaching 0: each update still moves Q by α times a random TD
        error, and actions the greedy policy rarely tries are rarely updated, so their gap can stay
        large.
      </p>
      <div ref={host} className="optimal-host" />
    </section>
  );
}
