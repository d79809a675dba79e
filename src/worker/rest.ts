/**
 * How long a worker training at full speed rests between slices.
 *
 * The rest exists for machines with few cores: there a worker that never yields its core can
 * starve the page's main, compositor and raster threads. But a rest of r ms after every slice of
 * s ms costs r / (s + r) of the training time (a third at 4 ms after 8 ms) on every machine,
 * whether the page needed the core or not. So the worker rests only when both hold:
 *   - the machine has fewer than `REST_BELOW_CORES` logical cores, and
 *   - the page is late: a snapshot it was sent has gone unanswered for more than
 *     `PAGE_LATE_MS`. A page that keeps up asks for the next snapshot once it drew the last
 *     (at full speed the grid draws every 100 ms), so a longer silence means its threads are
 *     short of time; the worker then gives way until the page answers.
 */
import type { TrainerEndpoint } from './protocol';
import type { SnapshotGate } from './snapshot-gate';

/** At full speed, the rest between slices while the page is late, in ms. */
export const MAX_SPEED_REST_MS = 4;
/**
 * A snapshot unanswered this long means the page is late, in ms: 2.5 times the slowest drawing
 * interval of the page at full speed (the grid's 100 ms).
 */
export const PAGE_LATE_MS = 250;
/** With at least this many logical cores the worker never rests: the page has cores of its own. */
export const REST_BELOW_CORES = 4;
/** Cores assumed when the host cannot say (`navigator.hardwareConcurrency` missing). */
export const DEFAULT_CORES = 2;

/**
 * The rest before the next full-speed slice, in ms: `MAX_SPEED_REST_MS` on a machine of fewer
 * than `REST_BELOW_CORES` cores (`host.cores`) while the last snapshot (`gate`) has gone
 * unanswered for more than `PAGE_LATE_MS`, else 0.
 */
export function restBetweenSlices(
  host: Pick<TrainerEndpoint, 'cores' | 'now'>,
  gate: Pick<SnapshotGate, 'unansweredSince'>,
): number {
  if ((host.cores ?? DEFAULT_CORES) >= REST_BELOW_CORES) return 0;
  const since = gate.unansweredSince();
  return since !== null && host.now() - since > PAGE_LATE_MS ? MAX_SPEED_REST_MS : 0;
}
