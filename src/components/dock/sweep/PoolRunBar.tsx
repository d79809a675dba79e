/** The row under a pool's form (the sweep's, the seed band's), and the problems it refused with. */
export interface PoolRunBarProps {
  /** The start button's name, e.g. "Run sweep". */
  startLabel: string;
  onStart: () => void;
  onCancel: () => void;
  running: boolean;
  /** The progress bar's name, e.g. "Sweep progress". */
  progressLabel: string;
  done: number;
  total: number;
  /** The status line beside the bar. */
  status: string;
  /** What was refused, one item each (announced). */
  errors: readonly string[];
}

/**
 * Start and Cancel, the progress bar with its status, and the refused input as an alert list:
 * the same controls for every panel that trains on the sweep's worker pool.
 */
export function PoolRunBar(p: PoolRunBarProps) {
  return (
    <>
      <div className="sweep-actions">
        <button type="button" onClick={p.onStart} disabled={p.running}>
          {p.startLabel}
        </button>
        <button type="button" onClick={p.onCancel} disabled={!p.running}>
          Cancel
        </button>
        <progress
          className="sweep-progress"
          aria-label={p.progressLabel}
          max={Math.max(1, p.total)}
          value={p.done}
        />
        <span className="sweep-status" role="status">
          {p.status}
        </span>
      </div>
      {p.errors.length > 0 && (
        <ul className="sweep-errors" role="alert">
          {p.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </>
  );
}
