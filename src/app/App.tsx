import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { LessonTarget } from '../components/lesson/targets';
import { DockBar, DockPanels, useDockState } from '../components/dock/Dock';
import { GridView } from '../components/board/GridView';
import { ViewSwitch } from '../components/board/ViewSwitch';
import { ObjectivesPanel } from '../components/objectives/ObjectivesPanel';
import { Hideable, HiddenNote, useShown } from '../components/shell/Hideable';
import { useLab, useLabStore } from '../components/shell/lab-context';
import { AlgorithmChip } from '../components/learner/AlgorithmChip';
import { MapChip } from '../components/shell/MapChip';
import { Notices } from '../components/shell/Notices';
import { PaneSwitch, type NarrowPane } from '../components/shell/PaneSwitch';
import { RUN_CONTROLS_ID } from '../components/shell/PlaybackControls';
import { TopBar } from '../components/shell/TopBar';
import { useDocumentTheme } from '../components/shell/useDocumentTheme';
import { StepInspector } from '../components/update/StepInspector';
import { createCompareWorker, createSweepWorker } from './create-worker';

/**
 * The convergence badge says nothing before a run has gone on for a while: its code (and the
 * convergence rules it words) loads right after the first draw, its live region in place long
 * before its first sentence.
 */
const ConvergenceBadge = lazy(async () => ({
  default: (await import('../components/shell/ConvergenceBadge')).ConvergenceBadge,
}));

/** The keyboard shortcuts' key map starts listening right after the first draw. */
const ShortcutKeys = lazy(async () => ({
  default: (await import('../components/shell/ShortcutKeys')).ShortcutKeys,
}));

/** The list of shortcuts, a dialog, loads when first asked for (the ? key or the menu). */
const ShortcutsHelp = lazy(async () => ({
  default: (await import('../components/shell/ShortcutsHelp')).ShortcutsHelp,
}));

/** The guided lesson's code (chapters' questions and all) loads when it first opens. */
const GuidedLesson = lazy(async () => ({
  default: (await import('../components/lesson/GuidedLesson')).GuidedLesson,
}));

/**
 * The page, one screen: the top bar; three columns under it — the maze, the update (or the guided
 * lesson in its place while open), the objectives; and the dock with everything else, one tab at
 * a time. On a narrow screen, one column with a switch for what goes under the grid. Wiring only.
 */
export function App() {
  const store = useLabStore();
  const presenter = useLab((s) => s.display.presenter);
  const tab = useLab((s) => s.display.tab);
  const lessonOpen = useLab((s) => s.lessonChapter !== null);
  // In presenter mode with a chapter open, the bar keeps only the control that chapter uses.
  // (The open chapter reports the control it highlights.)
  const [highlight, setHighlight] = useState<LessonTarget | null>(null);
  const uses = lessonOpen ? highlight : null;
  const gridSvg = useRef<SVGSVGElement | null>(null);
  const [help, setHelp] = useState(false);
  const [pane, setPane] = useState<Exclude<NarrowPane, 'curves'>>('update');
  const showHelp = useCallback(() => setHelp(true), []);
  const togglePresenter = useCallback(
    () => store.getState().setDisplay({ presenter: !store.getState().display.presenter }),
    [store],
  );
  const shortcutsOn = useShown('shortcuts');
  useDocumentTheme();
  const dock = useDockState();
  // On a narrow screen a dock tab other than Curves takes the place under the grid.
  const shownPane: NarrowPane | null = tab === 'curves' ? 'curves' : tab !== null ? null : pane;
  return (
    <div
      className={presenter ? 'app presenter' : 'app'}
      data-pane={shownPane ?? 'dock'}
      data-lesson={lessonOpen || undefined}
      data-uses={presenter && uses ? uses : undefined}
    >
      <a className="skip-link" href={`#${RUN_CONTROLS_ID}`}>
        Skip to the run controls
      </a>
      <Suspense fallback={null}>
        <ShortcutKeys onHelp={showHelp} onPresenter={togglePresenter} enabled={shortcutsOn} />
      </Suspense>
      <TopBar onShowShortcuts={showHelp} />
      {help && (
        <Suspense fallback={null}>
          <ShortcutsHelp open onClose={() => setHelp(false)} />
        </Suspense>
      )}
      <div className="app-messages">
        <Notices />
        <HiddenNote />
      </div>
      <main
        className="workspace"
        data-dock={dock.active === null ? undefined : dock.enlarged ? 'enlarged' : 'open'}
      >
        <section className="column column-maze" aria-label="Ice Maze">
          <div className="board-toolbar">
            <Hideable id="map">
              <MapChip />
            </Hideable>
            <Hideable id="algorithm">
              <AlgorithmChip />
            </Hideable>
            <Hideable id="views">
              <ViewSwitch />
            </Hideable>
          </div>
          <Hideable id="convergence">
            <Suspense fallback={null}>
              <ConvergenceBadge />
            </Suspense>
          </Hideable>
          <GridView svgRef={gridSvg} />
        </section>
        <PaneSwitch pane={shownPane} onPane={(p) => p !== 'curves' && setPane(p)} />
        {/* Focusable, so a keyboard can scroll a column whose content is taller than the screen. */}
        <div className="column column-update" role="group" aria-label="The update" tabIndex={0}>
          {lessonOpen && (
            <Suspense fallback={<p role="status">Loading the guided lesson…</p>}>
              <GuidedLesson onHighlight={setHighlight} />
            </Suspense>
          )}
          <Hideable id="inspector">
            <StepInspector />
          </Hideable>
        </div>
        <div
          className="column column-objectives"
          role="group"
          aria-label="The objectives"
          tabIndex={0}
        >
          <Hideable id="objectives">
            <ObjectivesPanel />
          </Hideable>
        </div>
        <DockPanels
          dock={dock}
          createCompareWorker={createCompareWorker}
          createSweepWorker={createSweepWorker}
          gridSvg={gridSvg}
        />
      </main>
      <DockBar dock={dock} />
    </div>
  );
}
