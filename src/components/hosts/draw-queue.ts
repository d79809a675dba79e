/**
 * Many small draws spread over animation frames: each frame runs queued draws until about
 * `DRAW_BUDGET_MS` have passed and leaves the rest for the next frame. For pictures that arrive
 * in bulk (a gallery taking in forty frames at once), so no single task holds the page up.
 *
 * Draws are keyed: queuing a key that is already waiting replaces its draw (the latest wins) and
 * keeps its place in the line.
 */

/** Time a frame spends on queued draws before it leaves the rest to the next, in ms. */
export const DRAW_BUDGET_MS = 4;

const queue = new Map<object, () => void>();
let frame = 0;

function flush(): void {
  frame = 0;
  const start = performance.now();
  for (const [key, draw] of queue) {
    queue.delete(key);
    draw();
    if (performance.now() - start >= DRAW_BUDGET_MS) break;
  }
  if (queue.size > 0) frame = requestAnimationFrame(flush);
}

/** Queues `draw` under `key`; returns a function that takes it off the queue if still waiting. */
export function queueDraw(key: object, draw: () => void): () => void {
  queue.set(key, draw);
  if (frame === 0) frame = requestAnimationFrame(flush);
  return () => {
    if (queue.get(key) === draw) queue.delete(key);
  };
}

/** Draws waiting (for tests). */
export function pendingDraws(): number {
  return queue.size;
}
