import { describe, expect, it } from 'vitest';
import {
  belongsToTarget,
  claimedByRegion,
  shortcutFor,
} from '../../src/components/shell/shortcuts';

describe('shortcuts', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor({ key: ' ' })).toEqual({ kind: 'toggle-play' });
    expect(shortcutFor({ key: 'ArrowRight' })).toEqual({ kind: 'step' });
    expect(shortcutFor({ key: 's' })).toEqual({ kind: 'step' });
    expect(shortcutFor({ key: 'E' })).toEqual({ kind: 'step-episode' });
    expect(shortcutFor({ key: 'r' })).toEqual({ kind: 'reset' });
    expect(shortcutFor({ key: '1' })).toEqual({ kind: 'view', view: 'v' });
    expect(shortcutFor({ key: '2' })).toEqual({ kind: 'view', view: 'q' });
    expect(shortcutFor({ key: '3' })).toEqual({ kind: 'view', view: 'a' });
    expect(shortcutFor({ key: '4' })).toEqual({ kind: 'view', view: 'n' });
    expect(shortcutFor({ key: '5' })).toEqual({ kind: 'view', view: 'td' });
    expect(shortcutFor({ key: '?' })).toEqual({ kind: 'help' });
    expect(shortcutFor({ key: 'p' })).toEqual({ kind: 'presenter' });
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });

  it('leaves browser shortcuts alone', () => {
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'ArrowRight', altKey: true })).toBeNull();
    expect(shortcutFor({ key: 's', metaKey: true })).toBeNull();
  });

  it('never takes a key typed into a field, a select or a slider', () => {
    for (const type of ['text', 'number', 'range', 'search'])
      for (const key of [' ', 's', '1', 'ArrowRight'])
        expect(belongsToTarget({ tagName: 'INPUT', type }, key)).toBe(true);
    expect(belongsToTarget({ tagName: 'TEXTAREA' }, 'r')).toBe(true);
    expect(belongsToTarget({ tagName: 'SELECT' }, '2')).toBe(true);
    expect(belongsToTarget({ tagName: 'DIV', isContentEditable: true }, 'e')).toBe(true);
  });

  it('lets Space and Enter activate a focused button, but not other keys', () => {
    expect(belongsToTarget({ tagName: 'BUTTON' }, ' ')).toBe(true);
    expect(belongsToTarget({ tagName: 'BUTTON' }, 'Enter')).toBe(true);
    expect(belongsToTarget({ tagName: 'BUTTON' }, 's')).toBe(false);
    expect(belongsToTarget({ tagName: 'INPUT', type: 'checkbox' }, ' ')).toBe(true);
    expect(belongsToTarget({ tagName: 'INPUT', type: 'checkbox' }, 'r')).toBe(false);
    expect(belongsToTarget({ tagName: 'BODY' }, ' ')).toBe(false);
    expect(belongsToTarget(null, ' ')).toBe(false);
  });
});

describe('claimedByRegion', () => {
  it('a region claiming arrows keeps all four, so → moves there instead of stepping', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'])
      expect(claimedByRegion('arrows', key)).toBe(true);
    expect(claimedByRegion('arrows', 's')).toBe(false);
    expect(claimedByRegion('arrows', ' ')).toBe(false);
    expect(claimedByRegion('arrows', 'Enter')).toBe(false);
  });

  it('reads several groups separated by spaces', () => {
    expect(claimedByRegion('arrows enter space', 'Enter')).toBe(true);
    expect(claimedByRegion('arrows enter space', ' ')).toBe(true);
    expect(claimedByRegion('arrows enter space', 'r')).toBe(false);
  });

  it('claims nothing outside a region', () => {
    expect(claimedByRegion(null, 'ArrowRight')).toBe(false);
    expect(claimedByRegion(undefined, 'ArrowRight')).toBe(false);
    expect(claimedByRegion('', 'ArrowRight')).toBe(false);
  });
});
