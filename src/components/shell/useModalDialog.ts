import { useEffect, type RefObject } from 'react';

/**
 * Keeps a `<dialog>` shown as a modal while `open` and closed otherwise (`showModal` is missing
 * in older engines and jsdom: then the dialog's `open` attribute is left to the caller's markup).
 */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [dialog, open]);
}
