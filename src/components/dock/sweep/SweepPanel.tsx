import { Fragment, memo, useCallback, useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { shallow } from 'zustand/vanilla/shallow';
import { SWEEP_AXES, type SweepAxis } from '../../../rl/sweep';
import { sweepHasRewards } from '../../../rl/sweep-env';
import type { SweepSummary } from '../../../rl/sweep-summary';
import {
  createSweepStore,
  sweepPoolSize,
  type SweepState,
  type SweepStore,
  type SweepWorkerPort,
} from '../../../store/sweep-store';
import { createSweepHeatmap, sweepHeatmapData, type HeatmapCell } from '../../../viz/sweep-heatmap';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLab, useLabStore } from '../../shell/lab-context';
import type { LabStore } from '../../../store/lab-store';
import {
  AXIS_LABELS,
  defaultAxisValues,
  DEFAULT_SWEEP_FORM,
  namedSchedules,
  settingsForSweepCell,
  sweepSpecFromForm,
  type SweepForm,
} from './sweep-form';
import { useThrottledStore } from '../../hosts/useThrottledLab';
import { formatFixed } from '../../../viz/format';
import { PoolRunBar } from './PoolRunBar';
import { ScheduleChoices } from './ScheduleChoices';
import { SweepField } from './SweepField';

/** Props of `SweepPanel`. */
export interface SweepPanelProps {
  /** Makes one worker of the pool (the real Web Worker in the app, an in-process fake in tests). */
  createWorker: () => SweepWorkerPort;
  /** Workers in the pool; default `navigator.hardwareConcurrency`. */
  poolSize?: number;
}

/** The progress fields the panel shows, read at most 4 times a second. */
const selectProgress = (s: SweepState) => ({
  phase: s.phase,
  done: s.done,
  total: s.total,
  workers: s.workers,
  seconds: formatFixed(s.elapsedMs / 1000, 1),
  version: s.version,
});

/** The rows of the results table: one per setting, in the order of the heatmap's cells. */
function tableRows(store: SweepStore): { cells: HeatmapCell[]; summaries: SweepSummary[] } {
  const { plan, axes } = store.getState();
  if (!plan || !axes) return { cells: [], summaries: [] };
  const summaries = store.getState().summaries();
  const data = sweepHeatmapData(
    plan,
    summaries,
    axes,
    { x: AXIS_LABELS[axes.x], y: AXIS_LABELS[axes.y] },
    'default',
  );
  return { cells: data.cells, summaries };
}

/**
 * Starts a sweep's setting in the lab (the lab's seed); returns what to tell the user, or `null`
 * when the lab refused it (it says why in a notice).
 */
function loadSetting(store: SweepStore, lab: LabStore, settingIndex: number): string | null {
  const { plan } = store.getState();
  if (!plan) return null;
  const { settings, mapName, applySettings } = lab.getState();
  const next = settingsForSweepCell(plan, settingIndex, settings);
  const sameMap = next.map.join() === settings.map.join();
  if (!applySettings(next, sameMap ? mapName : 'custom')) return null;
  const cell = tableRows(store).cells.find((c) => c.settingIndex === settingIndex);
  return `Loaded ${cell?.label ?? 'the setting'} into the lab, seed ${settings.seed}: press Play.`;
}

/** Props of one row of the results table: text only, so a row re-renders only when it changed. */
interface ResultRowProps {
  label: string;
  settingIndex: number;
  seeds: number;
  n: number;
  median: string;
  iqr: string;
  range: string;
  /** The median exact return, when the sweep's rewards are not all Gymnasium's. */
  medianReturn?: string;
  onLoad(settingIndex: number): void;
}

/** One setting's row of the results table, with its Load button. */
const ResultRow = memo(function ResultRow(p: ResultRowProps) {
  return (
    <tr>
      <th scope="row">{p.label}</th>
      <td>{p.median}</td>
      <td>{p.iqr}</td>
      <td>{p.range}</td>
      {p.medianReturn !== undefined && <td>{p.medianReturn}</td>}
      <td>
        {p.n} of {p.seeds}
      </td>
      <td>
        <button
          type="button"
          aria-label={`Load ${p.label} into the lab`}
          onClick={() => p.onLoad(p.settingIndex)}
        >
          Load
        </button>
      </td>
    </tr>
  );
});

