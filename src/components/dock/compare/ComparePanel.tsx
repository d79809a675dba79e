import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { ALGORITHM_LABELS, ALGORITHMS, isAlgorithm } from '../../../rl/algorithms/registry';
import {
  COMPARE_SPEEDS,
  createCompareStore,
  sameRunSettings,
  type CompareState,
  type CompareStore,
  type CompareWorkerPort,
} from '../../../store/compare-store';
import { COMPARE_AGENTS, type CompareSpeed } from '../../../worker/compare-protocol';
import { createCompareAgentCard, type CompareAgentData } from '../../../viz/compare-agent';
import { createCompareCurves } from '../../../viz/compare-curves';
import type { Palette } from '../../../viz/scales';
import { extentWithZero } from '../../../viz/scales';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { ON_POLICY_DEMO } from '../glossary/lesson-figures';
import { useLab, useLabStore } from '../../shell/lab-context';
import { formatFixed, formatThousands } from '../../../viz/format';

/** How a speed reads in the menu. */
function speedLabel(speed: CompareSpeed): string {
  return speed === 'max' ? 'Full speed' : `${formatThousands(speed)} episodes per second`;
}

/**
 * The agents' names in the controls and cards, in order: with two they sit left and right, as the
 * comparison always did; a third and a fourth follow them.
 */
const AGENT_NAMES = ['Left', 'Right', 'Third', 'Fourth'] as const;

/** Every agent's card: V(s) with the greedy actions and its numbers at the start state. */
function createCards(host: HTMLElement, palette: Palette) {
  let cards: ReturnType<typeof createCompareAgentCard>[] = [];
  let drawnSnapshot: unknown = null;
  return {
    /** Draws a new snapshot; true when it drew one (then the worker may send the next). */
    draw({ snapshot, env, optimum }: CompareState): boolean {
      if (!snapshot || !env || snapshot === drawnSnapshot) return false;
      drawnSnapshot = snapshot;
      // A run with another number of agents gets its own cards (built once per run, not per frame).
      if (cards.length !== snapshot.agents.length) {
        for (const c of cards) c.destroy();
        cards = snapshot.agents.map(() => createCompareAgentCard(host, palette));
      }
      // One colour domain for all, up to V*(start)'s scale, so equal colours mean equal values.
      const all = [...snapshot.agents.flatMap((a) => [...a.v]), optimum?.startValue ?? 0];
      const domain = extentWithZero(all);
      snapshot.agents.forEach((a, i) => {
        const data: CompareAgentData = {
          label: `${AGENT_NAMES[i]!}: ${ALGORITHM_LABELS[a.algorithm]}`,
          desc: env.desc,
          v: a.v,
          greedyMask: a.greedyMask,
          domain,
          episode: a.episode,
          epsilon: a.epsilon,
          startValue: a.startValue,
          startBehaviourValue: a.startBehaviourValue,
          successProbability: a.successProbability,
          recentSuccessRate: a.recentSuccessRate,
          window: a.window,
        };
        cards[i]!.update(data);
      });
      return true;
    },
    destroy() {
      for (const c of cards) c.destroy();
    },
  };
}

/** The shared curves: success rate, the greedy policy's exact success and V(start). */
function createCurves(host: HTMLElement) {
  const curves = createCompareCurves(host);
  let drawnCurves: unknown = null;
  return {
    draw({ curves: samples, runAlgorithms, optimum, targetEpisode, window }: CompareState) {
      if (!runAlgorithms || samples === drawnCurves) return;
      drawnCurves = samples;
      curves.update({
        labels: runAlgorithms.map((a) => ALGORITHM_LABELS[a]),
        samples,
        episodeTarget: targetEpisode,
        window,
        optimum: optimum
          ? { successProbability: optimum.successProbability, startValue: optimum.startValue }
          : null,
      });
    },
    destroy: () => curves.destroy(),
  };
}

