// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Term } from '../../src/components/dock/glossary/Term';
import { renderWithLab } from './lab-fixture';

afterEach(() => cleanup());

describe('Term before its popover code has loaded', () => {
  it('says "Loading…" where the popover goes, then shows the definition', async () => {
    const user = userEvent.setup();
    renderWithLab(<Term id="gamma" />);
    await user.click(screen.getByRole('button', { name: 'What is γ?' }));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    const dialog = await screen.findByRole('dialog', { name: 'Discount factor γ' });
    expect(dialog.textContent).toContain('Close');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
