import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { shallow } from 'zustand/vanilla/shallow';
import { DEFAULT_ALGORITHM } from '../../../rl/algorithm-names';
import { BAND_SEED_LIMIT } from '../../../rl/band-limit';
import { createBandStore, type BandState } from '../../../store/band-store';
import { sweepPoolSize, type SweepWorkerPort } from '../../../store/sweep-store';
import { labQuery } from '../../../shared/url/lab-link';
import { linkBandSeeds } from '../../../shared/url/url-state';
import { bandChartData, createSeedBandChart } from '../../../viz/seed-band-chart';
import { formatFixed, formatThousands } from '../../../viz/format';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useThrottledStore } from '../../hosts/useThrottledLab';
import { useLabStore } from '../../shell/lab-context';
import { bandRequestFromForm, DEFAULT_BAND_SEEDS, withBandSeeds, type BandForm } from './band-form';
import { PoolRunBar } from '../sweep/PoolRunBar';
import { SweepField } from '../sweep/SweepField';

/** Props of `SeedBandPanel`. */
/** The band form's two fields, in the order they show. */
const BAND_FIELDS: readonly { key: keyof BandForm; label: string; hint?: string }[] = [
  {
    key: 'seeds',
    label: 'Seeds in the band',
    hint: `${BAND_SEED_LIMIT.min} to ${BAND_SEED_LIMIT.max}`,
  },
  { key: 'episodes', label: 'Episodes per seed' },
];

export interface SeedBandPanelProps {
  /** Makes one worker of the pool (the sweep's Web Worker in the app, a fake in tests). */
  createWorker: () => SweepWorkerPort;
  /** Workers in the pool; default one per core but one (`sweepPoolSize`). */
  poolSize?: number;
}

/** The progress the panel shows, read at most 4 times a second. */
const selectProgress = (s: BandState) => ({
  phase: s.phase,
  done: s.done,
  total: s.total,
  version: s.version,
});

/** Writes the band's seed count into the page's address (the lab's own keys as they are). */
function writeSeedsToLink(lab: ReturnType<typeof useLabStore>, count: number): void {
  try {
    const url = new URL(window.location.href);
    url.search = labQuery(lab.getState(), withBandSeeds(url.search, count));
    window.history.replaceState(window.history.state, '', url.href);
  } catch {
    // A page that may not rewrite its address (a sandboxed frame) draws the band all the same.
  }
}

/**
 * Seed bands: the lab's settings trained on N seeds (the lab's seed and the N − 1 after it) in
 * the sweep's pool of Web Workers, drawn as the median and interquartile band of the success
 * rate, the exact success and the episode length over episodes, with the lab's run (its seed) as
 * a dashed line inside; the numbers on hover or focus and in a table. N is in the link (`seeds=`).
 */
export function SeedBandPanel({ createWorker, poolSize }: SeedBandPanelProps) {
  const lab = useLabStore();
  const [store] = useState(() =>
    createBandStore({
      createWorker,
      poolSize: poolSize ?? sweepPoolSize(globalThis.navigator?.hardwareConcurrency),
    }),
  );
  const [form, setForm] = useState<BandForm>(() => ({
    seeds: String(linkBandSeeds(globalThis.location?.search ?? '') ?? DEFAULT_BAND_SEEDS),
    episodes: String(lab.getState().settings.episodes),
  }));
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const storeErrors = useStore(store, (s) => s.errors);
  const progress = useThrottledStore(store, selectProgress, shallow);
  const id = useId();
  const running = progress.phase === 'running';

  // Workers must not outlive the panel.
  useEffect(() => () => store.getState().cancel(), [store]);

  const host = useRendererHost((element: HTMLDivElement) => createSeedBandChart(element), {
    store,
    watch: (s, prev) => s.version !== prev.version || s.phase !== prev.phase,
    draw: (chart, s) => {
      const lab = s.curves()[0];
      if (lab && s.done > 0) chart.update(bandChartData(s.band(), lab));
    },
    intervalMs: PANEL_INTERVAL_MS,
  });

  const draw = () => {
    const parsed = bandRequestFromForm(form, lab.getState().settings);
    if (!parsed.ok) {
      setFormErrors(parsed.errors);
      return;
    }
    setFormErrors([]);
    const errors = store.getState().start(parsed.request);
    if (errors.length > 0) return;
    // The band wants the cores: the lab's own training waits.
    lab.getState().pause();
    writeSeedsToLink(lab, parsed.request.count);
  };

  // Re-read when the throttled progress moved (4 times a second at most).
  const data = useMemo(() => {
    const s = store.getState();
    const first = s.curves()[0];
    return first && progress.done > 0 ? bandChartData(s.band(), first) : null;
  }, [store, progress]);
  const plan = store.getState().plan;
  const errors = formErrors.length > 0 ? formErrors : storeErrors;
  const statusText =
    progress.phase === 'idle'
      ? 'No band yet.'
      : `${progress.done} of ${progress.total} seeds` +
        (progress.phase === 'running'
          ? '…'
          : progress.phase === 'done'
            ? ', done.'
            : progress.phase === 'cancelled'
              ? ', cancelled.'
              : ', failed.');

  return (
    <section className="panel seed-band" aria-label="Seed band">
      <h2>Seed band</h2>
      <p className="hint">
        One run is one draw of chance. Train the lab&apos;s settings and algorithm on many seeds at
        once (the lab&apos;s seed and the ones after it) and see the spread: the median and the
        middle half of the seeds, with the lab&apos;s own run as a dashed line.
      </p>
      <div className="sweep-form">
        {BAND_FIELDS.map(({ key, label, hint }) => (
          <SweepField
            key={key}
            id={`${id}-${key}`}
            label={label}
            numeric
            disabled={running}
            value={form[key]}
            hint={hint}
            onChange={(value) => setForm((f) => ({ ...f, [key]: value }))}
          />
        ))}
      </div>
      <PoolRunBar
        startLabel="Draw band"
        onStart={draw}
        onCancel={() => store.getState().cancel()}
        running={running}
        progressLabel="Band progress"
        done={progress.done}
        total={progress.total}
        status={statusText}
        errors={errors}
      />
      <div ref={host} className="seed-band-host" />
      {data && plan && (
        <div className="sweep-table-scroll" role="region" aria-label="Band numbers" tabIndex={0}>
          <table className="sweep-table">
            <caption>
              Median and interquartile range over {data.seeds} seeds, and the lab&apos;s run (seed{' '}
              {data.labSeed}), per checkpoint; every seed learns with{' '}
              {plan.request.learner?.algorithm ?? DEFAULT_ALGORITHM}
            </caption>
            <thead>
              <tr>
                <th scope="col">Episode</th>
                {data.series.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.series[0]!.points.map((p, i) => (
                <tr key={p.episode}>
                  <th scope="row">{formatThousands(p.episode)}</th>
                  {data.series.map((s) => {
                    const q = s.points[i]!;
                    const f = (x: number) => formatFixed(x, s.digits);
                    return (
                      <td key={s.key}>
                        {f(q.median)} ({f(q.q1)}–{f(q.q3)}); lab {f(s.lab[i]!)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
