import type { LabState } from '../../store/lab-store';
import { formatThousands } from '../../viz/format';
import { PANEL_INTERVAL_MS } from '../hosts/frame-throttle';
import { useThrottledLab } from '../hosts/useThrottledLab';
import { useLab } from '../shell/lab-context';
import { lessonTarget } from '../lesson/targets';
import { StateRow } from './StateRow';
import { lazyModule } from '../../shared/lazy-module';
import { useLazyModule } from '../hosts/useLazyModule';

/**
 * The worked numbers of an update (TD target, TD error, new Q): there are none before the first
 * Step, so they load after the first draw (the page asks for them once it is idle).
 */
export const updateNumbersCode = lazyModule(() => import('./UpdateNumbers'));

const selectSnapshot = (s: LabState) => s.snapshot;

/** How the cell picker names a tile. */
const TILE_WORDS: Record<string, string> = { S: 'start', F: 'frozen', H: 'hole', G: 'goal' };

/**
 * The update column: the last update in the lesson's own terms, with the worker's own numbers,
 * compact enough to sit beside the grid on a 1280x720 screen. It follows the agent, or shows a
 * chosen cell (click it on the grid or pick it here): the latest update the page saw there, and
 * that state's Q and A row.
 */
export function StepInspector() {
  const inspected = useLab((s) => s.inspectedState);
  const env = useLab((s) => s.env);
  const inspect = useLab((s) => s.inspect);
  // Read a few times a second at most: at full speed every frame would be flicker.
  const snapshot = useThrottledLab(selectSnapshot, Object.is, PANEL_INTERVAL_MS);
  const updateAt = useLab((s) => s.updateAt);
  const last = inspected === null ? (snapshot?.last ?? null) : updateAt(inspected);
  const state = inspected ?? snapshot?.last?.state ?? null;
  const numbers = useLazyModule(updateNumbersCode, last !== null);
  return (
    <section className="panel inspector" aria-label="Step inspector" {...lessonTarget('inspector')}>
      <div className="panel-head">
        <h2>Step inspector</h2>
        <label className="inline-field">
          Cell
          <select
            value={inspected === null ? 'follow' : String(inspected)}
            onChange={(e) => inspect(e.target.value === 'follow' ? null : Number(e.target.value))}
          >
            <option value="follow">Follow the agent</option>
            {env?.desc
              .join('')
              .split('')
              .map((tile, s) => (
                <option key={s} value={s}>
                  State {s} ({TILE_WORDS[tile] ?? tile})
                </option>
              ))}
          </select>
        </label>
      </div>
      {last ? (
        <>
          {inspected !== null && (
            <p className="hint">
              The latest update at state {inspected} the page has seen: step{' '}
              {formatThousands(last.totalSteps)} of the run.
            </p>
          )}
          {numbers ? (
            <numbers.UpdateNumbers last={last} desc={env?.desc} />
          ) : (
            <p role="status">Loading the update…</p>
          )}
        </>
      ) : (
        <p className="hint">
          {inspected === null
            ? 'Press Step to make the first update and read it here.'
            : `No update at state ${inspected} seen yet: step or play slowly to watch one.`}
        </p>
      )}
      {snapshot && state !== null && <StateRow snapshot={snapshot} state={state} />}
    </section>
  );
}
