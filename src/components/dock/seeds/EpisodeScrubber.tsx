import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ACTION_NAMES } from '../../../rl/env';
import { replayEpisode, type EpisodeReplay } from '../../../rl/episode-replay';
import { parseNumber } from '../../../rl/parse-values';
import type { StepRecord } from '../../../rl/step-record';
import { createMiniGrid, type MiniGrid } from '../../../viz/mini-grid';
import { formatSigned, formatValue } from '../../../viz/format';
import { OWN_KEYS_ATTRIBUTE } from '../../shell/own-keys';
import { useLab, useLabStore } from '../../shell/lab-context';

/**
 * A step in words: where the agent was, what it chose and why, where the ice took it. An ending
 * is named by the entered tile of the map `desc` (a reward schedule may pay the goal 0 or a hole
 * more than 0); without the map, by the default rewards' sign.
 */
export function describeStep(s: StepRecord, desc?: readonly string[]): string {
  const moved = s.slipped
    ? `slipped: moved ${ACTION_NAMES[s.actual]} instead`
    : `no slip: moved ${ACTION_NAMES[s.actual]}`;
  const tile = desc?.join('')[s.nextState];
  const goal = tile !== undefined ? tile === 'G' : s.reward > 0;
  const end = s.terminated ? (goal ? ', reached the goal' : ', fell in a hole') : '';
  const cut = s.truncated ? ', time limit' : '';
  return (
    `State ${s.state}, action ${ACTION_NAMES[s.action]} (${s.explored ? 'explored' : 'exploited'}), ` +
    `${moved} to state ${s.nextState}${end}${cut}; reward ${formatValue(s.reward)}, ` +
    `TD error ${formatSigned(s.tdError, 4)}.`
  );
}

/** The mini grid of the episode: the agent where step `k` left it, the path up to there. */
function useEpisodeGrid(replay: EpisodeReplay | null, k: number, desc: readonly string[]) {
  const host = useRef<HTMLDivElement>(null);
  const grid = useRef<MiniGrid | null>(null);
  useEffect(() => {
    if (!host.current) return;
    grid.current = createMiniGrid(host.current, null);
    return () => {
      grid.current?.destroy();
      grid.current = null;
    };
  }, []);
  useEffect(() => {
    if (!grid.current || !replay) return;
    const steps = replay.steps.slice(0, k + 1);
    const states = [steps[0]?.state ?? 0, ...steps.map((s) => s.nextState)];
    const n = desc.length * desc[0]!.length;
    grid.current.update({
      desc,
      v: new Float64Array(n),
      greedyMask: new Uint8Array(n),
      path: { states, length: steps.length },
      domain: [0, 1],
      agent: states[states.length - 1]!,
    });
  }, [replay, k, desc]);
  return host;
}

/**
 * The episode scrubber: pick an episode of the run on screen (the last finished one to start
 * with) and replay it step by step, exactly, from the run's record (`rl/episode-replay`): the
 * agent on the grid after each step, the action, explored or exploited, the slip, the reward and
 * the TD error of that step's update. ←/→ move a step, Home/End go to the first and last.
 */
export function EpisodeScrubber() {
  const lab = useLabStore();
  const finished = useLab((s) => s.episode);
  const frames = useLab((s) => s.frames);
  const [episodeText, setEpisodeText] = useState('');
  const [error, setError] = useState('');
  const [replay, setReplay] = useState<EpisodeReplay | null>(null);
  const [k, setK] = useState(0);
  const id = useId();
  const desc = replay ? lab.getState().settings.map : ['S'];
  const grid = useEpisodeGrid(replay, k, desc);

  /** Replays the episode `typed` names (the field's text; empty: the last finished one). */
  const load = (typed = episodeText) => {
    const { record, totalSteps, episode: done } = lab.getState();
    const text = typed.trim() === '' ? String(Math.max(0, done - 1)) : typed;
    // The episode under way (number `done`) replays as far as it went.
    const limit = { label: 'Episode', min: 0, max: done, integer: true };
    const read = parseNumber(limit, text.trim());
    if (!read.ok || !record) {
      setError(read.ok ? 'The run has no record yet: take a step first.' : read.error);
      return;
    }
    const result = replayEpisode({ ...record, totalSteps }, read.value);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError('');
    setReplay(result.replay);
    setK(0);
  };

  const n = replay?.steps.length ?? 0;
  const move = (to: number) => setK(Math.max(0, Math.min(n - 1, to)));
  const onKey = (e: KeyboardEvent) => {
    const to: Record<string, number> = { ArrowLeft: k - 1, ArrowRight: k + 1, Home: 0, End: n - 1 };
    if (!(e.key in to)) return;
    e.preventDefault();
    move(to[e.key]!);
  };
  const step = replay?.steps[k];

  return (
    <section className="panel episode-scrubber" aria-label="Episode scrubber">
      <h2>Episode scrubber</h2>
      <p className="hint">
        Replay one episode of the run on screen exactly, step by step, from its record: the same
        random draws, the same ε and the same Q at every step. Episodes are numbered from 0, as in
        the step inspector; {finished.toLocaleString('en-US')} have finished.
      </p>
      <div className="sweep-actions">
        <label htmlFor={`${id}-episode`}>Episode</label>
        <input
          id={`${id}-episode`}
          type="text"
          inputMode="numeric"
          spellCheck={false}
          placeholder={String(Math.max(0, finished - 1))}
          value={episodeText}
          onChange={(e) => setEpisodeText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') load();
          }}
        />
        <button type="button" onClick={() => load()}>
          Replay episode
        </button>
        {frames.length > 0 && (
          <>
            <label htmlFor={`${id}-frame`}>or a frame’s</label>
            <select
              id={`${id}-frame`}
              value=""
              onChange={(e) => {
                if (e.target.value === '') return;
                setEpisodeText(e.target.value);
                load(e.target.value);
              }}
            >
              <option value="">Choose a frame…</option>
              {frames.map((f) => (
                <option key={f.episode} value={f.episode}>
                  Frame at episode {f.episode.toLocaleString('en-US')}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {error && (
        <p className="sweep-errors" role="alert">
          {error}
        </p>
      )}
      <div
        className="scrubber-body"
        hidden={!replay}
        role="group"
        tabIndex={replay ? 0 : -1}
        aria-label={
          replay ? `Episode ${replay.episode}, step ${k + 1} of ${n}: use ← → Home End` : undefined
        }
        onKeyDown={onKey}
        {...{ [OWN_KEYS_ATTRIBUTE]: 'arrows' }}
      >
        <div ref={grid} className="scrubber-grid" aria-hidden="true" />
        <div className="scrubber-controls">
          <button type="button" onClick={() => move(0)} disabled={k === 0}>
            First
          </button>
          <button type="button" onClick={() => move(k - 1)} disabled={k === 0}>
            Previous step
          </button>
          <button type="button" onClick={() => move(k + 1)} disabled={k >= n - 1}>
            Next step
          </button>
          <button type="button" onClick={() => move(n - 1)} disabled={k >= n - 1}>
            Last
          </button>
        </div>
        {replay && step && (
          <p className="scrubber-step" aria-live="polite" data-testid="scrubber-step">
            Episode {replay.episode}, step {step.t} of {n}
            {replay.complete ? '' : ' (under way)'}: {describeStep(step, desc)}
          </p>
        )}
        {replay && (
          <p className="hint">
            Slips in this episode: {replay.steps.filter((s) => s.slipped).length} of {n} steps.
          </p>
        )}
      </div>
    </section>
  );
}
