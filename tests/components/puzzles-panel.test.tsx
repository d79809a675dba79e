// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PuzzlesPanel } from '../../src/components/dock/puzzles/PuzzlesPanel';
import { createWorksheetStore } from '../../src/store/worksheet-store';
import { puzzleAt } from '../../src/rl/puzzles';
import { blobText } from './blob-text';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Replaces the text of the input labelled `label`. */
async function fill(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByRole('textbox', { name: label });
  await user.clear(input);
  if (text !== '') await user.type(input, text);
}

describe('the puzzles tab', () => {
  it('puzzle=2: an unsolved attempt earns a hint; the known settings solve it; both are kept', async () => {
    const worksheet = createWorksheetStore();
    render(<PuzzlesPanel worksheet={worksheet} search="?puzzle=2" />);
    const user = userEvent.setup();
    const card = screen.getByRole('region', { name: /^Puzzle 2:/ });
    expect(screen.getByRole('button', { name: /^2\./ }).getAttribute('aria-pressed')).toBe('true');
    expect(within(card).queryByRole('list', { name: 'Hints' })).toBeNull();

    // The opening settings (ε decay 0.001) fail: the result says why, the first hint appears.
    await user.click(screen.getByRole('button', { name: 'Check exactly' }));
    expect(within(card).getByRole('status').textContent).toMatch(
      /^Not yet\. After 2,000 episodes the greedy policy reaches the goal within 100 steps with probability 0\.0000 \(exact\)/,
    );
    const hints = within(card).getByRole('list', { name: 'Hints' });
    expect(within(hints).getAllByRole('listitem')).toHaveLength(1);
    expect(hints.textContent).toContain(puzzleAt(2)!.hints()[0]!);

    await fill(user, 'ε decay', '0.0001');
    await user.click(screen.getByRole('button', { name: 'Check exactly' }));
    expect(within(card).getByRole('status').textContent).toMatch(/^Solved! .*probability 0\.7298/);
    expect(within(card).queryByRole('list', { name: 'Hints' })).toBeNull();
    const tried = within(card).getByRole('table', { name: 'Settings you tried' });
    expect(within(tried).getAllByRole('row')).toHaveLength(3);
    expect(tried.textContent).toContain('ε decay 0.001');
    expect(worksheet.getState().attempts.map((a) => a.solved)).toEqual([false, true]);
    // The worksheet lists both attempts.
    const sheet = screen.getByRole('region', { name: 'Ice Maze Lab: my worksheet' });
    expect(within(sheet).getByText(/ε decay 0\.0001, episodes 2000, seed 0 — Solved/)).toBeTruthy();
  });

  it('bad input is refused with the shared parser’s words and changes nothing', async () => {
    const worksheet = createWorksheetStore();
    render(<PuzzlesPanel worksheet={worksheet} search="" />);
    const user = userEvent.setup();
    await fill(user, 'Learning rate α', '0');
    await fill(user, 'Seed', '1.5');
    await user.click(screen.getByRole('button', { name: 'Check exactly' }));
    const status = screen.getAllByRole('status')[0]!;
    expect(status.textContent).toContain('Learning rate α must be above 0 and at most 1; got 0.');
    expect(status.textContent).toContain('Seed must be a whole number');
    expect(worksheet.getState().attempts).toEqual([]);
  });

  it('the reward puzzle has its own three reward inputs and is solved by a cost per step', async () => {
    const worksheet = createWorksheetStore();
    render(<PuzzlesPanel worksheet={worksheet} search="" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^3\./ }));
    await fill(user, 'Reward for a frozen tile', '-0.05');
    await user.click(screen.getByRole('button', { name: 'Check exactly' }));
    const card = screen.getByRole('region', { name: /^Puzzle 3:/ });
    expect(within(card).getByRole('status').textContent).toMatch(
      /^Solved! .*goes Down from the start/,
    );
  });

  it('puzzle=key shows the teacher’s key; the JSON download is the key’s file', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<PuzzlesPanel worksheet={createWorksheetStore()} search="?puzzle=key" />);
    const key = screen.getByRole('region', { name: 'Ice Maze Lab: teacher’s key' });
    expect(within(key).getAllByText(/— Right$/)).toHaveLength(3);
    expect(within(key).getAllByText(/— Solved$/)).toHaveLength(3);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download the key (JSON)' }));
    expect(click).toHaveBeenCalled();
    const file = JSON.parse(await blobText(created[0]!));
    expect(file).toMatchObject({ kind: 'key', format: 'ice-maze-lab/worksheet' });
  });
});
