/**
 * Between a link and the lab: the run a link describes (`urlStateToRun`), and the link that
 * describes the lab on screen (`urlStateFromLab`, `labQuery`).
 */
import { MAPS, type MapName } from '../../rl/maps';
import type { RunSettings, Speed } from '../../worker/protocol';
import type { DisplaySettings } from '../display';
import type { GridView } from '../grid-view';
import type { HideableId } from '../hideable';
import { linkMapSpec, mapRows, type MapSpec } from './map-spec';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state';

/** The fields of the lab a link describes (the store's state has them all). */
export interface LabLinkFields {
  settings: RunSettings;
  speed: Speed;
  view: GridView;
  display?: DisplaySettings;
  lessonChapter?: number | null;
  /** What the page hides (a teacher's link). */
  hidden?: readonly HideableId[];
}

/** The run a state describes, as `createLabStore` and `applySettings` take it. */
export function urlStateToRun(state: UrlState): {
  settings: RunSettings;
  mapName: MapName | 'custom';
} {
  // Field by field: a link's state holds more than a run (view, speed, look), none of it settings.
  return {
    settings: {
      map: mapRows(state.map),
      isSlippery: state.isSlippery,
      successRate: state.successRate,
      ...(state.rewardSchedule ? { rewardSchedule: state.rewardSchedule } : {}),
      maxSteps: state.maxSteps,
      seed: state.seed,
      episodes: state.episodes,
      frameInterval: state.frameInterval,
      params: { ...state.params },
      // Absent in a link without them (then undefined, as a run without them has).
      algorithm: state.algorithm,
      learner: state.learner,
    },
    mapName: state.map.kind === 'named' ? state.map.name : 'custom',
  };
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

/**
 * The state of the lab as a link describes it. The store keeps a map's rows, not where they came
 * from; `hint` (the map of the link the page has now) keeps `random:8:0.8:3` short as long as it
 * still draws the same rows. Otherwise a named map is written by name and any other by its rows.
 */
export function urlStateFromLab(lab: LabLinkFields, hint?: MapSpec): UrlState {
  const rows = lab.settings.map;
  let map: MapSpec = { kind: 'custom', rows: [...rows] };
  if (hint && hint.kind !== 'custom' && sameRows(mapRows(hint), rows)) map = hint;
  else {
    const name = (Object.keys(MAPS) as MapName[]).find((n) => sameRows(MAPS[n], rows));
    if (name) map = { kind: 'named', name };
  }
  return {
    ...lab.settings,
    map,
    params: { ...lab.settings.params },
    view: lab.view,
    speed: lab.speed,
    ...(lab.display ? { display: { ...lab.display } } : {}),
    ...(lab.lessonChapter != null ? { chapter: lab.lessonChapter } : {}),
    ...(lab.hidden && lab.hidden.length > 0 ? { hide: [...lab.hidden] } : {}),
  };
}

/**
 * The query (without `?`) for the lab's current state, given the page's current query. The lab's
 * store holds neither the seed band's `seeds=` nor the puzzle the puzzles tab shows (`puzzle=`):
 * both are carried over from the current query.
 */
export function labQuery(lab: LabLinkFields, currentSearch: string): string {
  const { seeds, puzzle } = parseUrlState(currentSearch).state;
  return serializeUrlState({
    ...urlStateFromLab(lab, linkMapSpec(currentSearch)),
    ...(seeds !== undefined ? { seeds } : {}),
    ...(puzzle !== undefined ? { puzzle } : {}),
  });
}
