import { useId, useState } from 'react';
import { parseRunRecord } from '../../../rl/replay';
import { useLab } from '../../shell/lab-context';
import { formatThousands } from '../../../viz/format';

/**
 * Opens a run exported as JSON: its settings, seed and slider changes are replayed in the worker
 * to the step it was saved at, so the class sees exactly that Q again. A file that is not a run
 * record is refused with what is wrong with it, and the current run is left as it was.
 */
export function ImportRun() {
  const id = useId();
  const replay = useLab((s) => s.replay);
  const notify = useLab((s) => s.notify);
  const replaying = useLab((s) => s.replaying !== null);
  const totalSteps = useLab((s) => s.totalSteps);
  // The file last opened, and what it replays to.
  const [opened, setOpened] = useState<{ name: string; changes: number; steps: number } | null>(
    null,
  );
  // While the worker replays it, say so; after, whether the lab reached the file's step (a
  // cancelled replay leaves the run before it, and its notice says so).
  const status = !opened
    ? ''
    : replaying
      ? `Replaying ${opened.name}: ${opened.changes} slider change(s), to step ${formatThousands(opened.steps)}.`
      : totalSteps === opened.steps
        ? `Opened ${opened.name} at step ${formatThousands(opened.steps)}.`
        : '';

  const open = async (file: File) => {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      notify('error', `${file.name} is not a JSON file; nothing was changed.`);
      return;
    }
    const parsed = parseRunRecord(data);
    if (!parsed.ok) {
      notify('error', `${file.name} was refused: ${parsed.errors.join(' ')}`);
      return;
    }
    setOpened({
      name: file.name,
      changes: parsed.record.changes.length,
      steps: parsed.record.totalSteps,
    });
    replay(parsed.record);
  };

  return (
    <section className="panel import-run" aria-label="Import a run">
      <h2>Import a run</h2>
      <label htmlFor={id} className="inline-field">
        Run file (JSON, as exported)
      </label>
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
      />
      <p role="status" className="hint">
        {status}
      </p>
    </section>
  );
}
