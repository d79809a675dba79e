import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { shallow } from 'zustand/vanilla/shallow';
import type { LabState } from '../../../store/lab-store';
import {
  GLOSSARY,
  liveText,
  liveTexts,
  termQuestion,
  TERMS,
  type GlossaryTerm,
  type TermId,
} from './glossary-terms';
import { useThrottledLab } from '../../hosts/useThrottledLab';

export { LIVE_TEXT_INTERVAL_MS } from '../../hosts/useThrottledLab';

/**
 * The glossary: every term of the lesson with a definition in plain words and the live number it
 * refers to (the current ε, the last TD error…). The numbers refresh at most 4 times a second.
 */
export function Glossary() {
  const texts = useThrottledLab(liveTexts, shallow);
  return (
    <aside className="panel glossary" aria-label="Glossary">
      <h2>Glossary</h2>
      <dl className="glossary-list">
        {GLOSSARY.map((t) => (
          <div key={t.id} className="glossary-entry" data-term={t.id}>
            <dt className="glossary-term">{t.name}</dt>
            <dd className="glossary-body">
              {t.formula && <p className="glossary-formula">{t.formula}</p>}
              <p className="glossary-definition">{t.definition}</p>
              <p className="glossary-live">
                <span className="glossary-live-label">{t.liveLabel}:</span>{' '}
                <span className="glossary-live-value">{texts[t.id]}</span>
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

/** Props of `Term`. */
export interface TermProps {
  /** Which glossary entry the button explains. */
  id: TermId;
  /** The visible text of the button (default: the term's short form, e.g. "α"). */
  children?: ReactNode;
  className?: string;
}

/**
 * An inline term, e.g. `<Term id="alpha">α</Term>`: a button named "What is α?" that opens a
 * small non-modal dialog with the definition and the live number. Enter or Space opens it (and
 * moves focus into it), Escape or Close closes it and returns focus to the button; a click
 * outside or tabbing away closes it too. Closed, it subscribes to nothing.
 */
export function Term({ id, children, className }: TermProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);
  const popoverId = useId();
  const term = TERMS[id];

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key === 'Escape' && open) {
      // Only this popover closes, not a dialog around it.
      e.stopPropagation();
      close(true);
    }
  };

  return (
    // The wrapper only catches Escape bubbling up from the button and the popover inside it.
    <span ref={wrapper} className={className ? `term ${className}` : 'term'} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="term-button"
        aria-label={termQuestion(id)}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {children ?? term.short}
      </button>
      {open && <TermPopover id={popoverId} term={term} wrapper={wrapper} onClose={close} />}
    </span>
  );
}

/** The open popover of a `Term`: title, formula, definition and the live number. */
function TermPopover({
  id,
  term,
  wrapper,
  onClose,
}: {
  id: string;
  term: GlossaryTerm;
  wrapper: RefObject<HTMLSpanElement | null>;
  onClose: (returnFocus: boolean) => void;
}) {
  const dialog = useRef<HTMLSpanElement>(null);
  const termId = term.id;
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