/**
 * The two cards and the shared curves, fed outside React (`useRendererHost`): the cards draw
 * each snapshot in an animation frame, in or out of view, and ask the worker for the next; the
 * curves draw at most every `PANEL_INTERVAL_MS`, and wait while out of view and training.
 * Before the first comparison both are hidden behind a sentence that says what will appear.
 */
function CompareViews({ store, palette }: { store: CompareStore; palette: Palette }) {
  const started = useStore(store, (s) => s.runAlgorithms !== null);
  const cardsHost = useRendererHost(
    (element: HTMLDivElement) => createCards(element, palette),
    {
      store,
      watch: (state, prev) => state.snapshot !== prev.snapshot,
      draw: (cards, state) => {
        if (cards.draw(state)) store.getState().snapshotDrawn();
      },
    },
    [palette],
  );
  const curvesHost = useRendererHost((element: HTMLDivElement) => createCurves(element), {
    store,
    watch: (state, prev) =>
      state.curves !== prev.curves ||
      state.runAlgorithms !== prev.runAlgorithms ||
      state.running !== prev.running,
    draw: (curves, state) => curves.draw(state),
    intervalMs: PANEL_INTERVAL_MS,
    skipHidden: (state) => state.running,
  });

  return (
    <>
      {!started && (
        <p className="compare-empty">
          Each agent’s grid, its numbers at the start state and the shared learning curves appear
          here once the comparison starts.
        </p>
      )}
      <div ref={cardsHost} className="compare-cards" hidden={!started} />
      <div ref={curvesHost} className="compare-curves-host" hidden={!started} />
    </>
  );
}

/** Start / pause / reset, the agents' algorithms (two to four) and the speed. */
function CompareControls({ store }: { store: CompareStore }) {
  const lab = useLabStore();
  const id = useId();
  const { algorithms, speed, running, connection } = useStore(
    store,
    useShallow((s) => ({
      algorithms: s.algorithms,
      speed: s.speed,
      running: s.running,
      connection: s.connection,
    })),
  );
  return (
    <div className="compare-controls">
      {algorithms.map((algorithm, i) => {
        const name = AGENT_NAMES[i]!;
        return (
          <span key={name} className="compare-agent-choice">
            <label htmlFor={`${id}-${name}`}>
              {name} algorithm
              <select
                id={`${id}-${name}`}
                value={algorithm}
                onChange={(e) => {
                  if (isAlgorithm(e.target.value)) store.getState().setAlgorithm(i, e.target.value);
                }}
              >
                {ALGORITHMS.map((a) => (
                  <option key={a} value={a}>
                    {ALGORITHM_LABELS[a]}
                  </option>
                ))}
              </select>
            </label>
            {i >= COMPARE_AGENTS.min && (
              <button
                type="button"
                aria-label={`Remove the ${name.toLowerCase()} agent`}
                title="The next comparison leaves this agent out"
                onClick={() => store.getState().removeAgent(i)}
              >
                Remove
              </button>
            )}
          </span>
        );
      })}
      <button
        type="button"
        title="The next comparison trains one more agent (at most four)"
        disabled={algorithms.length >= COMPARE_AGENTS.max}
        onClick={() => store.getState().addAgent()}
      >
        Add an agent
      </button>
      <label htmlFor={`${id}-speed`}>
        Speed
        <select
          id={`${id}-speed`}
          value={String(speed)}
          onChange={(e) =>
            store.getState().setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))
          }
        >
          {COMPARE_SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      {/* Named apart from the lab's Play, Pause and Reset, so no name contains another. */}
      <div className="compare-buttons">
        <button
          title="Train every agent; after a stop it carries on where they were"
          type="button"
          disabled={running || connection === 'starting'}
          onClick={() => store.getState().start(lab.getState().settings)}
        >
          Start comparison
        </button>
        <button
          type="button"
          title="Pause every agent; Start comparison carries on"
          disabled={!running}
          onClick={() => store.getState().pause()}
        >
          Stop comparison
        </button>
        <button
          type="button"
          title="Every agent back to Q = 0, with the lab's current settings"
          onClick={() => store.getState().reset(lab.getState().settings)}
        >
          New comparison
        </button>
      </div>
    </div>
  );
}

