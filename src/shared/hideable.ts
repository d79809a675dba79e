/**
 * What a teacher's link can hide from students: ONE list, read by the link (`hide=alpha,map`),
 * the Teacher's link dialog (one checkbox each) and the page (`<Hideable id>` around each
 * control or panel). Pure data and a parser: no React, no DOM.
 *
 * The ids of the hyperparameters are the link's own keys for them (alpha, gamma, eps, decay,
 * min_eps, ties), so `hide=alpha` hides the control that `alpha=0.5` sets.
 */

/** One thing that can be hidden. */
export interface HideableItem {
  /** Written in the link. */
  readonly id: string;
  /** The checkbox's label in the Teacher's link dialog. */
  readonly label: string;
  /** Where it sits: beside the grid (controls) or below it (panels). */
  readonly group: 'controls' | 'panels';
}

/** Everything a teacher's link can hide, in the order the dialog lists it and a link writes it. */
export const HIDEABLE = [
  { id: 'views', label: 'View switch (V, Q, A, N, |δ|)', group: 'controls' },
  { id: 'link', label: "Copy link and Teacher's link", group: 'controls' },
  { id: 'speed', label: 'Speed', group: 'controls' },
  { id: 'alpha', label: 'Learning rate α slider', group: 'controls' },
  { id: 'gamma', label: 'Discount γ slider', group: 'controls' },
  { id: 'eps', label: 'Exploration ε slider', group: 'controls' },
  { id: 'decay', label: 'ε decay slider', group: 'controls' },
  { id: 'min_eps', label: 'Minimum ε slider', group: 'controls' },
  { id: 'ties', label: 'Tie rule', group: 'controls' },
  { id: 'map', label: 'Map picker', group: 'controls' },
  { id: 'presets', label: 'Presets', group: 'controls' },
  { id: 'display', label: 'Presenter mode, theme and palette', group: 'controls' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'controls' },
  { id: 'lesson', label: 'Guided lesson', group: 'controls' },
  { id: 'convergence', label: 'Convergence notice', group: 'panels' },
  { id: 'inspector', label: 'Step inspector', group: 'panels' },
  { id: 'objectives', label: 'Objectives', group: 'panels' },
  { id: 'curves', label: 'Learning curves', group: 'panels' },
  { id: 'frames', label: 'Frames gallery', group: 'panels' },
  { id: 'target', label: 'Target policy', group: 'panels' },
  { id: 'exports', label: 'Exports', group: 'panels' },
  { id: 'import', label: 'Import a run', group: 'panels' },
  { id: 'tables', label: 'Q and A tables', group: 'panels' },
  { id: 'glossary', label: 'Glossary', group: 'panels' },
  { id: 'optimal', label: 'Optimal values', group: 'panels' },
  { id: 'dp', label: 'Dynamic programming', group: 'panels' },
  { id: 'learner', label: 'What the learner keeps', group: 'panels' },
  { id: 'why8x8', label: 'Why the lesson’s settings fail on 8x8', group: 'panels' },
  { id: 'editor', label: 'Map editor', group: 'panels' },
  { id: 'drive', label: 'Drive it yourself', group: 'panels' },
  { id: 'compare', label: 'Compare algorithms', group: 'panels' },
  { id: 'sweep', label: 'Sweep', group: 'panels' },
  { id: 'seeds', label: 'Seed band and scrubber', group: 'panels' },
  { id: 'puzzles', label: 'Puzzles', group: 'panels' },
] as const satisfies readonly HideableItem[];

/** The id of something hideable, e.g. `'alpha'` or `'glossary'`. */
export type HideableId = (typeof HIDEABLE)[number]['id'];

/** The ids, in list order. */
export const HIDEABLE_IDS: readonly HideableId[] = HIDEABLE.map((h) => h.id);

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
