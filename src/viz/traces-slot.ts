/**
 * Where the main grid's traces layer goes (`traces-layer.ts`), in the grid's first download: a
 * group on the board and a few lines. The layer's code loads the first time a frame carries
 * traces (a SARSA(λ) or Q(λ) run); a frame without them costs one test and draws nothing.
 */
import type { Selection } from 'd3-selection';
import { lazyModule } from '../shared/lazy-module';
import type { TracesLayer } from './traces-layer';

const layerModule = lazyModule(() => import('./traces-layer'));

/** The legend's word for the layer. */
export const TRACES_NOTE = 'violet: traces e(s,a)';

/** The slot: draws a frame's traces when there are any. */
export interface TracesSlot {
  /** Draws `traces` (s·4 + a) on a board of `ncol` columns; absent: removes any drawn. */
  draw(traces: ArrayLike<number> | undefined, ncol: number): void;
  /** The legend's note: `base` with the layer's word added while traces are drawn. */
  note(base: string | undefined): { note?: string };
  destroy(): void;
}

/** Adds the traces' group to `board` (above the cells, under everything drawn after it). */
export function createTracesSlot(
  board: Selection<SVGGElement, unknown, null, undefined>,
): TracesSlot {
  const group = board.append('g').attr('class', 'qgrid-traces').attr('pointer-events', 'none');
  let layer: TracesLayer | null = null;
  let shown = false;
  /** The traces waiting for the layer's code (a copy: frames' arrays are not kept). */
  let waiting: { traces: Float64Array; ncol: number } | null = null;
  let destroyed = false;
  const slot: TracesSlot = {
    draw(traces, ncol) {
      shown = traces !== undefined;
      if (!traces) {
        waiting = null;
        layer?.clear();
        return;
      }
      const module = layerModule.current();
      if (!module) {
        waiting = { traces: Float64Array.from(traces), ncol };
        void layerModule.load().then(() => {
          if (waiting && !destroyed) slot.draw(waiting.traces, waiting.ncol);
        });
        return;
      }
      waiting = null;
      layer ??= module.createTracesLayer(group);
      layer.draw(traces, ncol);
    },
    note(base) {
      if (!shown) return base ? { note: base } : {};
      return { note: base ? `${base}; ${TRACES_NOTE}` : TRACES_NOTE };
    },
    destroy() {
      destroyed = true;
      layer?.destroy();
      group.remove();
    },
  };
  return slot;
}
