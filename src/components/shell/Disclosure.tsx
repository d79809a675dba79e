import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** Props of a button that shows and hides a small panel under it (a menu, a popover). */
export interface DisclosureProps {
  /** The button's content; its text is the button's accessible name. */
  label: ReactNode;
  /** Extra class of the wrapper (e.g. `app-menu`). */
  className?: string;
  /** The button's tooltip. */
  title?: string;
  /** Called each time the panel opens (e.g. to load what it shows the first time). */
  onOpen?: () => void;
  children: ReactNode;
}

/**
 * A button with `aria-expanded` and the panel it controls. The panel stays rendered while closed
 * (CSS hides it: `.disclosure:not([data-open]) > .disclosure-panel`), so the controls inside keep
 * their state and their names for tests and the lesson; Escape or a press outside closes it.
 */
export function Disclosure({ label, className, title, onOpen, children }: DisclosureProps) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      // A modal dialog opened from inside the panel sits in the top layer but in this subtree.
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('.disclosure-button')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className={className ? `disclosure ${className}` : 'disclosure'}
      data-open={open || undefined}
    >
      <button
        type="button"
        className="disclosure-button"
        aria-expanded={open}
        aria-controls={id}
        title={title}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {label}
      </button>
      <div id={id} className="disclosure-panel">
        {children}
      </div>
    </div>
  );
}
