/**
 * How the tab's D3 panels follow the lab store (`useRendererHost`'s options, said once): a draw
 * when a snapshot (or the optimum) changes, at most one per `PANEL_INTERVAL_MS`, held while the
 * panel is out of view and training runs; the renderer draws the whole state.
 */
import type { LabState, LabStore } from '../../../store/lab-store';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import type { HostedRenderer, RendererHostOptions } from '../../hosts/useRendererHost';

/** A panel's renderer: it draws the store's latest state. */
export interface LabPanel extends HostedRenderer {
  draw(state: LabState): void;
}

/** The options for a panel of this tab; `drawOn` lists React values whose change redraws. */
export function learnerHostOptions<R extends LabPanel>(
  store: LabStore,
  drawOn: readonly unknown[] = [],
): RendererHostOptions<LabState, R> {
  return {
    store,
    watch: (state, prev) => state.snapshot !== prev.snapshot || state.optimum !== prev.optimum,
    draw: (panel, state) => panel.draw(state),
    intervalMs: PANEL_INTERVAL_MS,
    skipHidden: (state) => state.running,
    drawOn,
  };
}
