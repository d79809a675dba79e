/**
 * Keyboard shortcuts: which key does what, and when a key press belongs to a field instead.
 * Pure: the hook in `useShortcuts.ts` wires it to the document.
 */
import type { HideableId } from '../../shared/hideable';
import type { GridView } from '../../shared/grid-view';

/** What a shortcut does. */
export type ShortcutAction =
  | { kind: 'toggle-play' }
  | { kind: 'step' }
  | { kind: 'step-episode' }
  | { kind: 'reset' }
  | { kind: 'view'; view: GridView }
  | { kind: 'help' }
  | { kind: 'presenter' };

/**
 * The control a shortcut stands in for: while a teacher's link hides it, its key does nothing
 * either (a hidden view switch keeps the view the teacher chose).
 */
export const SHORTCUT_CONTROLS: Readonly<Partial<Record<ShortcutAction['kind'], HideableId>>> = {
  view: 'views',
  presenter: 'display',
};

/** The list shown by "?", in order. */
export const SHORTCUTS: readonly { keys: string[]; description: string }[] = [
  { keys: ['Space'], description: 'Play or pause' },
  { keys: ['→', 'S'], description: 'Step: one environment step and one Q update' },
  { keys: ['E'], description: 'Step episode: run until the episode ends' },
  { keys: ['R'], description: 'Reset: Q back to zero, same settings and seed' },
  { keys: ['1', '2', '3'], description: 'Show V(s), Q(s,a) or A(s,a)' },
  { keys: ['4', '5'], description: 'Show visit counts N(s,a) or the latest TD error |δ(s,a)|' },
  { keys: ['P'], description: 'Presenter mode on or off' },
  { keys: ['?'], description: 'Show this list' },
  {
    keys: ['←', '↓', '→', '↑'],
    description: 'In “Drive it yourself”: move the agent one step (there → does not step the run)',
  },
  {
    keys: ['←', '↓', '→', '↑', 'Enter'],
    description: 'In the map editor’s grid: move between tiles; Enter or Space changes one',
  },
];

/** The action for a key, or null. Modifier combinations (Ctrl, Alt, Meta) are never ours. */
export function shortcutFor(event: {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return { kind: 'toggle-play' };
    case 'ArrowRight':
    case 's':
    case 'S':
      return { kind: 'step' };
    case 'e':
    case 'E':
      return { kind: 'step-episode' };
    case 'r':
    case 'R':
      return { kind: 'reset' };
    case '1':
      return { kind: 'view', view: 'v' };
    case '2':
      return { kind: 'view', view: 'q' };
    case '3':
      return { kind: 'view', view: 'a' };
    case '4':
      return { kind: 'view', view: 'n' };
    case '5':
      return { kind: 'view', view: 'td' };
    case 'p':
    case 'P':
      return { kind: 'presenter' };
    case '?':
      return { kind: 'help' };
    default:
      return null;
  }
}

/** The minimal shape of an event target we look at. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

/**
 * True when a key press belongs to what has focus: a text field, a select, a slider (its arrows
 * move it), anything editable — and, for Space and Enter, a button or link (they activate it).
 */
export function belongsToTarget(target: TargetLike | null, key: string): boolean {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (target.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    // A checkbox or radio only takes Space; everything else typed goes to the field.
    const type = (target.type ?? 'text').toLowerCase();
    if (type === 'checkbox' || type === 'radio') return key === ' ' || key.startsWith('Arrow');
    return true;
  }
  if ((tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && (key === ' ' || key === 'Enter'))
    return true;
  return false;
}

/** A group of keys a region can claim. */
export type KeyGroup = 'arrows' | 'enter' | 'space';

/** The group a key belongs to, or null. */
function keyGroup(key: string): KeyGroup | null {
  if (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown')
    return 'arrows';
  if (key === 'Enter') return 'enter';
  if (key === ' ' || key === 'Spacebar') return 'space';
  return null;
}

/**
 * True when `key` belongs to a region whose `OWN_KEYS_ATTRIBUTE` is `claim` (null: no region).
 * A claim of `arrows` takes all four arrow keys, so → moves there instead of stepping the run.
 */
export function claimedByRegion(claim: string | null | undefined, key: string): boolean {
  if (!claim) return false;
  const group = keyGroup(key);
  return group !== null && claim.split(/\s+/).includes(group);
}
