/**
 * What the lab store's slices share (zustand's slices pattern): each slice file declares its
 * fields and actions and builds them from this context; `lab-store.ts` joins them into one store.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { LabActions, LabState } from '../lab-store';
import type { Snapshot, TrainerCommand, TrainerEvent } from '../../worker/protocol';

/** The whole store, as each slice sees it through `get`. */
export type Lab = LabState & LabActions;

/** The `ready` event: a new run (init, reset, replay) is built. */
export type ReadyEvent = Extract<TrainerEvent, { type: 'ready' }>;

/** What every slice is built with. */
export interface LabSliceContext {
  set: StoreApi<Lab>['setState'];
  get: StoreApi<Lab>['getState'];
  /** Sends a command to the training worker (dropped while there is none). */
  send(command: TrainerCommand): void;
}

/**
 * How a slice follows the worker's runs: the fields it sets when a new run is ready and for each
 * snapshot of the current run. The store merges every slice's fields into one update, so a
 * subscriber never sees half a run.
 */
export interface LabFollower {
  ready?(event: ReadyEvent): Partial<LabState>;
  snapshot?(snapshot: Snapshot, state: LabState): Partial<LabState>;
  /**
   * The worker refused a command (`command`: its type, when the worker said), or dropped the
   * replay it was asked to cancel (no type).
   */
  refused?(command?: string): Partial<LabState> | void;
}
