/**
 * Bounded lists that keep spanning everything they were given: the frames gallery, the
 * comparison's curve points.
 */

/**
 * Keeps at most `max` items: while there are too many, drops every other item from the second
 * on, always keeping the first and the newest, so the list spans the whole run at a coarser
 * interval (memory stays bounded however long it trains).
 */
export function thinFrames<T>(items: T[], max: number): T[] {
  let out = items;
  while (out.length > max) {
    const last = out[out.length - 1]!;
    out = out.filter((_, i) => i % 2 === 0 && i !== out.length - 1);
    out.push(last);
  }
  return out;
}
