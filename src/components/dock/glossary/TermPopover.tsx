import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { LabState } from '../../../store/lab-store';
import { useThrottledLab } from '../../hosts/useThrottledLab';
import { liveText, TERMS } from './glossary-terms';
import type { TermId } from './term-names';

/** The open popover of a `Term`: title, formula, definition and the live number. */
export function TermPopover({
  id,
  termId,
  wrapper,
  onClose,
}: {
  id: string;
  termId: TermId;
  wrapper: RefObject<HTMLSpanElement | null>;
  onClose: (returnFocus: boolean) => void;
}) {
  const dialog = useRef<HTMLSpanElement>(null);
  const term = TERMS[termId];
  const select = useCallback((s: LabState) => liveText(termId, s), [termId]);
  const reading = useThrottledLab(select);

  useEffect(() => {
    dialog.current?.focus();
  }, []);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [wrapper, onClose]);

  // Spans throughout (shown as blocks by CSS), so a Term may sit inside a <p> (not in a <label>: a button there is invalid).
  return (
    <span
      ref={dialog}
      id={id}
      className="term-popover"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onBlur={(e) => {
        // Tabbing out closes it; a click elsewhere is handled by the pointerdown listener.
        const to = e.relatedTarget;
        if (to && !wrapper.current?.contains(to)) onClose(false);
      }}
    >
      <span id={`${id}-title`} className="term-popover-title">
        {term.name}
      </span>
      {term.formula && <span className="term-popover-formula">{term.formula}</span>}
      <span className="term-popover-definition">{term.definition}</span>
      <span className="term-popover-live">
        <span className="term-popover-live-label">{term.liveLabel}:</span>{' '}
        <span className="term-popover-live-value">{reading}</span>
      </span>
      <button type="button" className="term-popover-close" onClick={() => onClose(true)}>
        Close
      </button>
    </span>
  );
}
