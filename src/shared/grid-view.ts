/**
 * The grid's colour views, said once: the store keeps the one on screen, the link writes it, the
 * view switch and the shortcuts offer them, and `viz/` draws them.
 */

/**
 * Every view, in the order the switch and the shortcuts list them. `'v'`: V(s) = max_a Q(s, a);
 * `'q'`: Q(s, a); `'a'`: A(s, a) = Q(s, a) − V(s); `'n'`: visit counts N(s, a), with
 * N(s) = Σ_a N(s, a) in the centre; `'td'`: |δ(s, a)|, the size of the latest TD error.
 */
export const GRID_VIEWS = ['v', 'q', 'a', 'n', 'td'] as const;

/** Which view of the grid is drawn (one of `GRID_VIEWS`). */
export type GridView = (typeof GRID_VIEWS)[number];

/** True for a string that names a view. */
export function isGridView(text: string): text is GridView {
  return (GRID_VIEWS as readonly string[]).includes(text);
}
