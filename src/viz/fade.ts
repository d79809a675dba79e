/**
 * Fading out what belongs to a finished episode (its path on the grid, its last step's arrows and
 * "slipped!" bubble): held `FADE_DELAY_MS`, then faded over `FADE_MS`, so it is gone within a
 * second of the episode's end and the numbers under it read clearly again.
 */
import type { BaseType, Selection } from 'd3-selection';
import { motionReady } from './motion';
import { setAttrIfChanged } from './svg';

/** How long a finished episode's marks stay fully drawn, in ms. */
export const FADE_DELAY_MS = 400;
/** How long they take to fade, in ms (FADE_DELAY_MS + FADE_MS < 1 s). */
export const FADE_MS = 500;

/** The transition's name, so a fade neither interrupts nor is interrupted by a move. */
const FADE = 'fade';

/**
 * Shows `selection` at full opacity and fades it out after `FADE_DELAY_MS` (before the motion
 * code has loaded: hides it at once, the fade's end).
 */
export function fadeOut<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
): void {
  if (!motionReady()) {
    selection.attr('opacity', 0);
    return;
  }
  selection
    .interrupt(FADE)
    .attr('opacity', 1)
    .transition(FADE)
    .delay(FADE_DELAY_MS)
    .duration(FADE_MS)
    .attr('opacity', 0);
}

/** Stops a fade and shows `selection` at full opacity. */
export function unfade<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
): void {
  if (motionReady()) selection.interrupt(FADE);
  setAttrIfChanged(selection, 'opacity', 1);
}
