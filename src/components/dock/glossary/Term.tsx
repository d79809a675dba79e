import {
  useCallback,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { lazyModule } from '../../../shared/lazy-module';
import { useLazyModule } from '../../hosts/useLazyModule';
import { termQuestion, TERM_SHORT, type TermId } from './term-names';

/**
 * The popovers' code (every definition and live reading). The page loads it when it is idle
 * after the first draw, so a term opens at once; a term opened before that says "Loading…".
 */
const popovers = lazyModule(() => import('./TermPopover'));

/** Loads the popovers' code once (see `popovers`). */
export function loadTermPopover(): Promise<unknown> {
  return popovers.load();
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
        {children ?? TERM_SHORT[id]}
      </button>
      {open && <OpenTerm id={id} popoverId={popoverId} wrapper={wrapper} onClose={close} />}
    </span>
  );
}

/** The popover of an open term, or "Loading…" until its code has arrived. */
function OpenTerm({
  id,
  popoverId,
  wrapper,
  onClose,
}: {
  id: TermId;
  popoverId: string;
  wrapper: RefObject<HTMLSpanElement | null>;
  onClose: (returnFocus: boolean) => void;
}) {
  const loaded = useLazyModule(popovers);
  if (!loaded)
    return (
      <span id={popoverId} className="term-popover" role="status">
        Loading…
      </span>
    );
  return <loaded.TermPopover id={popoverId} termId={id} wrapper={wrapper} onClose={onClose} />;
}
