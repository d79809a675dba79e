/**
 * The grid's motion (the agent's slide, the splash and the burst, the fades of a finished
 * episode) runs on d3-transition, which the first draw does not need: the grid starts loading it
 * when it is created, and until it has arrived every draw puts its marks in their final place,
 * as it does with animation off. Nothing is lost: the next step animates.
 */
import type {} from 'd3-transition';
import { lazyModule } from '../shared/lazy-module';

/**
 * d3-transition, which adds `transition()` and `interrupt()` to every selection when loaded, and
 * the easing curves of d3-ease; the module is the easing curves.
 */
const motion = lazyModule(
  async () => (await Promise.all([import('d3-ease'), import('d3-transition')]))[0],
);

/** Loads d3-transition and d3-ease once. */
export function loadMotion(): Promise<void> {
  return motion.load().then(() => undefined);
}

/** Whether selections can run transitions yet. */
export function motionReady(): boolean {
  return motion.current() !== null;
}

/** The easing curves (d3-ease) once the motion code has loaded, else `null`. */
export function easing(): typeof import('d3-ease') | null {
  return motion.current();
}
