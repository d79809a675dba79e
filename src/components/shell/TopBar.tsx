import { lazy, memo, Suspense } from 'react';
import { AppMenu } from './AppMenu';
import { PresenterButton } from './DisplayControls';
import { Hideable } from './Hideable';
import { ParamSliders } from './ParamSliders';
import { PlaybackControls } from './PlaybackControls';
import { SpeedControl } from './SpeedControl';
import { StatusLine } from './StatusLine';

/**
 * The lesson's button comes with the lesson's code, fetched just after the first draw; until
 * then a disabled twin holds its place (one "Guided lesson" button at any moment).
 */
const GuidedLessonButton = lazy(async () => ({
  default: (await import('../lesson/GuidedLesson')).GuidedLessonButton,
}));

/**
 * The one compact bar on top: the run buttons, the run's status, Speed and the hyperparameters
 * as compact sliders, then Guided lesson, Presenter and the one menu. Each part keeps its
 * teacher's-link id.
 */
export const TopBar = memo(function TopBar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  return (
    <header className="top-bar">
      <div className="top-row">
        <h1 className="app-title">Ice Maze Lab</h1>
        <PlaybackControls />
        <StatusLine />
        <TopActions onShowShortcuts={onShowShortcuts} />
      </div>
      <div className="top-settings">
        <Hideable id="speed">
          <SpeedControl />
        </Hideable>
        <ParamSliders />
      </div>
    </header>
  );
});

/** Guided lesson, Presenter and the menu, at the bar's right end. */
function TopActions({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  return (
    <div className="top-actions">
      <Hideable id="lesson">
        <Suspense
          fallback={
            <button type="button" disabled>
              Guided lesson
            </button>
          }
        >
          <GuidedLessonButton />
        </Suspense>
      </Hideable>
      <Hideable id="display">
        <PresenterButton />
      </Hideable>
      <AppMenu onShowShortcuts={onShowShortcuts} />
    </div>
  );
}
