/**
 * What the guided lesson says about the controls it highlights: each target's name for screen
 * readers and the panel's "Highlighted:" line, and the dock tab that holds the targets living in
 * the dock. Apart from `targets.ts` because only the lesson (loaded lazily) reads them, while the
 * controls that carry the mark are on the first screen.
 */
import type { DockTab } from '../../shared/dock-tabs';
import type { LessonTarget } from './targets';

/** How the lesson names each target (`LESSON_TARGETS[name]`). */
export const LESSON_TARGETS = {
  grid: 'the Ice Maze grid',
  step: 'the Step button',
  'step-episode': 'the Step episode button',
  play: 'the Play button',
  speed: 'the Speed slider',
  view: 'the Show switch (V, Q or A)',
  epsilon: 'the Exploration ε slider',
  decay: 'the ε decay slider',
  alpha: 'the Learning rate α slider',
  inspector: 'the Step inspector',
  objectives: 'the Objectives panel',
  frames: 'the Frames gallery',
  'target-policy': 'the Behaviour vs target policy panel',
} as const satisfies Record<LessonTarget, string>;

/**
 * The dock tab that holds a target, for the targets that live in the dock; the others are on the
 * first screen (the top bar, the maze, the update and objectives columns) and need no tab.
 */
const TARGET_TABS: Partial<Record<LessonTarget, DockTab>> = {
  frames: 'frames',
  'target-policy': 'target',
};

/** The dock tab to open so `target` is on the page, or `null` when it is on the first screen. */
export function targetTab(target: LessonTarget): DockTab | null {
  return TARGET_TABS[target] ?? null;
}
