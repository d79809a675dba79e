import type { LabStore } from '../../store/lab-store';
import { formatThousands } from '../../viz/format';
import type { Chapter } from './chapters';
import { chapterRun, runName } from './setup';
import type { RunChoice } from './useChapterRun';

/**
 * What the chapter did with the run, in a line: the question before replacing the user's run
 * (with its episode and step, so the user knows what would go), or what was started or kept.
 */
export function RunNote({
  store,
  chapter,
  choice,
  choose,
}: {
  store: LabStore;
  chapter: Chapter;
  choice: RunChoice;
  choose: (fresh: boolean) => void;
}) {
  const budget = formatThousands(chapterRun(chapter).episodes);
  switch (choice) {
    case 'ask': {
      const { episode, totalSteps } = store.getState();
      return (
        <div className="lesson-confirm" role="alert">
          <p>
            This chapter is set up on a fresh run on {runName(chapter)}. Starting it replaces your
            current run (episode {formatThousands(episode)}, step {formatThousands(totalSteps)}).
          </p>
          <div className="lesson-confirm-actions">
            <button type="button" className="primary" onClick={() => choose(true)}>
              Start the fresh run
            </button>
            <button type="button" onClick={() => choose(false)}>
              Keep my run
            </button>
          </div>
        </div>
      );
    }
    case 'fresh':
      return <p className="hint">This chapter started a fresh run on {runName(chapter)}.</p>;
    case 'training':
      return (
        <p className="hint" role="status">
          Training a fresh run on {runName(chapter)} through episode {budget} at full speed…
        </p>
      );
    case 'trained':
      return (
        <p className="hint" role="status">
          This chapter trained a fresh run on {runName(chapter)} through episode {budget}, the
          lesson’s whole run.
        </p>
      );
    case 'kept':
      return (
        <p className="hint">
          Your run was kept: the chapter’s view and speed are set, and the numbers are your run’s.
        </p>
      );
    case 'same':
      return null;
  }
}
