/**
 * The controls the guided lesson can highlight, and the data attribute that marks them on the
 * page. A control opts in with `{...lessonTarget('step')}`; the lesson finds it by the attribute.
 * Their names and dock tabs are in `target-names.ts`, which only the lazily loaded lesson reads.
 */

/**
 * Controls a chapter can highlight. Each is found on the page by `data-lesson-target="<name>"`
 * (see `LESSON_TARGET_ATTR`), and named for screen readers by `LESSON_TARGETS[name]`.
 */
export type LessonTarget =
  | 'grid'
  | 'step'
  | 'step-episode'
  | 'play'
  | 'speed'
  | 'view'
  | 'epsilon'
  | 'decay'
  | 'alpha'
  | 'inspector'
  | 'objectives'
  | 'frames'
  | 'target-policy';

/** The data attribute that marks a control a chapter can highlight. */
export const LESSON_TARGET_ATTR = 'data-lesson-target';

/** The attribute that marks a control as the lesson's `name` target (spread it onto the element). */
export function lessonTarget(name: LessonTarget): { 'data-lesson-target': LessonTarget } {
  return { [LESSON_TARGET_ATTR]: name };
}
