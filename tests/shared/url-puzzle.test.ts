import { describe, expect, it } from 'vitest';
import { labQuery } from '../../src/shared/url/lab-link';
import { parseUrlState, serializeUrlState } from '../../src/shared/url/url-state';
import { lessonSettings } from '../../src/shared/lesson-run';
import { PUZZLE_COUNT } from '../../src/rl/puzzle-count';

describe('the link’s puzzle=', () => {
  it('puzzle=2 opens the puzzles tab at puzzle 2, and writes back the same', () => {
    const { state, notices } = parseUrlState('?puzzle=2');
    expect(notices).toEqual([]);
    expect(state.puzzle).toBe(2);
    expect(state.display?.tab).toBe('puzzles');
    expect(serializeUrlState(state)).toBe('tab=puzzles&puzzle=2');
  });

  it('puzzle=key is the teacher’s key; a tab the link names wins', () => {
    const { state } = parseUrlState('?tab=glossary&puzzle=key');
    expect(state.puzzle).toBe('key');
    expect(state.display?.tab).toBe('glossary');
  });

  it('a puzzle that does not exist is named in a notice and ignored; the rest applies', () => {
    const { state, notices } = parseUrlState(`?seed=3&puzzle=${PUZZLE_COUNT + 1}`);
    expect(state.puzzle).toBeUndefined();
    expect(state.seed).toBe(3);
    expect(state.display?.tab).toBeUndefined();
    expect(notices).toEqual([
      `The link's puzzle="${PUZZLE_COUNT + 1}" was ignored: Puzzle must be a whole number from 1 to ${PUZZLE_COUNT}; got ${PUZZLE_COUNT + 1}.`,
    ]);
    expect(parseUrlState('?puzzle=x').state.puzzle).toBeUndefined();
    expect(parseUrlState('?puzzle=1&puzzle=3').state.puzzle).toBe(3);
  });

  it('the address the lab writes keeps the puzzle the page was opened with', () => {
    const lab = { settings: { ...lessonSettings('4x4'), seed: 5 }, speed: 20, view: 'v' } as const;
    expect(labQuery(lab, '?puzzle=3')).toBe('seed=5&puzzle=3');
    expect(labQuery(lab, '?seed=1')).toBe('seed=5');
  });
});
