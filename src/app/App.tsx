import { GridView } from '../components/GridView';
import { LastUpdate } from '../components/LastUpdate';
import { Notices } from '../components/Notices';
import { ParamSliders } from '../components/ParamSliders';
import { PlaybackControls } from '../components/PlaybackControls';
import { SpeedControl } from '../components/SpeedControl';
import { StatusLine } from '../components/StatusLine';
import { ViewSwitch } from '../components/ViewSwitch';

/** The page: the grid on the left, the controls on the right. Wiring only. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Ice Maze Lab</h1>
        <p className="tagline">Q-learning on Gymnasium&apos;s FrozenLake, live.</p>
      </header>
      <Notices />
      <main className="layout">
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
        <LastUpdate />
      </main>
    </div>
  );
}
