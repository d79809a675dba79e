import { useEffect, useRef, type RefObject } from 'react';
import { createLegend } from '../../viz/legend';
import { createQGrid } from '../../viz/q-grid';
import { createDrawScheduler, watchVisibility } from '../hosts/frame-throttle';
import { gridFrame, holdPath, type HeldPath } from './grid-frame';
import { useLabStore } from '../shell/lab-context';
import { lessonTarget } from '../lesson/targets';

/** Shortest time between two grid draws while training at full speed, in ms. */
const FULL_SPEED_INTERVAL_MS = 100;

/**
 * Hosts the D3 grid and its legend. React renders the two empty hosts once; the grid is fed
 * outside React: a store subscription schedules one draw per animation frame (latest snapshot
 * wins) and, once drawn, asks the worker for the next snapshot.
 */
export function GridView({ svgRef }: { svgRef?: RefObject<SVGSVGElement | null> } = {}) {
  const store = useLabStore();
  const gridHost = useRef<HTMLDivElement>(null);
  const legendHost = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const grid = createQGrid(gridHost.current!, {
      view: store.getState().view,
      palette: store.getState().display.palette,
    });
    const legend = createLegend(legendHost.current!);
    // Handed to whoever needs the grid's element (the picture exports), no CSS selector.
    if (svgRef) svgRef.current = grid.element;
    let drawnSnapshot: unknown = null;
    let ackedSnapshot: unknown = null;
    let drawnView = store.getState().view;
    let drawnPalette = store.getState().display.palette;
    let drawnSteps = 0;
    // The path on screen at full speed, and when it was put there.
    let held: HeldPath | null = null;

    const draw = () => {
      const { snapshot, env, speed, optimum, view, display, running } = store.getState();
      if (running && !visibility.visible()) {
        // Scrolled out of view while training: nothing is drawn, but the worker is still asked
        // for the next snapshot (the panels on screen read it). The grid catches up when it comes
        // back into view or the run stops.
        if (snapshot && snapshot !== ackedSnapshot) {
          ackedSnapshot = snapshot;
          store.getState().snapshotDrawn();
        }
        return;
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
        grid.update(next.frame);
        drawnSnapshot = snapshot;
        drawnSteps = snapshot.totalSteps;
        if (snapshot !== ackedSnapshot) {
          ackedSnapshot = snapshot;
          store.getState().snapshotDrawn();
        }
      }
      const spec = grid.legendSpec();
      if (spec) legend.update(spec);
    };
    // Every frame while it narrates; at full speed the pictures change faster than anyone can
    // follow, so draw at most FULL_SPEED_INTERVAL_MS apart and leave the frame budget to the page.
    const narrated = createDrawScheduler(draw);
    const fast = createDrawScheduler(draw, { intervalMs: FULL_SPEED_INTERVAL_MS });
    const schedule = () =>
      store.getState().speed === 'max' && store.getState().running
        ? fast.schedule()
        : narrated.schedule();
    const visibility = watchVisibility(gridHost.current!, (visible) => {
      if (visible) schedule();
    });
    const unsubscribe = store.subscribe((state, prev) => {
      if (
        state.snapshot !== prev.snapshot ||
        state.view !== prev.view ||
        state.display.palette !== prev.display.palette
      )
        schedule();
      if (state.runId !== prev.runId) {
        drawnSteps = 0;
        held = null;
      }
    });
    // Click a cell to inspect its last update (the inspector's select does the same by keyboard).
    const onClick = (event: MouseEvent) => {
      const cell = (event.target as Element).closest('[data-state]');
      if (cell) store.getState().inspect(Number(cell.getAttribute('data-state')));
    };
    grid.element.addEventListener('click', onClick);
    schedule();
    return () => {
      grid.element.removeEventListener('click', onClick);
      if (svgRef?.current === grid.element) svgRef.current = null;
      unsubscribe();
      visibility.disconnect();
      narrated.destroy();
      fast.destroy();
      legend.destroy();
      grid.destroy();
    };
  }, [store, svgRef]);

  return (
    <div className="grid-view" {...lessonTarget('grid')}>
      <div ref={gridHost} className="grid-host" />
      <div ref={legendHost} className="legend-host" />
    </div>
  );
}
