import { useCallback, useState } from 'react';
import { ComparePanel } from '../components/ComparePanel';
import { OptimalPanel } from '../components/OptimalPanel';
import { DisplayControls } from '../components/DisplayControls';
import { DrivePanel } from '../components/DrivePanel';
import { ExportMenu } from '../components/ExportMenu';
import { FramesGallery } from '../components/FramesGallery';
import { Glossary } from '../components/Glossary';
import { GridView } from '../components/GridView';
import { GuidedLesson, GuidedLessonButton } from '../components/GuidedLesson';
import { LearningCurves } from '../components/LearningCurves';
import { MapEditor } from '../components/MapEditor';
import { MapPicker } from '../components/MapPicker';
import { ImportRun } from '../components/ImportRun';
import { Notices } from '../components/Notices';
import { ObjectivesPanel } from '../components/ObjectivesPanel';
import { ParamSliders } from '../components/ParamSliders';
import { PlaybackControls } from '../components/PlaybackControls';
import { Presets } from '../components/Presets';
import { QTables } from '../components/QTables';
import { SpeedControl } from '../components/SpeedControl';
import { StatusLine } from '../components/StatusLine';
import { StepInspector } from '../components/StepInspector';
import { SweepPanel } from '../components/SweepPanel';
import { TargetPolicy } from '../components/TargetPolicy';
import { ShortcutsHelp } from '../components/ShortcutsHelp';
import { useShortcuts } from '../components/useShortcuts';
import { CopyLinkButton } from '../components/UrlSync';
import { ViewSwitch } from '../components/ViewSwitch';
import { WhyEightByEight } from '../components/WhyEightByEight';
import { ConvergenceNotice } from '../components/ConvergenceNotice';
import { Hideable, HiddenNote, useShown } from '../components/Hideable';
import { TeacherLink } from '../components/TeacherLink';
import { useDocumentTheme } from '../components/useDocumentTheme';
import { useLab, useLabStore } from '../components/lab-context';
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
