import { FramesGallery } from '../components/FramesGallery';
import { Glossary } from '../components/Glossary';
import { GridView } from '../components/GridView';
import { Notices } from '../components/Notices';
import { ObjectivesPanel } from '../components/ObjectivesPanel';
import { ParamSliders } from '../components/ParamSliders';
import { PlaybackControls } from '../components/PlaybackControls';
import { QTables } from '../components/QTables';
import { SpeedControl } from '../components/SpeedControl';
import { StatusLine } from '../components/StatusLine';
import { StepInspector } from '../components/StepInspector';
import { TargetPolicy } from '../components/TargetPolicy';
import { ViewSwitch } from '../components/ViewSwitch';

/** The page: the grid and its controls, then the lesson's panels. Wiring only. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Ice Maze Lab</h1>
        <p className="tagline">Q-learning on Gymnasium&apos;s FrozenLake, live.</p>
      </header>
      <Notices />
      <main>
        <div className="layout">
          <section className="board" aria-label="Ice Maze">
            <div className="board-toolbar">
              <ViewSwitch />
            </div>
            <GridView />
          </section>
          <aside className="controls" aria-label="Controls">
            <PlaybackControls />
            <StatusLine />
            <SpeedControl />
            <ParamSliders />
          </aside>
        </div>
        <div className="page-grid">
          <StepInspector />
          <ObjectivesPanel />
          <FramesGallery />
          <TargetPolicy />
          <div className="wide">
            <QTables />
          </div>
          <div className="wide">
            <Glossary />
          </div>
        </div>
      </main>
    </div>
  );
}
