/**
 * Two small helpers for building SVG with d3-selection: set many attributes at once, and write a
 * translate/scale transform with short numbers.
 */
import type { BaseType, Selection } from 'd3-selection';

/** An attribute value, or a function of the datum giving one (`null` removes the attribute). */
export type AttrValue<D> = string | number | null | ((d: D, i: number) => string | number | null);

/** Sets every attribute of `values` on the selection and returns it (for chaining). */
export function setAttrs<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  values: Readonly<Record<string, AttrValue<D>>>,
): Selection<E, D, P, PD> {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'function') selection.attr(name, value);
    else selection.attr(name, value);
  }
  return selection;
}

/** `translate(x,y)` or `translate(x,y) scale(k)`, numbers rounded to 2 decimals. */
export function placeAt(x: number, y: number, k = 1): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  return k === 1 ? `translate(${r(x)},${r(y)})` : `translate(${r(x)},${r(y)}) scale(${r(k)})`;
}
