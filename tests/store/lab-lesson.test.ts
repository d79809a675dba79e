import { describe, expect, it } from 'vitest';
import { labWithWorkers } from './lab-with-workers';

describe('lab store: the guided lesson and a teacher’s link', () => {
  it('a plain page opens with the lesson closed and nothing hidden', () => {
    const { store } = labWithWorkers();
    const s = store.getState();
    expect(s.lessonChapter).toBeNull();
    expect(s.hidden).toEqual([]);
    expect(s.showHidden).toBe(false);
    s.dispose();
  });

  it('a link’s chapter and hidden controls are what the page opens with', () => {
    const { store } = labWithWorkers({ lessonChapter: 3, hidden: ['alpha', 'glossary'] });
    const s = store.getState();
    expect(s.lessonChapter).toBe(3);
    expect(s.hidden).toEqual(['alpha', 'glossary']);
    // The teacher still has to ask to see them.
    expect(s.showHidden).toBe(false);
    s.dispose();
  });

  it('opening a chapter, moving on and closing the lesson is held in the store', () => {
    const { store } = labWithWorkers();
    store.getState().setLessonChapter(1);
    expect(store.getState().lessonChapter).toBe(1);
    store.getState().setLessonChapter(4);
    expect(store.getState().lessonChapter).toBe(4);
    store.getState().setLessonChapter(null);
    expect(store.getState().lessonChapter).toBeNull();
    store.getState().dispose();
  });

  it('showing what the link hides and hiding it again keeps the link’s list', () => {
    const { store } = labWithWorkers({ hidden: ['map'] });
    store.getState().setShowHidden(true);
    expect(store.getState().showHidden).toBe(true);
    expect(store.getState().hidden).toEqual(['map']);
    store.getState().setShowHidden(false);
    expect(store.getState().showHidden).toBe(false);
    expect(store.getState().hidden).toEqual(['map']);
    store.getState().dispose();
  });

  it('the lesson’s actions leave the run and the other fields as they were', () => {
    const { store } = labWithWorkers();
    store.getState().step();
    store.getState().snapshotDrawn();
    const before = store.getState();
    store.getState().setLessonChapter(2);
    store.getState().setShowHidden(true);
    const after = store.getState();
    expect(after.totalSteps).toBe(before.totalSteps);
    expect(after.env).toBe(before.env);
    expect(after.params).toBe(before.params);
    expect(after.display).toBe(before.display);
    store.getState().dispose();
  });
});
