import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY } from '../../src/shared/display';
import { DOCK_TAB_IDS, isDockTab } from '../../src/shared/dock-tabs';
import { lessonSettings } from '../../src/shared/lesson-run';
import { labQuery } from '../../src/shared/url/lab-link';
import {
  DEFAULT_URL_STATE,
  parseUrlState,
  serializeUrlState,
} from '../../src/shared/url/url-state';

describe('the dock’s open tab in the link', () => {
  it('opens the tab it names, and writes it back last', () => {
    const { state, notices } = parseUrlState('?tab=tables&theme=dark');
    expect(notices).toEqual([]);
    expect(state.display).toEqual({ theme: 'dark', tab: 'tables' });
    expect(serializeUrlState(state)).toBe('theme=dark&tab=tables');
  });

  it('reads back every tab it writes', () => {
    for (const tab of DOCK_TAB_IDS) {
      const query = serializeUrlState({ ...DEFAULT_URL_STATE, display: { tab } });
      expect(query).toBe(`tab=${tab}`);
      expect(parseUrlState(query).state.display?.tab).toBe(tab);
    }
  });

  it('refuses a malformed tab with a notice naming the tabs, and changes nothing else', () => {
    for (const text of ['Curves', 'chart', '1', 'curves,frames']) {
      const { state, notices } = parseUrlState(
        `?map=8x8&tab=${encodeURIComponent(text)}&alpha=0.5&presenter=1`,
      );
      expect(notices).toEqual([
        `The link's tab="${text}" was ignored: The dock's tab must be ${DOCK_TAB_IDS.join(', ')}.`,
      ]);
      expect(state.display).toEqual({ presenter: true });
      expect(state.map).toEqual({ kind: 'named', name: '8x8' });
      expect(state.params.alpha).toBe(0.5);
    }
  });

  it('leaves it out while the dock is closed', () => {
    const lab = {
      settings: lessonSettings(),
      mapName: '4x4' as const,
      speed: 20,
      view: 'v' as const,
    };
    expect(DEFAULT_DISPLAY.tab).toBeNull();
    expect(labQuery({ ...lab, display: DEFAULT_DISPLAY }, '')).toBe('');
    expect(labQuery({ ...lab, display: { ...DEFAULT_DISPLAY, tab: 'sweep' } }, '')).toBe(
      'tab=sweep',
    );
  });

  it('isDockTab knows the list and nothing else', () => {
    expect(DOCK_TAB_IDS.every(isDockTab)).toBe(true);
    expect(isDockTab('constructor')).toBe(false);
    expect(isDockTab('')).toBe(false);
  });
});
