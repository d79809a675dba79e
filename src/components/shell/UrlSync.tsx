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

/** Options of `CopyLinkButton`; the defaults copy the lab's own link. */
export interface CopyLinkProps {
  /** The button's text. */
  label?: string;
  /** The link to copy, computed when pressed; default: the lab as it is now. */
  link?: () => string;
  /** Accessible name of the fallback field. */
  fieldLabel?: string;
}

/**
 * "Copy link": copies the address of the lab as it is now (computed from the store, so a change
 * made a moment ago is in it even before the address bar caught up), or the `link` it is given.
 * Where the clipboard is unavailable or refused, the link is shown selected in a read-only field
 * to copy by hand.
 */
export const CopyLinkButton = memo(function CopyLinkButton({
  label = 'Copy link',
  link,
  fieldLabel = 'Link to this lab',
}: CopyLinkProps) {
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
    const href = link ? link() : labHref(store, window.location.href);
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
        {label}
      </button>
      {manual !== null && (
        <input
          ref={field}
          id={`${id}-field`}
          className="copy-link-field"
          type="text"
          readOnly
          aria-label={fieldLabel}
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
