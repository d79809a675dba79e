import type { RefObject } from 'react';
import type { LabState, LabStore } from '../../store/lab-store';
import { createLegend } from '../../viz/legend';
import { createQGrid } from '../../viz/q-grid';
import { useRendererHost } from '../hosts/useRendererHost';
import { gridFrame, holdPath, type HeldPath } from './grid-frame';
import { useLabStore } from '../shell/lab-context';
import { OWN_KEYS_ATTRIBUTE } from '../shell/own-keys';
import { lessonTarget } from '../lesson/targets';

/** Shortest time between two grid draws while training at full speed, in ms. */
const FULL_SPEED_INTERVAL_MS = 100;
/** Cells a full-speed draw of `FULL_SPEED_INTERVAL_MS` is sized for (the 8x8 map). */
const FULL_SPEED_CELLS = 64;

/**
 * The shortest time between two grid draws at full speed, in ms: `FULL_SPEED_INTERVAL_MS` up to
 * 64 cells, longer in proportion above (225 ms on 12x12), so a big map's draw costs the page no
 * more per second than the 8x8's and the worker's snapshots slow down with it.
 */
export function fullSpeedIntervalMs(cells: number): number {
  return FULL_SPEED_INTERVAL_MS * Math.max(1, cells / FULL_SPEED_CELLS);
}

/**
 * The grid, its legend and what they last drew, built into `host`: `draw` shows the store's
 * latest snapshot, view and palette and tells the worker the snapshot was drawn (so the next one
 * may come); `skip` only tells the worker, for a grid scrolled out of view while training.
 */
function createBoard(
  host: HTMLElement,
  store: LabStore,
  svgRef: RefObject<SVGSVGElement | null> | undefined,
) {
  const initial = store.getState();
  const gridHost = host.appendChild(document.createElement('div'));
  gridHost.className = 'grid-host';
  const legendHost = host.appendChild(document.createElement('div'));
  legendHost.className = 'legend-host';
  // An ARIA grid: one tab stop, arrow keys between cells; a click, Enter or Space on a cell shows
  // its last update in the inspector.
  const grid = createQGrid(gridHost, {
    view: initial.view,
    palette: initial.display.palette,
    accessibleGrid: true,
    onSelect: (state) => store.getState().inspect(state),
  });
  const legend = createLegend(legendHost);
  // Handed to whoever needs the grid's element (the picture exports), no CSS selector.
  if (svgRef) svgRef.current = grid.element;
  let drawnSnapshot: unknown = null;
  let ackedSnapshot: unknown = null;
  let drawnView = initial.view;
  let drawnPalette = initial.display.palette;
  let drawnSteps = 0;
  let drawnRun = initial.runId;
  // The path on screen at full speed, and when it was put there.
  let held: HeldPath | null = null;

  const ack = (snapshot: unknown) => {
    if (!snapshot || snapshot === ackedSnapshot) return;
    ackedSnapshot = snapshot;
    store.getState().snapshotDrawn();
  };

  return {
    draw(state: LabState) {
      const { snapshot, env, speed, optimum, view, display } = state;
      if (state.runId !== drawnRun) {
        drawnRun = state.runId;
        drawnSteps = 0;
        held = null;
      }
      if (view !== drawnView) {
        grid.setView(view);
        drawnView = view;
      }
      if (display.palette !== drawnPalette) {
        grid.setPalette(display.palette);
        drawnPalette = display.palette;
      }
      if (snapshot && env && snapshot !== drawnSnapshot) {
        const next = holdPath(
          gridFrame(env, snapshot, speed, drawnSteps, optimum),
          held,
          performance.now(),
          speed,
          snapshot.running,
        );
        held = next.held;
        // At full speed the held path stays drawn until the next replaces it, without the fade.
        const fullSpeed = speed === 'max' && snapshot.running;
        grid.update(fullSpeed ? { ...next.frame, held: true } : next.frame);
        drawnSnapshot = snapshot;
        drawnSteps = snapshot.totalSteps;
        ack(snapshot);
      }
      const spec = grid.legendSpec();
      if (spec) legend.update(spec);
    },
    skip(state: LabState) {
      ack(state.snapshot);
    },
    destroy() {
      if (svgRef?.current === grid.element) svgRef.current = null;
      legend.destroy();
      grid.destroy();
      gridHost.remove();
      legendHost.remove();
    },
  };
}

/**
 * Hosts the D3 grid and its legend. React renders the empty host once; the grid is fed outside
 * React (`useRendererHost`): every animation frame while it narrates; at full speed the pictures
 * change faster than anyone can follow, so at most `fullSpeedIntervalMs` apart, leaving the
 * frame budget to the page. Scrolled out of view while training it draws nothing but still asks
 * the worker for the next snapshot (the panels on screen read it); it catches up in view or when
 * the run stops. `svgRef` is given the grid's SVG element (for the exports).
 */
export function GridView({ svgRef }: { svgRef?: RefObject<SVGSVGElement | null> } = {}) {
  const store = useLabStore();
  const host = useRendererHost(
    (element: HTMLDivElement) => createBoard(element, store, svgRef),
    {
      store,
      watch: (state, prev) =>
        state.snapshot !== prev.snapshot ||
        state.view !== prev.view ||
        state.display.palette !== prev.display.palette,
      draw: (board, state) => board.draw(state),
      intervalMs: (state) =>
        state.speed === 'max' && state.running ? fullSpeedIntervalMs(state.env?.nS ?? 0) : 0,
      skipHidden: (state) => state.running,
      onSkip: (board, state) => board.skip(state),
    },
    [svgRef],
  );

  // The grid keeps its arrow keys, Enter and Space (→ moves between cells there, not a step).
  const ownKeys = { [OWN_KEYS_ATTRIBUTE]: 'arrows enter space' };
  return <div ref={host} className="grid-view" {...ownKeys} {...lessonTarget('grid')} />;
}
