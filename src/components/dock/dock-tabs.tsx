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
import { Hideable } from '../shell/Hideable';
import { useLab } from '../shell/lab-context';

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
  /** The tab's name, as the tab strip shows it. */
  label: string;
  /** The teacher's-link ids of its panels: the tab is drawn while any of them is shown. */
  hideables: readonly HideableId[];
  /** Its panels, loaded when the tab is first opened. */
  Panel: LazyExoticComponent<ComponentType<DockPanelProps>>;
}

/** The tabs, in `DOCK_TAB_IDS` order. */
export const DOCK_TABS: readonly DockTabSpec[] = [
  {
    id: 'curves',
    label: 'Curves',
    hideables: ['curves'],
    Panel: lazy(async () => {
      const { LearningCurves } = await import('./curves/LearningCurves');
      return {
        default: function CurvesTab() {
          const history = useLab((s) => s.history);
          return <LearningCurves history={history} />;
        },
      };
    }),
  },
  {
    id: 'frames',
    label: 'Frames',
    hideables: ['frames'],
    Panel: lazy(async () => {
      const { FramesGallery } = await import('./frames/FramesGallery');
      return { default: () => <FramesGallery /> };
    }),
  },
  {
    id: 'target',
    label: 'Target policy',
    hideables: ['target'],
    Panel: lazy(async () => {
      const { TargetPolicy } = await import('./target/TargetPolicy');
      return { default: () => <TargetPolicy /> };
    }),
  },
  {
    id: 'tables',
    label: 'Q and A tables',
    hideables: ['tables'],
    Panel: lazy(async () => {
      const { QTables } = await import('./tables/QTables');
      return { default: () => <QTables /> };
    }),
  },
  {
    id: 'optimal',
    label: 'Optimal values',
    hideables: ['optimal', 'why8x8'],
    Panel: lazy(async () => {
      const [{ OptimalPanel }, { WhyEightByEight }] = await Promise.all([
        import('./optimal/OptimalPanel'),
        import('./optimal/WhyEightByEight'),
      ]);
      return {
        default: () => (
          <>
            <Hideable id="optimal">
              <OptimalPanel />
            </Hideable>
            <Hideable id="why8x8">
              <WhyEightByEight />
            </Hideable>
          </>
        ),
      };
    }),
  },
  {
    id: 'dp',
    label: 'Dynamic programming',
    hideables: ['dp'],
    Panel: lazy(async () => ({ default: (await import('./dp/DpPanel')).DpPanel })),
  },
  {
    id: 'compare',
    label: 'Compare',
    hideables: ['compare'],
    Panel: lazy(async () => {
      const { ComparePanel } = await import('./compare/ComparePanel');
      return {
        default: (p: DockPanelProps) => <ComparePanel createWorker={p.createCompareWorker} />,
      };
    }),
  },
  {
    id: 'sweep',
    label: 'Sweep',
    hideables: ['sweep'],
    Panel: lazy(async () => {
      const { SweepPanel } = await import('./sweep/SweepPanel');
      return { default: (p: DockPanelProps) => <SweepPanel createWorker={p.createSweepWorker} /> };
    }),
  },
  {
    id: 'seeds',
    label: 'Seeds',
    hideables: ['seeds'],
    Panel: lazy(async () => {
      const { SeedsTab } = await import('./seeds/SeedsTab');
      return { default: (p: DockPanelProps) => <SeedsTab createWorker={p.createSweepWorker} /> };
    }),
  },
  {
    id: 'editor',
    label: 'Map editor and Drive',
    hideables: ['editor', 'drive'],
    Panel: lazy(async () => {
      const [{ MapEditor }, { DrivePanel }] = await Promise.all([
        import('./editor/MapEditor'),
        import('./editor/DrivePanel'),
      ]);
      return {
        default: () => (
          <>
            <Hideable id="editor">
              <MapEditor />
            </Hideable>
            <Hideable id="drive">
              <DrivePanel />
            </Hideable>
          </>
        ),
      };
    }),
  },
  {
    id: 'io',
    label: 'Export and Import',
    hideables: ['exports', 'import', 'presets'],
    Panel: lazy(async () => {
      const [{ ExportMenu }, { ImportRun }, { Presets }, { RewardExperiments }] = await Promise.all(
        [
          import('./io/ExportMenu'),
          import('./io/ImportRun'),
          import('./io/Presets'),
          import('../experiments/RewardExperiments'),
        ],
      );
      return {
        default: (p: DockPanelProps) => (
          <>
            <Hideable id="exports">
              <ExportMenu gridSvg={p.gridSvg} />
            </Hideable>
            <Hideable id="import">
              <ImportRun />
            </Hideable>
            <Hideable id="presets">
              <Presets />
              <RewardExperiments />
            </Hideable>
          </>
        ),
      };
    }),
  },
  {
    id: 'glossary',
    label: 'Glossary',
    hideables: ['glossary'],
    Panel: lazy(async () => {
      const { Glossary } = await import('./glossary/Glossary');
      return { default: () => <Glossary /> };
    }),
  },
  {
    id: 'puzzles',
    label: 'Puzzles',
    hideables: ['puzzles'],
    Panel: lazy(() => import('./puzzles/PuzzlesTab')),
  },
];
