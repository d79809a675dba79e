/** The display slice: how the grid and the page look (not part of the run). */
import { DEFAULT_DISPLAY, type DisplaySettings } from '../../shared/display';
import type { GridView } from '../../shared/grid-view';
import type { LabSliceContext } from './slice';

/** The slice's fields. */
export interface DisplayState {
  /** The grid's colour view. */
  view: GridView;
  /** How the page looks (not part of the run). */
  display: DisplaySettings;
}

/** The slice's actions. */
export interface DisplayActions {
  setView(view: GridView): void;
  /** Changes how the page looks. */
  setDisplay(change: Partial<DisplaySettings>): void;
}

/** Creates the display slice, from the view and look a link asked for. */
export function createDisplaySlice(
  { set, get }: LabSliceContext,
  initial: { view?: GridView; display?: Partial<DisplaySettings> },
): DisplayState & DisplayActions {
  return {
    view: initial.view ?? 'v',
    display: { ...DEFAULT_DISPLAY, ...initial.display },
    setView: (view) => set({ view }),
    setDisplay: (change) => set({ display: { ...get().display, ...change } }),
  };
}
