/**
 * A list of named numbers: `<dl>` with one `<div data-key>` per row holding its `<dt>` term and
 * its `<dd>` value, the markup the comparison cards and the optimal overlay share (the page's CSS
 * lays the rows out by `div`, tests find them by `data-key`).
 */
import type { BaseType, Selection } from 'd3-selection';

/** A `<dd>` a row's value is written into. */
export type TermValue = Selection<HTMLElement, unknown, null, undefined>;

/**
 * Appends an empty `<dl class=className>` to `parent`; the function returned appends one row
 * (`key`, `term`) and returns its value cell.
 */
export function appendTermList<P extends BaseType>(
  parent: Selection<P, unknown, null, undefined>,
  className: string,
): (key: string, term: string) => TermValue {
  const list = parent.append('dl').attr('class', className);
  return (key, term) => {
    const row = list.append('div').attr('data-key', key);
    row.append('dt').text(term);
    return row.append('dd');
  };
}