/** "Training · Q-learning 1,200 · SARSA 1,150 of 10,000 episodes", and V*(start). */
function CompareProgress({ store }: { store: CompareStore }) {
  const labSettings = useLab((s) => s.settings);
  const { episodes, target, running, finished, runAlgorithms, optimum, connection, settings } =
    useStore(
      store,
      useShallow((s) => ({
        settings: s.settings,
        episodes: s.episodes,
        target: s.targetEpisode,
        running: s.running,
        finished: s.finished,
        runAlgorithms: s.runAlgorithms,
        optimum: s.optimum,
        connection: s.connection,
      })),
    );
  if (!runAlgorithms)
    return (
      <p className="compare-progress">
        {connection === 'starting'
          ? 'Starting the comparison…'
          : 'Press Start comparison: the agents train on the lab’s map, seed and settings.'}
      </p>
    );
  const state = running ? 'Training' : finished ? 'Finished' : 'Paused';
  return (
    <div className="compare-progress">
      <p>
        <strong>{state}</strong>{' '}
        {runAlgorithms.map((a, i) => (
          <span key={i} className="compare-count" data-side={i}>
            {ALGORITHM_LABELS[a]} {formatThousands(episodes[i] ?? 0)}
            {i < runAlgorithms.length - 1 ? ' · ' : ''}
          </span>
        ))}{' '}
        of {formatThousands(target)} episodes
      </p>
      <progress
        max={target}
        value={Math.min(...episodes)}
        aria-label="Comparison progress (the slower agent)"
      />
      {!sameRunSettings(settings, labSettings) && (
        <p className="compare-stale">
          The lab’s settings changed since this comparison began: Start comparison begins a new one
          with them.
        </p>
      )}
      {optimum && (
        <p className="compare-optimum">
          γ-optimal policy (value iteration, γ {optimum.gamma}): V*(start){' '}
          <span className="compare-vstar">{formatFixed(optimum.startValue, 3)}</span>; it reaches
          the goal within the time limit with probability{' '}
          {formatFixed(optimum.successProbability, 3)}. The best any policy can do within the limit:{' '}
          {formatFixed(optimum.bestWithinLimit, 3)}.
        </p>
      )}
    </div>
  );
}

/**
 * "Compare algorithms": two to four learners trained side by side in their own worker on the lab's map,
 * seed and ε schedule, with their grids, their numbers at the start state and shared curves.
 * The panel owns its store; the worker starts with the first comparison and ends with the panel.
 */
export function ComparePanel({ createWorker }: { createWorker: () => CompareWorkerPort }) {
  const lab = useLabStore();
  const palette = useLab((s) => s.display.palette);
  const [store] = useState(() =>
    createCompareStore({
      createWorker,
      onError: (message) => lab.getState().notify('error', message),
    }),
  );
  useEffect(() => () => store.getState().dispose(), [store]);

  return (
    <section className="panel compare-panel" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare algorithms</h2>
      <p className="compare-explainer">
        Q-learning is <em>off-policy</em>: its target r + γ·max<sub>a′</sub> Q(s′, a′) assumes the
        greedy action comes next, so it learns the greedy policy’s values while it explores. SARSA
        is <em>on-policy</em>: its target uses the action a′ its ε-greedy policy really takes, so it
        learns the value of that exploring policy, its random moves included. While ε is high those
        random moves often take it into holes, so it values states near holes lower, prefers routes
        where a random move is safe, and its V(start) stays lower. The ice slips for every algorithm
        alike: the difference is the exploration. Expected SARSA averages over the same ε-greedy
        policy instead of sampling a′. To see it plainly, set ε to {ON_POLICY_DEMO.epsilon} and its
        decay to {ON_POLICY_DEMO.epsilonDecay} in the lab, then start a comparison and watch
        V(start).
      </p>
      <CompareControls store={store} />
      <CompareProgress store={store} />
      <CompareViews store={store} palette={palette} />
    </section>
  );
}
