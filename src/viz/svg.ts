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

/**
 * Sets attribute `name` to `value` (`null` removes it) on each node of the selection where it
 * differs, and returns the selection. A write runs the browser's attribute-change path and
 * queues a mutation record whatever the value: at full speed the grid rewrote about 170
 * attributes a second with the values they already had (counted with a MutationObserver).
 */
export function setAttrIfChanged<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  name: string,
  value: string | number | null,
): Selection<E, D, P, PD> {
  const text = value === null ? null : String(value);
  selection.each(function () {
    // d3's BaseType admits null and windows; only elements carry attributes.
    if (!(this instanceof Element) || this.getAttribute(name) === text) return;
    if (text === null) this.removeAttribute(name);
    else this.setAttribute(name, text);
  });
  return selection;
}

/** `translate(x,y)` or `translate(x,y) scale(k)`, numbers rounded to 2 decimals. */
export function placeAt(x: number, y: number, k = 1): string {
  const r = (n: number) => Math.round(n * 100) / 100;
  return k === 1 ? `translate(${r(x)},${r(y)})` : `translate(${r(x)},${r(y)}) scale(${r(k)})`;
}
