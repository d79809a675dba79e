/**
 * What a teacher's link can hide from students: ONE list of ids, read by the link
 * (`hide=alpha,map`), the Teacher's link dialog (one checkbox each, labelled in
 * `hideable-items.ts`, which loads with the dialog) and the page (`<Hideable id>` around each
 * control or panel). Pure data and a parser: no React, no DOM.
 *
 * The ids of the hyperparameters are the link's own keys for them (alpha, gamma, eps, decay,
 * min_eps, ties), so `hide=alpha` hides the control that `alpha=0.5` sets.
 */

/**
 * The hyperparameters' controls, by the link's own keys for them (`alpha=0.5` sets what
 * `hide=alpha` hides), in the order a link writes them.
 */
export const PARAM_IDS = ['alpha', 'gamma', 'eps', 'decay', 'min_eps', 'ties'] as const;

/** Everything a teacher's link can hide, in the order the dialog lists it and a link writes it. */
export const HIDEABLE_IDS = [
  'views',
  'link',
  'speed',
  ...PARAM_IDS,
  'map',
  'algorithm',
  'presets',
  'display',
  'shortcuts',
  'lesson',
  'convergence',
  'inspector',
  'objectives',
  'curves',
  'frames',
  'target',
  'exports',
  'import',
  'tables',
  'glossary',
  'optimal',
  'dp',
  'learner',
  'why8x8',
  'editor',
  'drive',
  'compare',
  'sweep',
  'seeds',
  'puzzles',
] as const;

/** The id of something hideable, e.g. `'alpha'` or `'glossary'`. */
export type HideableId = (typeof HIDEABLE_IDS)[number];

/** True for a name the list knows. */
export function isHideableId(name: string): name is HideableId {
  return (HIDEABLE_IDS as readonly string[]).includes(name);
}

/** The ids in list order without repeats (how a link writes them). */
export function orderedHideables(ids: Iterable<HideableId>): HideableId[] {
  const set = new Set(ids);
  return HIDEABLE_IDS.filter((id) => set.has(id));
}

/**
 * Reads a link's `hide` value, names separated by commas (blanks around them ignored). Returns the
 * known ids in list order and the names that are not in the list, as written.
 */
export function parseHideList(text: string): { ids: HideableId[]; unknown: string[] } {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const unknown = names.filter((n) => !isHideableId(n));
  return { ids: orderedHideables(names.filter(isHideableId)), unknown };
}
