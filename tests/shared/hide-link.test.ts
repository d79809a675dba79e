import { describe, expect, it } from 'vitest';
import { keyLink, studentLink } from '../../src/components/shell/TeacherLink';
import { HIDEABLE } from '../../src/shared/hideable-items';
import {
  HIDEABLE_IDS,
  isHideableId,
  orderedHideables,
  parseHideList,
} from '../../src/shared/hideable';
import { lessonSettings } from '../../src/shared/lesson-run';
import { labQuery } from '../../src/shared/url/lab-link';
import {
  DEFAULT_URL_STATE,
  parseUrlState,
  serializeUrlState,
  URL_KEYS,
} from '../../src/shared/url/url-state';

describe('the hideable list', () => {
  it('has unique ids, each one a word a link can carry unescaped', () => {
    expect(new Set(HIDEABLE_IDS).size).toBe(HIDEABLE.length);
    for (const id of HIDEABLE_IDS) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('names the hyperparameters by their own link keys', () => {
    for (const id of ['alpha', 'gamma', 'eps', 'decay', 'min_eps', 'ties'] as const) {
      expect(isHideableId(id)).toBe(true);
      expect((URL_KEYS as readonly string[]).includes(id)).toBe(true);
    }
  });

  it('orders ids as the list does and drops repeats', () => {
    expect(orderedHideables(['glossary', 'alpha', 'map', 'alpha'])).toEqual([
      'alpha',
      'map',
      'glossary',
    ]);
  });

  it('parses a comma list, ignoring blanks, and sets unknown names apart', () => {
    expect(parseHideList(' gamma , alpha,,map ')).toEqual({
      ids: ['alpha', 'gamma', 'map'],
      unknown: [],
    });
    expect(parseHideList('alpha,Alpha,sliders')).toEqual({
      ids: ['alpha'],
      unknown: ['Alpha', 'sliders'],
    });
  });
});

describe('hide= in the link', () => {
  it('reads hide=alpha,gamma,map into the state, and writes it back last, in list order', () => {
    const { state, notices } = parseUrlState('?seed=3&hide=map,gamma,alpha');
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_URL_STATE, seed: 3, hide: ['alpha', 'gamma', 'map'] });
    expect(serializeUrlState(state)).toBe('seed=3&hide=alpha,gamma,map');
  });

  it('round-trips every hideable at once', () => {
    const text = serializeUrlState({ ...DEFAULT_URL_STATE, hide: [...HIDEABLE_IDS].reverse() });
    expect(text).toBe(`hide=${HIDEABLE_IDS.join(',')}`);
    expect(serializeUrlState(parseUrlState(text).state)).toBe(text);
  });

  it('an empty list writes nothing', () => {
    expect(serializeUrlState({ ...DEFAULT_URL_STATE, hide: [] })).toBe('');
  });

  it('an unknown name is named in a notice and ignored; the known names and the rest apply', () => {
    const { state, notices } = parseUrlState('?alpha=0.5&hide=alpha,sliders,map');
    expect(notices).toEqual([
      `The link's hide="alpha,sliders,map" names "sliders", which the lab cannot hide; it was ignored (it can hide: ${HIDEABLE_IDS.join(', ')}).`,
    ]);
    expect(state.hide).toEqual(['alpha', 'map']);
    expect(state.params.alpha).toBe(0.5);
  });

  it('only unknown names: nothing is hidden, both are named', () => {
    const { state, notices } = parseUrlState('?hide=foo,bar');
    expect(state.hide).toBeUndefined();
    expect(notices[0]).toContain(
      'names "foo", "bar", which the lab cannot hide; they were ignored',
    );
    expect(serializeUrlState(state)).toBe('');
  });

  it('an empty hide= is refused like any empty parameter', () => {
    expect(parseUrlState('?hide=').notices).toEqual([
      "The link's hide has no value and was ignored.",
    ]);
  });
});

describe('the lab and the student link', () => {
  const lab = {
    settings: { ...lessonSettings(), seed: 7 },
    mapName: '4x4' as const,
    speed: 20 as const,
    view: 'n' as const,
  };

  it('the page keeps what it hides in its own address', () => {
    expect(labQuery({ ...lab, hidden: ['map', 'speed'] }, '')).toBe('seed=7&view=n&hide=speed,map');
  });

  it('the student link is the lab’s link with the chosen hide list, on the page’s address', () => {
    expect(
      studentLink(lab, new Set(['glossary', 'alpha'] as const), 'http://lab.test/ice/?seed=1#x'),
    ).toBe('http://lab.test/ice/?seed=7&view=n&hide=alpha,glossary#x');
    // Nothing chosen: no hide at all, even if the teacher's own page hides something.
    expect(studentLink({ ...lab, hidden: ['map'] }, [], 'http://lab.test/')).toBe(
      'http://lab.test/?seed=7&view=n',
    );
  });

  it('the key link opens this lab at the puzzles tab with the teacher’s key, hiding nothing', () => {
    const link = keyLink({ ...lab, hidden: ['map'] }, 'http://lab.test/ice/?seed=1&puzzle=2#x');
    expect(link).toBe('http://lab.test/ice/?seed=7&view=n&tab=puzzles&puzzle=key#x');
    const state = parseUrlState(new URL(link).search).state;
    expect(state.puzzle).toBe('key');
    expect(state.display?.tab).toBe('puzzles');
    expect(state.hide).toBeUndefined();
  });
});
