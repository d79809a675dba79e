/**
 * The dock's tabs: for each tab of `DOCK_TAB_IDS` its label, the teacher's-link ids of the panels
 * it holds (a tab whose panels are all hidden is not drawn), and its panels, loaded with
 * `React.lazy` when the tab is first opened, so their code is not in the page's first download.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type RefObject } from 'react';
import type { DockTab } from '../../shared/dock-tabs';
import type { HideableId } from '../../shared/hideable';
import type { CompareWorkerPort } from '../../store/compare-store';
import type { SweepPanelProps } from './sweep/SweepPanel';

/** What the App hands the dock's panels: the workers they start and the grid they export. */
export interface DockPanelProps {
  createCompareWorker: () => CompareWorkerPort;
  createSweepWorker: SweepPanelProps['createWorker'];
  /** The main grid's SVG element (set by the grid's host), for the picture exports. */
  gridSvg: RefObject<SVGSVGElement | null>;
}

/** One tab of the dock. */
export interface DockTabSpec {
  id: DockTab;
  /** The tab's full name: its accessible name, its tooltip, and the strip's text unless `short` is set. */
  label: string;
  /**
   * A shorter text for the strip, a word of `label` (so the name a screen reader or a voice
   * command uses still contains what is on screen): thirteen tabs fit 1280 px only this way.
   */
  short?: string;
  /** The teacher's-link ids of its panels: the tab is drawn while any of them is shown. */
  hideables: readonly HideableId[];
  /** Its panels, loaded when the tab is first opened. */
  Panel: LazyExoticComponent<ComponentType<DockPanelProps>>;
}

/**
 * A tab's panel from a module's named export, loaded when the tab is first opened. Each tab's
 * composition lives in its own module (`./optimal/OptimalTab`), so none of it is in the first
 * download: this list is data.
 */
function panel<K extends string>(
  load: () => Promise<Record<K, ComponentType<DockPanelProps>>>,
  name: K,
): DockTabSpec['Panel'] {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** The tabs, in `DOCK_TAB_IDS` order. */
export const DOCK_TABS: readonly DockTabSpec[] = [
  {
    id: 'curves',
    label: 'Curves',
    hideables: ['curves'],
    Panel: lazy(() => import('./curves/CurvesTab')),
  },
  {
    id: 'frames',
    label: 'Frames',
    hideables: ['frames'],
    Panel: panel(() => import('./frames/FramesGallery'), 'FramesGallery'),
  },
  {
    id: 'target',
    label: 'Target policy',
    short: 'Target',
    hideables: ['target'],
    Panel: panel(() => import('./target/TargetPolicy'), 'TargetPolicy'),
  },
  {
    id: 'tables',
    label: 'Q and A tables',
    short: 'Tables',
    hideables: ['tables'],
    Panel: panel(() => import('./tables/QTables'), 'QTables'),
  },
  {
    id: 'optimal',
    label: 'Optimal values',
    short: 'Optimal',
    hideables: ['optimal', 'why8x8'],
    Panel: lazy(() => import('./optimal/OptimalTab')),
  },
  {
    id: 'dp',
    label: 'DP: dynamic programming',
    short: 'DP',
    hideables: ['dp'],
    Panel: panel(() => import('./dp/DpPanel'), 'DpPanel'),
  },
  {
    id: 'learner',
    label: 'What the learner keeps',
    short: 'Learner',
    hideables: ['learner'],
    Panel: panel(() => import('./learner/LearnerTab'), 'LearnerTab'),
  },
  {
    id: 'compare',
    label: 'Compare',
    hideables: ['compare'],
    Panel: lazy(() => import('./compare/CompareTab')),
  },
  {
    id: 'sweep',
    label: 'Sweep',
    hideables: ['sweep'],
    Panel: lazy(() => import('./sweep/SweepTab')),
  },
  {
    id: 'seeds',
    label: 'Seeds',
    hideables: ['seeds'],
    Panel: lazy(() => import('./seeds/SeedsTab')),
  },
  {
    id: 'editor',
    label: 'Map editor and Drive',
    short: 'Editor',
    hideables: ['editor', 'drive'],
    Panel: lazy(() => import('./editor/EditorTab')),
  },
  {
    id: 'io',
    label: 'Export and Import',
    hideables: ['exports', 'import', 'presets'],
    Panel: lazy(() => import('./io/IoTab')),
  },
  {
    id: 'glossary',
    label: 'Glossary',
    hideables: ['glossary'],
    Panel: panel(() => import('./glossary/Glossary'), 'Glossary'),
  },
  {
    id: 'puzzles',
    label: 'Puzzles',
    hideables: ['puzzles'],
    Panel: lazy(() => import('./puzzles/PuzzlesTab')),
  },
];
