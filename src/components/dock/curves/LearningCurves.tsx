import type { RunHistory } from '../../../shared/history/types';
import type { LabState } from '../../../store/lab-store';
import { createLearningCurves } from '../../../viz/learning-curves';
import { greedyPoints } from '../../../viz/curves-greedy';
import type { CurvesData } from '../../../viz/learning-curves-types';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLabStore } from '../../shell/lab-context';

/** The chart's data: the history's series, the optimum's reference lines and the x axis' target. */
function curvesData(
  history: RunHistory,
  state: Pick<LabState, 'optimum' | 'settings' | 'frames'>,
): CurvesData {
  const { episodes } = history.totals();
  // Play runs to the next multiple of the episode budget: the x axis never zooms out past it.
  const budget = state.settings.episodes;
  const episodeTarget = budget > 0 ? Math.max(1, Math.ceil(episodes / budget)) * budget : undefined;
  return {
    episodes,
    episodeTarget,
    bucketWidth: history.bucketWidth,
    buckets: history.buckets(),
    window: history.window,
    // The frames' exact evaluations fill in where a fast run sent few snapshots.
    greedy: greedyPoints(
      history.greedy(),
      state.frames.map((f) => ({ episode: f.episode, value: f.successProbability })),
    ),
    greedyEvery: state.settings.frameInterval,
    epsilon: history.epsilon(),
    optimum: state.optimum
      ? {
          successProbability: state.optimum.successProbability,
          bestWithinLimit: state.optimum.bestWithinLimit,
        }
      : null,
  };
}

/**
 * Hosts the D3 learning curves. React renders the section and an empty host once; the chart is
 * fed outside React (`useRendererHost`): at most one draw per `PANEL_INTERVAL_MS`, none while it
 * is out of view and training runs, and a draw is skipped unless the history's version (or the
 * optimum, or the episode budget) moved. It only reads the history: the grid's host is the one
 * that asks the worker for more snapshots.
 */
export function LearningCurves({ history }: { history: RunHistory }) {
  const store = useLabStore();
  const host = useRendererHost(
    (element: HTMLDivElement) => {
      const chart = createLearningCurves(element);
      let drawn: { version: number; optimum: unknown; budget: number; frames: unknown } | null =
        null;
      return {
        draw(state: LabState) {
          const { optimum, frames } = state;
          const budget = state.settings.episodes;
          if (
            drawn &&
            drawn.version === history.version &&
            drawn.optimum === optimum &&
            drawn.budget === budget &&
            drawn.frames === frames
          )
            return;
          chart.update(curvesData(history, state));
          drawn = { version: history.version, optimum, budget, frames };
        },
        destroy: () => chart.destroy(),
      };
    },
    {
      store,
      watch: (state, prev) =>
        state.snapshot !== prev.snapshot ||
        state.optimum !== prev.optimum ||
        state.settings !== prev.settings ||
        state.frames !== prev.frames ||
        state.runId !== prev.runId,
      draw: (chart, state) => chart.draw(state),
      intervalMs: PANEL_INTERVAL_MS,
      skipHidden: (state) => state.running,
    },
    [history],
  );

  return (
    <section className="panel learning-curves-panel" aria-label="Learning curves">
      <h2>Learning curves</h2>
      <div ref={host} className="learning-curves-host" />
    </section>
  );
}
