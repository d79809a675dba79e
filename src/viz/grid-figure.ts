/**
 * A captioned figure that hosts a mini grid: `<figure>` holding a `<figcaption>` and the `<div>`
 * the grid mounts in, as the comparison cards and the optimal overlay draw them.
 */
import type { BaseType, Selection } from 'd3-selection';

/** Class names of the figure's parts; an absent one leaves the element without a class. */
export interface GridFigureClasses {
  figure?: string;
  caption?: string;
  host?: string;
}

/** The parts of a mounted figure. */
export interface GridFigure {
  figure: Selection<HTMLElement, unknown, null, undefined>;
  caption: Selection<HTMLElement, unknown, null, undefined>;
  /** The element to mount the grid in. */
  host: Selection<HTMLDivElement, unknown, null, undefined>;
}

/** Appends a figure with an empty caption and grid host to `parent`. */
export function appendGridFigure<P extends BaseType>(
  parent: Selection<P, unknown, null, undefined>,
  classes: GridFigureClasses = {},
): GridFigure {
  const figure = parent.append('figure').attr('class', classes.figure ?? null);
  const caption = figure.append('figcaption').attr('class', classes.caption ?? null);
  const host = figure.append('div').attr('class', classes.host ?? null);
  return { figure, caption, host };
}
