/**
 * The grid's motion (the agent's slide, the splash and the burst, the fades of a finished
 * episode) runs on d3-transition, which the first draw does not need: the grid starts loading it
 * when it is created, and until it has arrived every draw puts its marks in their final place,
 * as it does with animation off. Nothing is lost: the next step animates.
 */
import type {} from 'd3-transition';
import { lazyModule } from '../shared/lazy-module';

/** d3-transition, which adds `transition()` and `interrupt()` to every selection when loaded. */
const transitions = lazyModule(() => import('d3-transition'));

/** Loads d3-transition once. */
export function loadMotion(): Promise<void> {
  return transitions.load().then(() => undefined);
}

/** Whether selections can run transitions yet. */
export function motionReady(): boolean {
  return transitions.current() !== null;
}
