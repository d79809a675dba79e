import { memo, useEffect, useRef, useState } from 'react';
import { RUN_LIMITS } from '../../../rl/params';
import type { LabState } from '../../../store/lab-store';
import { createMiniGrid, type MiniGrid } from '../../../viz/mini-grid';
import { createQGrid } from '../../../viz/q-grid';
import type { Frame } from '../../../worker/protocol';
import { queueDraw } from '../../hosts/draw-queue';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLab, useLabStore } from '../../shell/lab-context';
import { useThrottledLab } from '../../hosts/useThrottledLab';
import { lessonTarget } from '../../lesson/targets';
import { StopSlider } from '../../shell/StopSlider';
import { formatFixed, formatThousands } from '../../../viz/format';

const selectFrames = (s: LabState) => s.frames;
/** Out of view, the gallery waits for new frames while training runs. */
const whileRunning = (s: LabState) => s.running;
/** How often the gallery takes in new frames, in ms. */
const GALLERY_INTERVAL_MS = 1000;
/**
 * The same while training runs at full speed: hundreds of frames arrive a second, the gallery
 * thins them anyway, and redrawing its strip and large frame every second costs the page frames.
 */
const GALLERY_FULL_SPEED_INTERVAL_MS = 3000;

/** [0, the largest value there is] so frames keep comparable colours. */
function valueDomain(state: LabState): [number, number] {
  const v = state.optimum?.v;
  let m = 0;
  if (v) for (const x of v) m = Math.max(m, x);
  return [0, m];
}

/**
 * A thumbnail of one frame: V colours, greedy ticks and that episode's path. Thumbnails are keyed
 * by episode, so thinning the gallery removes pictures and redraws none of those it keeps.
 */
const FrameThumb = memo(function FrameThumb({ frame, desc }: { frame: Frame; desc: string[] }) {
  const host = useRef<HTMLDivElement>(null);
  const mini = useRef<MiniGrid | null>(null);
  const store = useLabStore();
  useEffect(() => {
    // The button's text names the frame; the picture is decoration to a screen reader.
    mini.current = createMiniGrid(host.current!, null);
    return () => {
      mini.current?.destroy();
      mini.current = null;
    };
  }, []);
  useEffect(
    // Queued: a gallery taking in many frames at once draws them over several animation frames.
    () =>
      queueDraw(mini, () =>
        mini.current?.update({
          desc,
          v: frame.v,
          greedyMask: frame.greedyMask,
          path: frame.trajectory,
          domain: valueDomain(store.getState()),
        }),
      ),
    [frame, desc, store],
  );
  return <div ref={host} className="frame-thumb-art" />;
});

/**
 * Like the lesson's saved frames: V, Q, A and the last trajectory every `frameInterval`
 * episodes (and after the last episode of a run), in a gallery with a scrubber. Thinned to a
 * bounded number of frames over long runs.
 */
export function FramesGallery() {
  // At full speed frames arrive every few ms: show them a few times a second.
  const section = useRef<HTMLElement>(null);
  const fullSpeed = useLab((s) => s.running && s.speed === 'max');
  // When the run stops the interval changes back, and the hook takes the latest frames at once.
  const takeEvery = fullSpeed ? GALLERY_FULL_SPEED_INTERVAL_MS : GALLERY_INTERVAL_MS;
  const frames = useThrottledLab(selectFrames, Object.is, takeEvery, {
    host: section,
    skipHidden: whileRunning,
  });
  const env = useLab((s) => s.env);
  const view = useLab((s) => s.view);
  const interval = useLab((s) => s.settings.frameInterval);
  const setFrameInterval = useLab((s) => s.setFrameInterval);
  const store = useLabStore();
  const [chosen, setChosen] = useState<number | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const index = chosen === null ? frames.length - 1 : Math.min(chosen, frames.length - 1);
  const frame = frames[index];
  /** Shows frame i; the last one is not pinned, so the newest stays shown as frames arrive. */
  const choose = (i: number) => setChosen(i === frames.length - 1 ? null : i);
  // The large frame: built once (before any frame arrives, on the untrained table, so the first
  // frame of a run, which comes while training runs flat out, only recolours it), redrawn when
  // the chosen frame, the map or the view changes.
  const bigHost = useRendererHost(
    (element: HTMLDivElement) =>
      createQGrid(element, { title: 'Frame', observeResize: false, fadeEnded: false }),
    {
      store,
      watch: () => false,
      draw: (grid, state) => {
        if (!env) return;
        // Frames keep V, Q and A only (as the lesson's do): the visit and TD-error layers show V.
        grid.setView(view === 'n' || view === 'td' ? 'v' : view);
        const nS = env.desc.length * (env.desc[0]?.length ?? 0);
        const shown = frame ?? {
          q: new Float64Array(nS * 4),
          v: new Float64Array(nS),
          advantage: new Float64Array(nS * 4),
          greedyMask: new Uint8Array(nS).fill(0b1111),
          trajectory: null,
        };
        const domain = valueDomain(state);
        grid.update({
          desc: env.desc,
          q: shown.q,
          v: shown.v,
          advantage: shown.advantage,
          greedyMask: shown.greedyMask,
          agentState: -1,
          path: shown.trajectory,
          step: null,
          animate: false,
          durationMs: 0,
          domains: { v: domain, q: domain },
        });
      },
      drawOn: [frame, env, view],
    },
  );

  const applyInterval = () => {
    if (draft === null) return;
    if (setFrameInterval(Number(draft))) setDraft(null);
  };

  return (
    <section ref={section} className="panel frames" aria-label="Frames" {...lessonTarget('frames')}>
      <div className="panel-head">
        <h2>Frames</h2>
        <label className="inline-field">
          Frame every
          <input
            type="number"
            className="slider-exact"
            min={RUN_LIMITS.frameInterval.min}
            step={1}
            value={draft ?? String(interval)}
            aria-label="Frame every N episodes"
            onChange={(e) => setDraft(e.target.value)}
            onBlur={applyInterval}
            onKeyDown={(e) => e.key === 'Enter' && applyInterval()}
          />
          episodes
        </label>
      </div>
      {frames.length === 0 && (
        <p className="hint">
          A frame of V, Q, A and the last trajectory is kept after episode 0 and every{' '}
          {formatThousands(interval)} episodes, as in the lesson. Press Play.
        </p>
      )}
      <div className="frame-main" hidden={!frame}>
        <div ref={bigHost} className="frame-big" />
        {frame && (
          <p className="frame-caption">
            Episode {formatThousands(frame.episode)} · ε {formatFixed(frame.epsilon, 3)} · greedy
            policy reaches the goal with probability {formatFixed(frame.successProbability, 3)}
          </p>
        )}
      </div>
      {frames.length > 0 && (
        <StopSlider
          id="frame-scrubber"
          label="Frame"
          count={frames.length}
          index={index}
          valueText={frame ? `episode ${formatThousands(frame.episode)}` : ''}
          readout={`${index + 1} of ${frames.length}`}
          onIndex={choose}
        />
      )}
      <ol className="frame-strip" aria-label="Gallery">
        {env &&
          frames.map((f, i) => (
            // Keyed by episode: when the gallery thins, the frames it keeps keep their pictures.
            <li key={f.episode}>
              <button
                type="button"
                className={i === index ? 'frame-thumb active' : 'frame-thumb'}
                aria-pressed={i === index}
                onClick={() => choose(i)}
              >
                <FrameThumb frame={f} desc={env.desc} />
                <span>Episode {formatThousands(f.episode)}</span>
              </button>
            </li>
          ))}
      </ol>
    </section>
  );
}
