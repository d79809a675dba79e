/**
 * The inspector slice: which state the step inspector shows, and the latest update seen at each
 * state (from the snapshots the page received).
 */
import type { UpdateData } from '../../worker/protocol';
import type { LabFollower, LabSliceContext } from './slice';

/** The slice's fields. */
export interface InspectorState {
  /** The state the step inspector shows, or `null` to follow the agent. */
  inspectedState: number | null;
}

/** The slice's actions. */
export interface InspectorActions {
  /** Shows the last update at a state in the inspector (`null`: follow the agent). */
  inspect(state: number | null): void;
  /** The latest update seen at each state (from the snapshots the page received). */
  updateAt(state: number): UpdateData | null;
}

/** Creates the slice and how it follows the runs (a new run forgets every update). */
export function createInspectorSlice({ set, get }: LabSliceContext): {
  slice: InspectorState & InspectorActions;
  follow: LabFollower;
} {
  /** The latest update at each state, kept out of the state: it changes with every snapshot. */
  const updates = new Map<number, UpdateData>();
  return {
    slice: {
      inspectedState: null,
      inspect: (state) => {
        const env = get().env;
        if (state !== null && (!env || !Number.isInteger(state) || state < 0 || state >= env.nS)) {
          get().notify('error', `There is no state ${String(state)} on this map.`);
          return;
        }
        set({ inspectedState: state });
      },
      updateAt: (state) => updates.get(state) ?? null,
    },
    follow: {
      ready: () => {
        updates.clear();
        return { inspectedState: null };
      },
      snapshot: (s) => {
        if (s.last) updates.set(s.last.state, s.last);
        return {};
      },
    },
  };
}
