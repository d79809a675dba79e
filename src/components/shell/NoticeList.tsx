import { useId, useState } from 'react';
import type { Notice } from '../../store/lab/notices-slice';
import { useLab } from './lab-context';
import { shortNotice } from './notice-text';
import './notices.css';

/**
 * Messages for the user: refused input, worker errors. Each can be dismissed. The alert or status
 * role sits inside the list item (on the item itself it would replace the listitem role, and a
 * list may hold only items).
 *
 * Bounded: the list lies over the workspace instead of pushing it down (the lab's first screen
 * never moves, whatever a link carried; where, see notices.css) and scrolls past a fixed height;
 * a long notice
 * shows its first words, and "Full text" expands it to the whole text the store kept (itself
 * capped, see `MAX_NOTICE_CHARS`).
 */
export function NoticeList() {
  const notices = useLab((s) => s.notices);
  const dismiss = useLab((s) => s.dismissNotice);
  const replaying = useLab((s) => s.replaying);
  if (notices.length === 0 && replaying === null) return null;
  return (
    <ul className="notices" aria-label="Messages">
      {replaying && (
        <li>
          <ReplayProgress steps={replaying.steps} totalSteps={replaying.totalSteps} />
        </li>
      )}
      {notices.map((n) => (
        <li key={n.id}>
          <NoticeItem notice={n} dismiss={dismiss} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A long import being replayed: "Replaying, N %", a progress bar, and Cancel (the worker drops
 * the replay and the run on screen stays as it was).
 */
function ReplayProgress({ steps, totalSteps }: { steps: number; totalSteps: number }) {
  const cancel = useLab((s) => s.cancelReplay);
  // Whole percents, never 100 before the end: the run replaces this when it is ready.
  const percent = totalSteps > 0 ? Math.min(99, Math.floor((100 * steps) / totalSteps)) : 0;
  return (
    <div className="notice notice-info replay-progress">
      <span role="status" className="notice-text">
        Replaying, {percent} %
      </span>
      <progress max={totalSteps} value={steps} aria-label="Replay of the imported run" />
      <button type="button" className="notice-action" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}

/** One notice: its text (short until expanded), its action and its dismiss button. */
function NoticeItem({ notice: n, dismiss }: { notice: Notice; dismiss: (id: number) => void }) {
  const textId = useId();
  const [expanded, setExpanded] = useState(false);
  const short = shortNotice(n.text);
  return (
    <div className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
      <span id={textId} className="notice-text" data-expanded={expanded || undefined}>
        {short !== null && !expanded ? short : n.text}
      </span>
      {short !== null && (
        <button
          type="button"
          className="notice-expand"
          aria-expanded={expanded}
          aria-controls={textId}
          onClick={() => setExpanded(!expanded)}
        >
          Full text
        </button>
      )}
      {n.action && (
        <button
          type="button"
          className="notice-action"
          onClick={() => {
            dismiss(n.id);
            n.action!.run();
          }}
        >
          {n.action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
        ×
      </button>
    </div>
  );
}
