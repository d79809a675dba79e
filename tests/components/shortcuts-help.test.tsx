// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ShortcutsHelp } from '../../src/components/shell/ShortcutsHelp';
import { SHORTCUTS } from '../../src/components/shell/shortcuts';

afterEach(cleanup);

// jsdom has <dialog> but not its methods: the browser's showModal sets `open`, close clears it and
// fires "close". Enough to see what the component asks of the dialog.
beforeAll(() => {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal?: () => void };
  if (typeof proto.showModal === 'function') return;
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

describe('ShortcutsHelp', () => {
  it('closed: no dialog is shown', () => {
    render(<ShortcutsHelp open={false} onClose={() => {}} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('open: a dialog named "Keyboard shortcuts" listing every shortcut, keys as row headers', () => {
    render(<ShortcutsHelp open onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row');
    expect(rows).toHaveLength(SHORTCUTS.length);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent).slice(0, 5)).toEqual([
      'Space',
      '→ or S',
      'E',
      'R',
      '1 or 2 or 3',
    ]);
    expect(within(rows[0]!).getByRole('cell').textContent).toBe('Play or pause');
    expect(within(rows[6]!).getByRole('cell').textContent).toBe('Presenter mode on or off');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBe(document.activeElement);
  });

  it('Close and Escape (the dialog’s cancel) both call onClose; open={false} closes it', async () => {
    const onClose = vi.fn();
    const { rerender } = render(<ShortcutsHelp open onClose={onClose} />);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent(screen.getByRole('dialog'), new Event('cancel'));
    expect(onClose).toHaveBeenCalledTimes(2);
    rerender(<ShortcutsHelp open={false} onClose={onClose} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    // Closing fired the dialog's own "close" event, which reports it too.
    expect(onClose).toHaveBeenCalledTimes(3);
  });
});
