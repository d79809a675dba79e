/** DOM helpers of the curves: text widths without a forced layout, visually hidden, shown. */
import type { Selection } from 'd3-selection';

/** Rough advance of one character at the chart's 13 px font, where text cannot be measured (jsdom). */
const CHAR_WIDTH = 7.1;

/**
 * Width of a text in user units: measured with the text's own font on a canvas (which, unlike
 * `getComputedTextLength`, does not force a layout of the chart in the middle of a draw), else
 * estimated from its character count where there is no layout (jsdom).
 */
export function textWidth(node: SVGTextContentElement | null, chars: number): number {
  const text = node?.textContent ?? '';
  const cached = node ? measuredWidths.get(node) : undefined;
  if (cached && cached.text === text) return cached.width;
  const measured = node ? measureText(node, text) : 0;
  if (node && measured > 0) measuredWidths.set(node, { text, width: measured });
  return measured > 0 ? measured : chars * CHAR_WIDTH;
}

/** Text widths measured so far, per node. */
const measuredWidths = new WeakMap<SVGTextContentElement, { text: string; width: number }>();
/** Each text node's font, read once from its computed style. */
const nodeFonts = new WeakMap<SVGTextContentElement, string>();
let measureContext: CanvasRenderingContext2D | null | undefined;

/** `text`'s width in `node`'s font, or 0 where the browser lays out no text. */
function measureText(node: SVGTextContentElement, text: string): number {
  if (typeof node.getComputedTextLength !== 'function') return 0;
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return node.getComputedTextLength();
  let font = nodeFonts.get(node);
  if (font === undefined) {
    const style = getComputedStyle(node);
    font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    nodeFonts.set(node, font);
  }
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** Hides an element visually but keeps it for screen readers (styles through the CSSOM: CSP-safe). */
export function visuallyHidden<E extends HTMLElement>(
  sel: Selection<E, unknown, null, undefined>,
): Selection<E, unknown, null, undefined> {
  return sel
    .style('position', 'absolute')
    .style('width', '1px')
    .style('height', '1px')
    .style('margin', '-1px')
    .style('padding', '0')
    .style('border', '0')
    .style('overflow', 'hidden')
    .style('clip-path', 'inset(50%)')
    .style('white-space', 'nowrap');
}

/** A D3 selection of one SVG group. */
export type G = Selection<SVGGElement, unknown, null, undefined>;

/** Shows or hides an element (visibility keeps its place in the DOM). */
export function shown<E extends Element>(
  el: Selection<E, unknown, null, undefined>,
  on: boolean,
): Selection<E, unknown, null, undefined> {
  return el.attr('visibility', on ? null : 'hidden');
}
