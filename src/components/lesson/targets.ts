/**
 * The controls the guided lesson can highlight, and the data attribute that marks them on the
 * page. A control opts in with `{...lessonTarget('step')}`; the lesson finds it by the attribute.
 */
import type { DockTab } from '../../shared/dock-tabs';

/**
 * Controls a chapter can highlight. Each is found on the page by `data-lesson-target="<name>"`
 * (see `LESSON_TARGET_ATTR`), and named for screen readers by `LESSON_TARGETS[name]`.
 */
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
} as const;

/** A control a chapter can highlight. */
export type LessonTarget = keyof typeof LESSON_TARGETS;

/** The data attribute that marks a control a chapter can highlight. */
export const LESSON_TARGET_ATTR = 'data-lesson-target';

/** The attribute that marks a control as the lesson's `name` target (spread it onto the element). */
export function lessonTarget(name: LessonTarget): { 'data-lesson-target': LessonTarget } {
  return { [LESSON_TARGET_ATTR]: name };
}

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