const f4 = (x: number) => formatFixed(x, 4, '—');

/**
 * Parameter sweeps in the page: two settings on the axes and their values, seeds, Run and Cancel,
 * a progress bar, the heatmap of median exact success (spread on hover) and the same numbers in a
 * table. A cell or a table row's Load button starts that setting in the lab. The agents train in
 * a pool of Web Workers, one per core; results arrive per agent, and the heatmap and the table
 * redraw at most 4 times a second.
 */
export function SweepPanel({ createWorker, poolSize }: SweepPanelProps) {
  const lab = useLabStore();
  const [store] = useState(() =>
    createSweepStore({
      createWorker,
      poolSize: poolSize ?? sweepPoolSize(globalThis.navigator?.hardwareConcurrency),
    }),
  );
  // Episodes start at the lab's budget (the lesson's 10,000 unless a preset or link changed it).
  const [form, setForm] = useState<SweepForm>(() => ({
    ...DEFAULT_SWEEP_FORM,
    episodes: String(lab.getState().settings.episodes),
  }));
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState('');
  const storeErrors = useStore(store, (s) => s.errors);
  const progress = useThrottledStore(store, selectProgress, shallow);
  const id = useId();
  const running = progress.phase === 'running';
  const episodesOnAxis = form.x === 'episodes' || form.y === 'episodes';

  // Workers must not outlive the panel (StrictMode mounts twice: the second mount still works,
  // as workers only start with a sweep).
  useEffect(() => () => store.getState().cancel(), [store]);

  const load = useCallback(
    (settingIndex: number) => {
      const message = loadSetting(store, lab, settingIndex);
      if (message) setLoaded(message);
    },
    [store, lab],
  );

  const palette = useLab((s) => s.display.palette);
  const host = useRendererHost(
    (element: HTMLDivElement) => createSweepHeatmap(element, { onSelect: load }),
    {
      store,
      watch: (s, prev) => s.version !== prev.version || s.phase !== prev.phase,
      draw: (heatmap, { plan, axes, summaries }) => {
        if (!plan || !axes) return;
        heatmap.update(
          sweepHeatmapData(
            plan,
            summaries(),
            axes,
            { x: AXIS_LABELS[axes.x], y: AXIS_LABELS[axes.y] },
            lab.getState().display.palette,
          ),
        );
      },
      intervalMs: PANEL_INTERVAL_MS,
      skipHidden: (s) => s.phase === 'running',
      drawOn: [palette],
    },
    [load],
  );

  const setAxis = (which: 'x' | 'y', axis: SweepAxis) =>
    setForm((f) => ({
      ...f,
      [which]: axis,
      [which === 'x' ? 'xValues' : 'yValues']: defaultAxisValues(axis, lab.getState().settings),
    }));
  const setValues = (which: 'x' | 'y', text: string) =>
    setForm((f) => ({ ...f, [which === 'x' ? 'xValues' : 'yValues']: text }));
  const labRewards = useLab((s) => s.settings.rewardSchedule);

  const run = () => {
    setLoaded('');
    const parsed = sweepSpecFromForm(form, lab.getState().settings);
    if (!parsed.ok) {
      setFormErrors(parsed.errors);
      return;
    }
    setFormErrors([]);
    // The sweep wants every core: the lab's own training waits.
    lab.getState().pause();
    store.getState().start(parsed.spec, { x: form.x, y: form.y });
  };

  const errors = formErrors.length > 0 ? formErrors : storeErrors;
  // Renders only when the throttled progress moved (4 times a second at most): read the table then.
  const { cells, summaries } = tableRows(store);
  const { axes, plan } = store.getState();
  const withReturn = plan !== null && sweepHasRewards(plan.spec);
  const statusText =
    progress.phase === 'idle'
      ? 'No sweep yet.'
      : `${progress.done} of ${progress.total} agents` +
        (progress.phase === 'running'
          ? ` on ${progress.workers} worker${progress.workers === 1 ? '' : 's'}, ${progress.seconds} s`
          : progress.phase === 'done'
            ? `, done in ${progress.seconds} s on ${progress.workers} worker${progress.workers === 1 ? '' : 's'}.`
            : progress.phase === 'cancelled'
              ? ', cancelled.'
              : ', failed.');

  return (
    <section className="panel sweep" aria-label="Sweep">
      <h2>Sweep</h2>
      <p className="hint">
        Train many agents at once, one per setting and seed, in parallel on this computer&apos;s
        cores (one core stays with the page). Each is scored by the exact chance its greedy policy
        reaches the goal within the time limit, and, when the rewards are not Gymnasium&apos;s, by
        its exact return per episode. The map and the other settings are the lab&apos;s current
        ones.
      </p>
      <div className="sweep-form">
        {(['x', 'y'] as const).map((which) => (
          <Fragment key={which}>
            <div className="sweep-axis">
              <label htmlFor={`${id}-${which}`}>{which === 'x' ? 'Across' : 'Down'}</label>
              <select
                id={`${id}-${which}`}
                value={form[which]}
                disabled={running}
                onChange={(e) => setAxis(which, e.target.value as SweepAxis)}
              >
                {SWEEP_AXES.map((axis) => (
                  <option key={axis} value={axis}>
                    {AXIS_LABELS[axis]}
                  </option>
                ))}
              </select>
              {form[which] !== 'rewardSchedule' && (
                <>
                  <label htmlFor={`${id}-${which}-values`}>
                    {which === 'x' ? 'Values across' : 'Values down'}
                  </label>
                  <input
                    id={`${id}-${which}-values`}
                    type="text"
                    spellCheck={false}
                    disabled={running}
                    value={which === 'x' ? form.xValues : form.yValues}
                    onChange={(e) => setValues(which, e.target.value)}
                  />
                </>
              )}
            </div>
            {form[which] === 'rewardSchedule' && (
              <ScheduleChoices
                legend={which === 'x' ? 'Values across' : 'Values down'}
                schedules={namedSchedules({ rewardSchedule: labRewards })}
                value={which === 'x' ? form.xValues : form.yValues}
                onChange={(text) => setValues(which, text)}
                disabled={running}
              />
            )}
          </Fragment>
        ))}
        <SweepField
          id={`${id}-seeds`}
          label="Seeds"
          disabled={running}
          value={form.seeds}
          hint="e.g. 0-3 or 0,5,9"
          onChange={(seeds) => setForm((f) => ({ ...f, seeds }))}
        />
        <SweepField
          id={`${id}-episodes`}
          label="Episodes per agent"
          numeric
          disabled={running || episodesOnAxis}
          value={episodesOnAxis ? 'on an axis' : form.episodes}
          onChange={(episodes) => setForm((f) => ({ ...f, episodes }))}
        />
      </div>
      <PoolRunBar
        startLabel="Run sweep"
        onStart={run}
        onCancel={() => store.getState().cancel()}
        running={running}
        progressLabel="Sweep progress"
        done={progress.done}
        total={progress.total}
        status={statusText}
        errors={errors}
      />
      <div ref={host} className="sweep-heatmap-host" />
      <p className="sweep-loaded" role="status">
        {loaded}
      </p>
      {axes && cells.length > 0 && (
        <div className="sweep-table-scroll" role="region" aria-label="Sweep results" tabIndex={0}>
          <table className="sweep-table">
            <caption>
              {`Exact success of the greedy policy over the seeds${withReturn ? ', and its exact return,' : ''} per setting`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Median</th>
                <th scope="col">Interquartile range</th>
                <th scope="col">Min–max</th>
                {withReturn && <th scope="col">Median return</th>}
                <th scope="col">Agents</th>
                <th scope="col">Lab</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => {
                const s = summaries[c.settingIndex]!;
                return (
                  <ResultRow
                    key={c.key}
                    label={c.label}
                    settingIndex={c.settingIndex}
                    seeds={c.seeds}
                    n={s.n}
                    median={f4(s.median)}
                    iqr={s.n > 0 ? `${f4(s.q1)}–${f4(s.q3)}` : '—'}
                    range={s.n > 0 ? `${f4(s.min)}–${f4(s.max)}` : '—'}
                    {...(withReturn ? { medianReturn: f4(s.medianReturn) } : {})}
                    onLoad={load}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
