import { describe, expect, it } from 'vitest';
import { lessonSettings } from '../../src/shared/lesson-run';
import { labQuery } from '../../src/shared/url/lab-link';
import {
  DEFAULT_URL_STATE,
  parseUrlState,
  serializeUrlState,
} from '../../src/shared/url/url-state';

describe('the guided lesson’s chapter in the link', () => {
  it('opens the chapter it names, and writes it back', () => {
    const { state, notices } = parseUrlState('?chapter=3', { chapters: 10 });
    expect(notices).toEqual([]);
    expect(state.chapter).toBe(3);
    expect(serializeUrlState(state)).toBe('chapter=3');
  });

  it('refuses a malformed or missing chapter with a notice, and changes nothing else', () => {
    for (const [text, got] of [
      ['three', 'NaN'],
      ['0', '0'],
      ['11', '11'],
      ['2.5', '2.5'],
    ]) {
      const { state, notices } = parseUrlState(`?map=8x8&chapter=${text}&alpha=0.5`, {
        chapters: 10,
      });
      expect(notices).toEqual([
        `The link's chapter="${text}" was ignored: Lesson chapter must be a whole number from 1 to 10; got ${got}.`,
      ]);
      expect(state.chapter).toBeUndefined();
      expect(state.map).toEqual({ kind: 'named', name: '8x8' });
      expect(state.params.alpha).toBe(0.5);
    }
  });

  it('leaves it out while the lesson is closed', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
    const lab = {
      settings: lessonSettings(),
      mapName: '4x4' as const,
      speed: 20,
      view: 'v' as const,
    };
    expect(labQuery({ ...lab, lessonChapter: null }, '')).toBe('');
    expect(labQuery({ ...lab, lessonChapter: 6 }, '')).toBe('chapter=6');
  });
});
