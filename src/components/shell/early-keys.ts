/**
 * Keys pressed before the shortcuts' code has arrived (it loads right after the first draw): held
 * from the page's start and handed to the shortcuts when they start listening, so an early → or
 * Space is not lost. At most `MAX_EARLY_KEYS` are kept.
 */

/** More early keys than this are dropped (a key held down, a cat on the keyboard). */
export const MAX_EARLY_KEYS = 8;

const held: KeyboardEvent[] = [];
const keep = (event: KeyboardEvent) => {
  if (held.length < MAX_EARLY_KEYS) held.push(event);
};

/** Starts holding the keys pressed anywhere on the page. */
export function holdEarlyKeys(): void {
  document.addEventListener('keydown', keep);
}

/** Stops holding keys and returns those held, oldest first (each at most once). */
export function takeEarlyKeys(): KeyboardEvent[] {
  document.removeEventListener('keydown', keep);
  return held.splice(0);
}
