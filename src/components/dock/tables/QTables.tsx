import { useEffect, useRef } from 'react';
import { createQTable } from '../../../viz/q-table';
import { createDrawScheduler, PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useLabStore } from '../../shell/lab-context';

/** Caption of the Q-table. */
export const Q_TABLE_CAPTION = 'Q(s,a), and V(s) = max over a of Q(s,a)';
/** Caption of the advantage table. */
export const A_TABLE_CAPTION = 'A(s,a) = Q(s,a) − V(s)';

/**
 * The Q-table and the advantage table side by side, as the worker has them now. React renders
 * the empty hosts once; the tables are fed outside React: a store subscription schedules one
 * draw per animation frame (latest snapshot wins), and only cells whose numbers changed are
 * rewritten. It never asks the worker for the next snapshot: GridView paces the stream.
 *
 * The agent's current state is highlighted in both tables. Each table scrolls in its own
 * focusable region, so a keyboard can scroll the 64 rows of an 8x8 map.
 */
export function QTables() {
  const store = useLabStore();
  const qHost = useRef<HTMLDivElement>(null);
  const aHost = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const qTable = createQTable(qHost.current!, { kind: 'q', caption: Q_TABLE_CAPTION });
    const aTable = createQTable(aHost.current!, { kind: 'a', caption: A_TABLE_CAPTION });
    let drawnSnapshot: unknown = null;
    let drawnDesc: unknown = null;

    const draw = () => {
      const { snapshot, env } = store.getState();
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
    };
    // The two tables sit side by side: the pair's visibility gates both.
    const scheduler = createDrawScheduler(draw, {
      intervalMs: PANEL_INTERVAL_MS,
      host: qHost.current!.parentElement,
      skipHidden: () => store.getState().running,
    });
    const schedule = scheduler.schedule;
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.snapshot !== prev.snapshot || state.env !== prev.env) schedule();
    });
    schedule();
    return () => {
      unsubscribe();
      scheduler.destroy();
      qTable.destroy();
      aTable.destroy();
    };
  }, [store]);

  return (
    <section className="panel qtables" aria-label="Q and A tables">
      <h2>Q and A tables</h2>
      <div className="qtables-pair">
        {/* A scrollable region must be focusable to be scrolled from the keyboard. */}
        <div
          ref={qHost}
          className="qtables-scroll"
          role="region"
          aria-label="Q-table"
          tabIndex={0}
        />
        <div
          ref={aHost}
          className="qtables-scroll"
          role="region"
          aria-label="Advantage table"
          tabIndex={0}
        />
      </div>
    </section>
  );
}
