import { useLab } from './lab-context';

/**
 * Messages for the user: refused input, worker errors. Each can be dismissed. The alert or status
 * role sits inside the list item (on the item itself it would replace the listitem role, and a
 * list may hold only items).
 */
export function Notices() {
  const notices = useLab((s) => s.notices);
  const dismiss = useLab((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Messages">
      {notices.map((n) => (
        <li key={n.id}>
          <div className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.text}</span>
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
        </li>
      ))}
    </ul>
  );
}
