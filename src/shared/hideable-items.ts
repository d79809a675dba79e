/**
 * The Teacher's link dialog's words for each hideable id (`hideable.ts`): its checkbox label and
 * its group. Apart from the ids so that they load with the dialog, not with the page; the
 * `Record` over `HideableId` makes the compiler refuse an id without a label.
 */
import { HIDEABLE_IDS, type HideableId } from './hideable';

/** One thing that can be hidden. */
export interface HideableItem {
  /** Written in the link. */
  readonly id: HideableId;
  /** The checkbox's label in the Teacher's link dialog. */
  readonly label: string;
  /** Where it sits: beside the grid (controls) or below it (panels). */
  readonly group: 'controls' | 'panels';
}

const DETAILS: Readonly<Record<HideableId, Omit<HideableItem, 'id'>>> = {
  views: { label: 'View switch (V, Q, A, N, |δ|)', group: 'controls' },
  link: { label: "Copy link and Teacher's link", group: 'controls' },
  speed: { label: 'Speed', group: 'controls' },
  alpha: { label: 'Learning rate α slider', group: 'controls' },
  gamma: { label: 'Discount γ slider', group: 'controls' },
  eps: { label: 'Exploration ε slider', group: 'controls' },
  decay: { label: 'ε decay slider', group: 'controls' },
  min_eps: { label: 'Minimum ε slider', group: 'controls' },
  ties: { label: 'Tie rule', group: 'controls' },
  map: { label: 'Map picker', group: 'controls' },
  algorithm: { label: 'Algorithm picker', group: 'controls' },
  presets: { label: 'Presets', group: 'controls' },
  display: { label: 'Presenter mode, theme and palette', group: 'controls' },
  shortcuts: { label: 'Keyboard shortcuts', group: 'controls' },
  lesson: { label: 'Guided lesson', group: 'controls' },
  convergence: { label: 'Convergence notice', group: 'panels' },
  inspector: { label: 'Step inspector', group: 'panels' },
  objectives: { label: 'Objectives', group: 'panels' },
  curves: { label: 'Learning curves', group: 'panels' },
  frames: { label: 'Frames gallery', group: 'panels' },
  target: { label: 'Target policy', group: 'panels' },
  exports: { label: 'Exports', group: 'panels' },
  import: { label: 'Import a run', group: 'panels' },
  tables: { label: 'Q and A tables', group: 'panels' },
  glossary: { label: 'Glossary', group: 'panels' },
  optimal: { label: 'Optimal values', group: 'panels' },
  dp: { label: 'Dynamic programming', group: 'panels' },
  learner: { label: 'What the learner keeps', group: 'panels' },
  why8x8: { label: 'Why the lesson’s settings fail on 8x8', group: 'panels' },
  editor: { label: 'Map editor', group: 'panels' },
  drive: { label: 'Drive it yourself', group: 'panels' },
  compare: { label: 'Compare algorithms', group: 'panels' },
  sweep: { label: 'Sweep', group: 'panels' },
  seeds: { label: 'Seed band and scrubber', group: 'panels' },
  puzzles: { label: 'Puzzles', group: 'panels' },
};

/** Everything a teacher's link can hide, in the list's order, with the dialog's words. */
export const HIDEABLE: readonly HideableItem[] = HIDEABLE_IDS.map((id) => ({ id, ...DETAILS[id] }));
