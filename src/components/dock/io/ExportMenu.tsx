import { useRef, useState, type RefObject } from 'react';
import type { LabState } from '../../../store/lab-store';
import { svgBlob, svgToPng } from '../../../viz/export-image';
import {
  exportFileName,
  qvaCsv,
  runJson,
  zeroTables,
  type FileNameParts,
  type RunExportInput,
} from './export-data';
import { useLab, useLabStore } from '../../shell/lab-context';

/** Where the learning curves' SVG is drawn (see `LearningCurves`). */
export const CURVES_SVG_SELECTOR = '.learning-curves-host svg';

/**
 * How long a download's `blob:` URL lives. The download reads it after the click's task, so it
 * cannot be revoked at once; a few seconds is ample (FileSaver.js waits 40 s).
 */
export const REVOKE_DELAY_MS = 10_000;

/** Saves a blob as a file: a click on a temporary `<a download>` with a `blob:` URL, revoked after. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}

/** The first SVG matching `selector`, or null (the curves live in a dock tab, maybe never opened). */
function findSvg(selector: string): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>(selector);
}

/** The run as the export builders read it, from the store's state at the moment of the click. */
function exportInput(state: LabState): RunExportInput | null {
  const { env, snapshot, record } = state;
  if (!env) return null;
  return {
    // The run record: the settings it started with and the changes since, so the file replays.
    settings: record?.settings ?? state.settings,
    changes: record?.changes ?? [],
    params: state.params,
    env,
    // Q and the counters from the same snapshot, so they belong together.
    counters: snapshot
      ? { episode: snapshot.episode, totalSteps: snapshot.totalSteps, epsilon: snapshot.epsilon }
      : { episode: state.episode, totalSteps: state.totalSteps, epsilon: state.epsilon },
    tables: snapshot ?? zeroTables(env.nS),
    frames: state.frames,
    optimum: state.optimum,
    evaluation: snapshot?.evaluation ?? null,
    history: state.history,
    exportedAt: new Date().toISOString(),
  };
}

type ExportKind = 'grid-png' | 'grid-svg' | 'curves-png' | 'csv' | 'json';

const BUTTONS: readonly { kind: ExportKind; label: string }[] = [
  { kind: 'grid-png', label: 'Grid as PNG' },
  { kind: 'grid-svg', label: 'Grid as SVG' },
  { kind: 'curves-png', label: 'Curves as PNG' },
  { kind: 'csv', label: 'Q, V and A as CSV' },
  { kind: 'json', label: 'Run as JSON' },
];

/**
 * Export: the grid as PNG or SVG, the learning curves as PNG, Q/V/A as CSV and the whole run as
 * JSON (the run record — settings, seed, changes, steps — that replays the same Q, with the
 * counters, tables, frames and learning curves). Reads the store only when a button is pressed;
 * renders only when the worker's readiness changes or an export starts or ends. `gridSvg` is the
 * main grid's element, handed over by the page (set by `GridView`).
 */
export function ExportMenu({ gridSvg }: { gridSvg: RefObject<SVGSVGElement | null> }) {
  const store = useLabStore();
  const ready = useLab((s) => s.env !== null);
  const notify = useLab((s) => s.notify);
  const [busy, setBusy] = useState(false);
  /** The same as `busy`, but current between renders (two quick presses). */
  const exporting = useRef(false);
  const [saved, setSaved] = useState('');

  const run = async (kind: ExportKind): Promise<void> => {
    const state = store.getState();
    const input = exportInput(state);
    if (!input) return;
    const parts: FileNameParts = {
      nrow: input.env.nrow,
      ncol: input.env.ncol,
      seed: input.settings.seed,
      episode: input.counters.episode,
    };
    const svgOf = (svg: SVGSVGElement | null, what: string) => {
      if (!svg) throw new Error(`There are no ${what} on the page to export.`);
      return svg;
    };
    let blob: Blob;
    let fileName: string;
    switch (kind) {
      case 'grid-png':
        blob = await svgToPng(svgOf(gridSvg.current, 'grid'));
        fileName = exportFileName(parts, 'png', 'grid');
        break;
      case 'grid-svg':
        blob = svgBlob(svgOf(gridSvg.current, 'grid'));
        fileName = exportFileName(parts, 'svg', 'grid');
        break;
      case 'curves-png':
        blob = await svgToPng(svgOf(findSvg(CURVES_SVG_SELECTOR), 'learning curves'));
        fileName = exportFileName(parts, 'png', 'curves');
        break;
      case 'csv':
        blob = new Blob([qvaCsv(input.env, input.tables)], { type: 'text/csv;charset=utf-8' });
        fileName = exportFileName(parts, 'csv');
        break;
      case 'json':
        blob = new Blob([runJson(input)], { type: 'application/json' });
        fileName = exportFileName(parts, 'json');
        break;
    }
    downloadBlob(blob, fileName);
    setSaved(`Saved ${fileName}.`);
  };

  // While a PNG is drawn, further presses wait their turn by being ignored; the buttons stay
  // enabled so keyboard focus is not thrown off the one just pressed.
  const onExport = (kind: ExportKind) => {
    if (exporting.current) return;
    exporting.current = true;
    setBusy(true);
    setSaved('');
    run(kind)
      .catch((e: unknown) =>
        notify('error', `Export failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        exporting.current = false;
        setBusy(false);
      });
  };

  return (
    <section className="panel export-menu" aria-label="Export">
      <h2>Export</h2>
      <p className="hint">
        Save the pictures, the tables and the run. The JSON is a record of the run (settings, seed
        and every slider change, with its step): it trains the same Q again, to the last bit.
      </p>
      <div className="playback" role="group" aria-label="Export formats" aria-busy={busy}>
        {BUTTONS.map(({ kind, label }) => (
          <button key={kind} type="button" onClick={() => onExport(kind)} disabled={!ready}>
            {label}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="hint">
        {saved}
      </p>
    </section>
  );
}
