import type { GridView } from '../../shared/grid-view';

/** The view switch's short label per view (its radio buttons' accessible names). */
export const VIEW_SWITCH_LABELS: Readonly<Record<GridView, string>> = {
  v: 'V(s)',
  q: 'Q(s,a)',
  a: 'A(s,a)',
  n: 'N(s,a)',
  td: '|δ(s,a)|',
};
