import { memo, useEffect, useId, useRef, useState } from 'react';
import { useLabStore } from './lab-context';
import { labHref } from './url-sync';

/** How long "Link copied" stays before the status clears (so copying again is announced again). */
const COPIED_MESSAGE_MS = 4000;

/** Reads the clipboard API without assuming it exists (it does not on plain http, or in jsdom). */
function clipboardWriter(): ((text: string) => Promise<void>) | null {
  const clipboard = (navigator as Partial<Navigator>).clipboard;
  return clipboard && typeof clipboard.writeText === 'function'
    ? (text) => clipboard.writeText(text)
    : null;
}

/**
 * "Copy link": copies the address of the lab as it is now (computed from the store, so a change
 * made a moment ago is in it even before the address bar caught up). Where the clipboard is
 * unavailable or refused, the link is shown selected in a read-only field to copy by hand.
 */
export const CopyLinkButton = memo(function CopyLinkButton() {
  const store = useLabStore();
  const id = useId();
  const [message, setMessage] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Focus first: Ctrl+C copies the selection of the focused element.
    field.current?.focus();
    field.current?.select();
  }, [manual]);

  useEffect(() => {
    if (message !== 'Link copied') return;
    const timer = setTimeout(() => setMessage(''), COPIED_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const copy = async () => {
    const href = labHref(store, window.location.href);
    const write = clipboardWriter();
    try {
      if (!write) throw new Error('no clipboard');
      await write(href);
      setManual(null);
      setMessage('Link copied');
    } catch {
      setManual(href);
      setMessage('Copying is not allowed here: the link is selected, copy it with Ctrl+C (⌘C).');
    }
  };

  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      {manual !== null && (
        <input
          ref={field}
          id={`${id}-field`}
          className="copy-link-field"
          type="text"
          readOnly
          aria-label="Link to this lab"
          value={manual}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <p className="copy-link-status" role="status">
        {message}
      </p>
    </div>
  );
});
