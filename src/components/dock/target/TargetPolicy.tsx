import { createMiniGrid } from '../../../viz/mini-grid';
import type { LabState } from '../../../store/lab-store';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLab, useLabStore } from '../../shell/lab-context';
import { useThrottledLab } from '../../hosts/useThrottledLab';
import { lessonTarget } from '../../lesson/targets';

const selectGreedy = (s: LabState) => s.greedy;

/**
 * Behaviour vs target: training follows the ε-greedy behaviour policy; the target policy is the
 * greedy one the agent would use after training. Here it runs whole episodes without learning,
 * with its own random numbers, counted apart from training.
 */
export function TargetPolicy() {
  const greedy = useThrottledLab(selectGreedy, Object.is, PANEL_INTERVAL_MS);
  const ready = useLab((s) => s.connection === 'ready');
  const run = useLab((s) => s.runGreedyEpisodes);
  const store = useLabStore();
  const host = useRendererHost(
    (element: HTMLDivElement) => createMiniGrid(element, 'Last greedy episode'),
    {
      store,
      watch: (state, prev) => state.greedy !== prev.greedy || state.env !== prev.env,
      draw: (mini, { env, snapshot, greedy, optimum }) => {
        if (!env || !snapshot) return;
        let top = 0;
        for (const x of optimum?.v ?? []) top = Math.max(top, x);
        mini.update({
          desc: env.desc,
          v: snapshot.v,
          greedyMask: snapshot.greedyMask,
          path: greedy.last,
          domain: [0, top],
        });
      },
      intervalMs: PANEL_INTERVAL_MS,
      skipHidden: (state) => state.running,
    },
  );

  const rate = greedy.episodes > 0 ? greedy.successes / greedy.episodes : NaN;
  return (
    <section
      className="panel target-policy"
      aria-label="Behaviour vs target policy"
      {...lessonTarget('target-policy')}
    >
      <h2>Behaviour vs target policy</h2>
      <p className="hint">
        Training follows the <strong>behaviour</strong> policy: ε-greedy, sometimes random. The{' '}
        <strong>target</strong> policy is the greedy one, argmax<sub>a</sub> Q(s,a). Run it without
        learning and without exploring:
      </p>
      <div className="playback">
        <button type="button" onClick={() => run(1)} disabled={!ready}>
          Run greedy episode
        </button>
        <button type="button" onClick={() => run(100)} disabled={!ready}>
          Run 100 greedy episodes
        </button>
      </div>
      <div className="target-result">
        <div ref={host} className="target-mini" />
        <p role="status" aria-live="polite">
          {greedy.episodes === 0
            ? 'No greedy episode yet.'
            : `Greedy episodes: ${greedy.episodes}, reached the goal ${greedy.successes} (${(rate * 100).toFixed(0)}%). The last one ${greedy.lastReachedGoal ? 'reached the goal' : greedy.last?.truncated ? 'ran out of time' : 'fell in a hole'} after ${greedy.last?.length ?? 0} steps.`}
        </p>
      </div>
    </section>
  );
}
