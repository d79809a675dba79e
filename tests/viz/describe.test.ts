// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import {
  captionParts,
  cellTitle,
  gridLabel,
  isTerminalTile,
  plainCaption,
  stepLabel,
  tileLetter,
  trajectoryOutcome,
} from '../../src/viz/describe';
import { formatValue } from '../../src/viz/format';
import { MAP_4X4 } from './fixtures';

describe('describe', () => {
  test('tileLetter reads row ⌊s / ncol⌋, column s mod ncol', () => {
    expect([0, 5, 7, 11, 12, 15].map((s) => tileLetter(MAP_4X4, 4, s))).toEqual([
      'S',
      'H',
      'H',
      'H',
      'H',
      'G',
    ]);
    expect(tileLetter(MAP_4X4, 4, 99)).toBe('F');
    expect(isTerminalTile('H') && isTerminalTile('G')).toBe(true);
    expect(isTerminalTile('S') || isTerminalTile('F')).toBe(false);
  });

  test('a hole title counts rows and columns from 1', () => {
    expect(cellTitle({ state: 5, ncol: 4, tile: 'H', value: 0, greedyMask: 15 })).toBe(
      'State 5 (row 2, column 2), hole. V = 0.00, the episode ends here.',
    );
  });

  test('a live cell title gives V and the greedy actions, ties marked', () => {
    expect(cellTitle({ state: 0, ncol: 4, tile: 'S', value: 0, greedyMask: 0b1111 })).toBe(
      'State 0 (row 1, column 1), start. V = 0.00. Greedy: Left, Down, Right, Up (tie).',
    );
    expect(cellTitle({ state: 14, ncol: 4, tile: 'F', value: 0.734, greedyMask: 0b0100 })).toBe(
      'State 14 (row 4, column 3), frozen. V = 0.73. Greedy: Right.',
    );
  });

  test('gridLabel names the map size and the view', () => {
    expect(gridLabel(4, 4, 'v')).toBe('Ice Maze 4 by 4, view: state values V');
    expect(gridLabel(8, 8, 'a', 'Lake')).toBe('Lake 8 by 8, view: advantages A');
  });

  test('formatValue: 2 decimals, true minus, no negative zero, a dash for non-finite', () => {
    expect(formatValue(0.5)).toBe('0.50');
    expect(formatValue(-0.35)).toBe('−0.35');
    expect(formatValue(-0)).toBe('0.00');
    expect(formatValue(-0.001)).toBe('0.00');
    expect(formatValue(NaN)).toBe('–');
  });

  test('trajectoryOutcome: goal and hole by the last tile, timeout when truncated', () => {
    expect(trajectoryOutcome(MAP_4X4, 4, 15, true, false)).toBe('goal');
    expect(trajectoryOutcome(MAP_4X4, 4, 5, true, false)).toBe('hole');
    expect(trajectoryOutcome(MAP_4X4, 4, 6, false, true)).toBe('timeout');
    expect(trajectoryOutcome(MAP_4X4, 4, 6, false, false)).toBeNull();
  });

  test('stepLabel says what happened', () => {
    expect(stepLabel(false, false)).toBe('');
    expect(stepLabel(false, true)).toBe('slipped!');
    expect(stepLabel(true, true)).toBe('random (ε) · slipped!');
  });

  test('captions: _x is a subscript, and reads as "over x" in plain text', () => {
    expect(captionParts('V(s) = max_a Q(s,a)')).toEqual([
      { text: 'V(s) = max', sub: false },
      { text: 'a', sub: true },
      { text: ' Q(s,a)', sub: false },
    ]);
    expect(captionParts('Q(s,a)')).toEqual([{ text: 'Q(s,a)', sub: false }]);
    expect(plainCaption('V(s) = max_a Q(s,a)')).toBe('V(s) = max over a Q(s,a)');
  });
});
