import { useCallback, useState } from 'react';
import { ComparePanel } from '../components/dock/compare/ComparePanel';
import { OptimalPanel } from '../components/dock/optimal/OptimalPanel';
import { DisplayControls } from '../components/shell/DisplayControls';
import { DrivePanel } from '../components/dock/editor/DrivePanel';
import { ExportMenu } from '../components/dock/io/ExportMenu';
import { FramesGallery } from '../components/dock/frames/FramesGallery';
import { Glossary } from '../components/dock/glossary/Glossary';
import { GridView } from '../components/board/GridView';
import { GuidedLesson, GuidedLessonButton } from '../components/lesson/GuidedLesson';
import { LearningCurves } from '../components/dock/curves/LearningCurves';
import { MapEditor } from '../components/dock/editor/MapEditor';
import { MapPicker } from '../components/board/MapPicker';
import { ImportRun } from '../components/dock/io/ImportRun';
import { Notices } from '../components/shell/Notices';
import { ObjectivesPanel } from '../components/objectives/ObjectivesPanel';
import { ParamSliders } from '../components/shell/ParamSliders';
import { PlaybackControls } from '../components/shell/PlaybackControls';
import { Presets } from '../components/dock/io/Presets';
import { QTables } from '../components/dock/tables/QTables';
import { SpeedControl } from '../components/shell/SpeedControl';
import { StatusLine } from '../components/shell/StatusLine';
import { StepInspector } from '../components/update/StepInspector';
import { SweepPanel } from '../components/dock/sweep/SweepPanel';
import { TargetPolicy } from '../components/dock/target/TargetPolicy';
import { ShortcutsHelp } from '../components/shell/ShortcutsHelp';
import { useShortcuts } from '../components/shell/useShortcuts';
import { CopyLinkButton } from '../components/shell/UrlSync';
import { ViewSwitch } from '../components/board/ViewSwitch';
import { WhyEightByEight } from '../components/dock/optimal/WhyEightByEight';
import { ConvergenceNotice } from '../components/board/ConvergenceNotice';
import { Hideable, HiddenNote, useShown } from '../components/shell/Hideable';
import { TeacherLink } from '../components/shell/TeacherLink';
import { useDocumentTheme } from '../components/shell/useDocumentTheme';
import { useLab, useLabStore } from '../components/shell/lab-context';
import { createCompareWorker, createSweepWorker } from './create-worker';

/** The page: the grid and its controls, then the lesson's panels. Wiring only. */
export function App() {
  const store = useLabStore();
  const presenter = useLab((s) => s.display.presenter);
  const history = useLab((s) => s.history);
  const lessonOpen = useLab((s) => s.lessonChapter !== null);
  const [help, setHelp] = useState(false);
  const showHelp = useCallback(() => setHelp(true), []);
  const togglePresenter = useCallback(
    () => store.getState().setDisplay({ presenter: !store.getState().display.presenter }),
    [store],
  );
  useShortcuts(store, showHelp, togglePresenter, useShown('shortcuts'));
  useDocumentTheme();
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>Ice Maze Lab</h1>
        <p className="tagline">Q-learning on Gymnasium&apos;s FrozenLake, live.</p>
        <Hideable id="lesson">
          <GuidedLessonButton />
        </Hideable>
        <Hideable id="display">
          <DisplayControls onShowShortcuts={showHelp} />
        </Hideable>
      </header>
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
      <Notices />
      <HiddenNote />
      <main>
        <div className={lessonOpen ? 'layout with-lesson' : 'layout'}>
          <GuidedLesson />
          <section className="board" aria-label="Ice Maze">
            <div className="board-toolbar">
              <Hideable id="views">
                <ViewSwitch />
              </Hideable>
              <Hideable id="link">
                <div className="link-tools">
                  <CopyLinkButton />
                  <TeacherLink />
                </div>
              </Hideable>
            </div>
            <GridView />
          </section>
          <aside className="controls" aria-label="Controls">
            <PlaybackControls />
            <StatusLine />
            <Hideable id="convergence">
              <ConvergenceNotice />
            </Hideable>
            <Hideable id="speed">
              <SpeedControl />
            </Hideable>
            <ParamSliders />
            <Hideable id="map">
              <MapPicker />
            </Hideable>
            <Hideable id="presets">
              <Presets />
            </Hideable>
          </aside>
        </div>
        <div className="page-grid">
          <Hideable id="optimal">
            <OptimalPanel />
          </Hideable>
          <Hideable id="why8x8">
            <WhyEightByEight />
          </Hideable>
          <Hideable id="inspector">
            <StepInspector />
          </Hideable>
          <Hideable id="objectives">
            <ObjectivesPanel />
          </Hideable>
          <Hideable id="curves">
            <div className="wide">
              <LearningCurves history={history} />
            </div>
          </Hideable>
          <Hideable id="frames">
            <FramesGallery />
          </Hideable>
          <Hideable id="target">
            <TargetPolicy />
          </Hideable>
          <Hideable id="exports">
            <ExportMenu />
          </Hideable>
          <Hideable id="import">
            <ImportRun />
          </Hideable>
          <Hideable id="editor">
            <MapEditor />
          </Hideable>
          <Hideable id="drive">
            <DrivePanel />
          </Hideable>
          <Hideable id="tables">
            <div className="wide">
              <QTables />
            </div>
          </Hideable>
          <Hideable id="compare">
            <div className="wide">
              <ComparePanel createWorker={createCompareWorker} />
            </div>
          </Hideable>
          <Hideable id="glossary">
            <div className="wide">
              <Glossary />
            </div>
          </Hideable>
          <Hideable id="sweep">
            <div className="wide">
              <SweepPanel createWorker={createSweepWorker} />
            </div>
          </Hideable>
        </div>
      </main>
    </div>
  );
}
