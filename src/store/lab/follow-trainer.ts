/**
 * How the lab store follows the training worker: each event becomes one store update, the slices'
 * fields merged (`LabFollower`). Fatal errors, stale runs and the watchdog are the worker
 * client's; what reaches here is an event of the current run.
 */
import { assertNever, type TrainerEvent } from '../../worker/protocol';
import { greedyRecord } from './gallery-slice';
import { recordWithChange, withEnvChange } from './run-slice';
import type { StoreApi } from 'zustand/vanilla';
import type { LabState } from '../lab-store';
import type { Lab, LabFollower } from './slice';

/** A step count as the notices write it: 1,234,567. */
const formatCount = (n: number): string => n.toLocaleString('en-US');

/** The run an event belongs to (`undefined`: none, e.g. `ready`, which starts one). */
export function runOfEvent(event: TrainerEvent): number | undefined {
  switch (event.type) {
    case 'snapshot':
      return event.snapshot.runId;
    case 'params-applied':
    case 'greedy-episode':
      return event.runId;
    default:
      return undefined;
  }
}

/** The slices' fields in one object (slices set disjoint fields). */
function merged(parts: readonly (Partial<LabState> | undefined)[]): Partial<LabState> {
  const out: Partial<LabState> = {};
  for (const part of parts) Object.assign(out, part);
  return out;
}

/** Applies one event of the current run to the store, in one update. */
export function followTrainer(
  event: TrainerEvent,
  store: StoreApi<Lab>,
  followers: readonly LabFollower[],
): void {
  const state = store.getState();
  switch (event.type) {
    case 'ready':
      store.setState(merged(followers.map((f) => f.ready?.(event))));
      break;
    case 'snapshot':
      store.setState(merged(followers.map((f) => f.snapshot?.(event.snapshot, state))));
      break;
    case 'params-applied': {
      const { env } = event.change;
      store.setState({
        ...(state.record ? { record: recordWithChange(state.record, event.change) } : {}),
        // The environment the run now steps on, and the settings the controls and the link show.
        ...(env && state.env ? { env: withEnvChange(state.env, env) } : {}),
        ...(env ? { settings: withEnvChange(state.settings, env) } : {}),
      });
      break;
    }
    case 'greedy-episode':
      store.setState({ greedy: greedyRecord(event) });
      break;
    case 'optimum':
      store.setState({ optimum: event.optimum });
      break;
    case 'pong':
      // The client's watchdog heard it; nothing else to do.
      break;
    case 'error':
      // A refused command (a fatal error went to the client's `onFatal`).
      store.setState(merged(followers.map((f) => f.refused?.(event.command) ?? undefined)));
      state.notify('error', event.message);
      break;
    case 'replay-progress':
      store.setState({ replaying: { steps: event.steps, totalSteps: event.totalSteps } });
      break;
    case 'replay-cancelled':
      store.setState(merged(followers.map((f) => f.refused?.() ?? undefined)));
      state.notify(
        'info',
        `The import was cancelled at step ${formatCount(event.steps)} of ${formatCount(
          event.totalSteps,
        )}; the run before it is as it was.`,
      );
      break;
    default:
      assertNever(event);
  }
}
