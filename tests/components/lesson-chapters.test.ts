import { describe, expect, it } from 'vitest';
import { CHAPTERS, SEED_CONCEPTS } from '../../src/components/lesson/chapters';
import { lessonTarget } from '../../src/components/lesson/targets';
import { LESSON_TARGETS, targetTab } from '../../src/components/lesson/target-names';
import {
  chapterAt,
  chapterRun,
  chapterTab,
  planSetup,
  rememberedChapter,
  sameRun,
} from '../../src/components/lesson/setup';
import { MAPS } from '../../src/rl/maps';
import { LESSON_PARAMS } from '../../src/rl/params';
import { lessonSettings } from '../../src/store/lab-store';

/** Sentences of a text: a stop followed by a blank and a capital, or the end. */
function sentences(text: string): number {
  return (text.match(/[.!?](?=\s+[A-Z]|$)/g) ?? []).length;
}

describe('the guided lesson’s chapters', () => {
  it('cover every concept of the seed lesson', () => {
    const taught = new Set(CHAPTERS.flatMap((c) => c.concepts));
    const missing = SEED_CONCEPTS.filter((c) => !taught.has(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('meet the concepts in the seed’s order, each in one chapter', () => {
    const order = CHAPTERS.flatMap((c) => c.concepts);
    expect(order).toEqual(SEED_CONCEPTS.map((c) => c.id));
  });

  it('say each chapter in two or three sentences and give one thing to do', () => {
    for (const c of CHAPTERS) {
      expect(sentences(c.text), c.id).toBeGreaterThanOrEqual(2);
      expect(sentences(c.text), c.id).toBeLessThanOrEqual(3);
      expect(c.task, c.id).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('have unique ids and set the lab up with things that exist', () => {
    expect(new Set(CHAPTERS.map((c) => c.id)).size).toBe(CHAPTERS.length);
    for (const c of CHAPTERS) {
      expect(Object.keys(LESSON_TARGETS), c.id).toContain(c.setup.highlight);
      const cells = MAPS[c.setup.map].join('').length;
      if (c.setup.cell !== null) expect(c.setup.cell, c.id).toBeLessThan(cells);
    }
  });

  it('ask every required kind of question', () => {
    const kinds = new Set(CHAPTERS.map((c) => c.question).filter(Boolean));
    for (const k of ['greedy-action', 'q-update', 'advantage', 'explore-exploit', 'why-decay'])
      expect(kinds).toContain(k);
  });
});

describe('chapter setup', () => {
  const epsilonChapter = CHAPTERS.find((c) => c.id === 'epsilon-greedy')!;

  it('runs a chapter on the lesson’s settings with its map, seed and hyperparameters', () => {
    const run = chapterRun(epsilonChapter);
    expect(sameRun(run, lessonSettings('4x4', 0))).toBe(true);
    expect(run.params).toEqual({ ...LESSON_PARAMS, epsilon: 0.5 });
  });

  it('keeps the run on screen when it already is the chapter’s, untouched, changing only ε live', () => {
    const plan = planSetup(epsilonChapter, {
      settings: lessonSettings('4x4', 0),
      params: { ...LESSON_PARAMS },
      totalSteps: 0,
    });
    expect(plan).toEqual({ fresh: false, losesRun: false, paramChange: { epsilon: 0.5 } });
  });

  it('never continues a run with steps (episode numbers would stack up chapter after chapter)', () => {
    const lab = { settings: lessonSettings('4x4', 0), params: { ...LESSON_PARAMS }, runId: 7 };
    // The user's own run (not the lesson's): a fresh run, asked for first.
    expect(planSetup(epsilonChapter, { ...lab, totalSteps: 1234 }, null)).toMatchObject({
      fresh: true,
      losesRun: true,
    });
    // The run an earlier chapter started: replaced without asking.
    expect(planSetup(epsilonChapter, { ...lab, totalSteps: 1234 }, 7)).toMatchObject({
      fresh: true,
      losesRun: false,
    });
  });

  it('trains a chapter’s own run through the budget even from an untouched run', () => {
    const trained = CHAPTERS.find((c) => c.setup.start === 'trained')!;
    const plan = planSetup(trained, {
      settings: lessonSettings('4x4', 0),
      params: { ...LESSON_PARAMS },
      totalSteps: 0,
    });
    expect(plan).toEqual({ fresh: true, losesRun: false, paramChange: {} });
  });

  it('opens the dock tab holding the chapter’s target, or the one it watches', () => {
    const byId = (id: string) => CHAPTERS.find((c) => c.id === id)!;
    expect(chapterTab(byId('evaluation'))).toBe('target');
    expect(chapterTab(byId('training-loop'))).toBe('frames');
    expect(chapterTab(byId('maze'))).toBeNull();
    for (const c of CHAPTERS) {
      const holder = targetTab(c.setup.highlight);
      if (holder !== null) expect(chapterTab(c), c.id).toBe(holder);
    }
  });

  it('set a watchable speed in every chapter: none runs the lesson’s 10,000 episodes in a blink', () => {
    // At s steps per second the lesson's run (about 36 steps an episode once learned) lasts
    // 10,000 · 36 / s seconds: at most 10,000 steps/s keeps it over half a minute.
    for (const c of CHAPTERS) {
      expect(c.setup.speed, c.id).not.toBe('max');
      expect(c.setup.speed as number, c.id).toBeLessThanOrEqual(10_000);
    }
  });

  it('asks before replacing a run with steps, and not before replacing an empty one', () => {
    const other = lessonSettings('8x8', 7);
    const base = { settings: other, params: { ...LESSON_PARAMS } };
    expect(planSetup(CHAPTERS[0]!, { ...base, totalSteps: 5 })).toMatchObject({
      fresh: true,
      losesRun: true,
    });
    expect(planSetup(CHAPTERS[0]!, { ...base, totalSteps: 0 })).toMatchObject({
      fresh: true,
      losesRun: false,
    });
  });

  it('numbers chapters from 1 and resumes at the remembered one', () => {
    expect(chapterAt(1)).toBe(CHAPTERS[0]);
    expect(chapterAt(0)).toBeUndefined();
    expect(chapterAt(CHAPTERS.length + 1)).toBeUndefined();
    expect(chapterAt(2.5)).toBeUndefined();
    expect(rememberedChapter({ getItem: () => '4' })).toBe(4);
    expect(rememberedChapter({ getItem: () => 'seven' })).toBe(1);
    expect(rememberedChapter({ getItem: () => null })).toBe(1);
    expect(
      rememberedChapter({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe(1);
    expect(rememberedChapter(null)).toBe(1);
  });

  it('marks a control with the data attribute the lesson looks for', () => {
    expect(lessonTarget('step')).toEqual({ 'data-lesson-target': 'step' });
  });
});
