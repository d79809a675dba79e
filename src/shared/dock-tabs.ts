/**
 * The dock's tabs: ONE list of ids, read by the link (`tab=curves`), the display settings (the
 * open tab) and the page's dock (which draws a tab for each). Pure data: no React, no DOM.
 */

/** The dock's tabs, in the order the tab strip shows them. */
export const DOCK_TAB_IDS = [
  'curves',
  'frames',
  'target',
  'tables',
  'optimal',
  'dp',
  'learner',
  'compare',
  'sweep',
  'seeds',
  'editor',
  'io',
  'glossary',
  'puzzles',
] as const;

/** One tab of the dock, e.g. `'curves'`. */
export type DockTab = (typeof DOCK_TAB_IDS)[number];

/** True for a name the dock has a tab for. */
export function isDockTab(name: string): name is DockTab {
  return (DOCK_TAB_IDS as readonly string[]).includes(name);
}
