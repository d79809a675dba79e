// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StepInspector, updateNumbersCode } from '../../src/components/update/StepInspector';
import { UpdateNumbers } from '../../src/components/update/UpdateNumbers';
import type { UpdateData } from '../../src/worker/protocol';
import { renderWithLab } from './lab-fixture';

// The page loads the update's worked numbers once it is idle after the first draw.
beforeAll(() => updateNumbersCode.load());

afterEach(cleanup);

/**
 * The rl tests' worked update: in state 4 the agent took Right (greedy) and slid Down to
 * state 8 with reward 0; max_a′ Q(8,a′) = 0.5, γ = 0.9, Q(4,Right) = 0.3, α = 0.1:
 *   TD target = 0 + 0.9·0.5 = 0.45,  TD error = 0.45 − 0.3 = 0.15,  Q ← 0.3 + 0.1·0.15 = 0.315.
 */
const WORKED: UpdateData = {
  state: 4,
  action: 2,
  explored: false,
  intended: 2,
  actual: 1,
  slipped: true,
  nextState: 8,
  reward: 0,
  discountedBootstrap: 0.45,
  bootstrap: 0.5,
  tdTarget: 0.45,
  tdError: 0.15,
  change: 0.015,
  qBefore: 0.3,
  qAfter: 0.315,
  epsilon: 0.25,
  epsilonAfter: 0.2499,
  alpha: 0.1,
  gamma: 0.9,
  terminated: false,
  truncated: false,
  episode: 12,
  t: 3,
  totalSteps: 140,
};

const fact = (name: string) => document.querySelector(`[data-fact="${name}"]`)?.textContent;

/** The definition (dd) that follows the term (dt) whose text starts with `term`. */
function definitionOf(term: string): HTMLElement {
  const dt = screen.getAllByRole('term').find((el) => el.textContent!.startsWith(term));
  const dd = dt?.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no definition for ${term}`);
  return dd;
}

describe('UpdateNumbers', () => {
  it('writes the transition s, a, r, s′, the choice and the slip', () => {
    render(<UpdateNumbers last={WORKED} />);
    const transition = screen.getByRole('group', { name: 'Transition' });
    const terms = within(transition)
      .getAllByRole('term')
      .map((t) => t.textContent);
    const values = within(transition)
      .getAllByRole('definition')
      .map((d) => d.textContent);
    expect(terms).toEqual(['s', 'a', 'r', 's′']);
    expect(values).toEqual(['4', 'Right', '0', '8']);
    const story = screen.getByText(/in state 4 the agent chose/);
    expect(story.textContent).toContain('greedily (exploiting, ε = 0.250)');
    expect(story.textContent).toContain('slipped: it moved Down to state 8, reward 0.');
  });

  it('shows the TD target, the TD error and the new Q with the worked numbers', () => {
    render(<UpdateNumbers last={WORKED} />);
    expect(definitionOf('TD target').textContent).toBe(
      'r + γ·maxa′ Q(s′,a′) = 0 + 0.9·0.500 = 0.450',
    );
    // The TD error line shows the error (0.150), not the target (0.450) it is computed from.
    expect(definitionOf('TD error').textContent).toBe('td_target − Q(s,a) = 0.450 − 0.300 = 0.150');
    expect(fact('td-target')).toBe('0.450');
    expect(fact('td-error')).toBe('0.150');
    expect(definitionOf('New Q').textContent).toBe(
      'Q(s,a) + α·td_error = 0.300 + 0.015 (α = 0.1) = 0.315',
    );
  });

  it('writes a negative change with a minus sign, an explored move without a slip, and the ending', () => {
    render(
      <UpdateNumbers
        last={{
          ...WORKED,
          explored: true,
          slipped: false,
          actual: 2,
          nextState: 5,
          terminated: true,
          bootstrap: 0,
          tdTarget: 0,
          tdError: -0.3,
          change: -0.03,
          qAfter: 0.27,
        }}
      />,
    );
    const story = screen.getByText(/in state 4 the agent chose/);
    expect(story.textContent).toContain('at random (exploring, ε = 0.250)');
    expect(story.textContent).toContain(
      'did not slip: it moved Right to state 5, reward 0 (fell in a hole).',
    );
    expect(fact('td-error')).toBe('-0.300');
    expect(definitionOf('New Q').textContent).toContain('0.300 − 0.030');
  });

  it('names the ending by the entered tile, not the reward’s sign (a hole paying 1, a goal paying 0)', () => {
    const desc = ['SFFF', 'FHFH', 'FFFH', 'HFFG'];
    const ended = (nextState: number, reward: number) => {
      cleanup();
      render(
        <UpdateNumbers last={{ ...WORKED, nextState, reward, terminated: true }} desc={desc} />,
      );
      return screen.getByText(/in state 4 the agent chose/).textContent;
    };
    expect(ended(5, 1)).toContain('reward 1 (fell in a hole).');
    expect(ended(15, 0)).toContain('reward 0 (reached the goal).');
  });
});

describe('StepInspector', () => {
  it('asks for a Step before the first update', () => {
    renderWithLab(<StepInspector />);
    const panel = screen.getByRole('region', { name: 'Step inspector' });
    expect(within(panel).getByText(/Press Step to make the first update/)).toBeTruthy();
  });

  it('shows the worker’s last update with TD error = TD target − Q before, and that state’s Q and A row', () => {
    const { store } = renderWithLab(<StepInspector />);
    act(() => {
      store.getState().stepEpisode();
      store.getState().snapshotDrawn();
    });
    const last = store.getState().snapshot!.last!;
    expect(fact('td-target')).toBe(last.tdTarget.toFixed(3));
    expect(fact('td-error')).toBe((last.tdTarget - last.qBefore).toFixed(3));
    const table = screen.getByRole('table');
    expect(
      within(table).getByText(
        `State ${last.state}: V(s) = ${store.getState().snapshot!.v[last.state]!.toFixed(3)}`,
      ),
    ).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.firstElementChild!.textContent);
    expect(rows).toEqual(['Row', 'Q(s,a)', 'A(s,a)']);
  });

  it('follows a chosen cell from the picker', async () => {
    const { store } = renderWithLab(<StepInspector />);
    const user = userEvent.setup();
    act(() => {
      store.getState().step();
      store.getState().snapshotDrawn();
    });
    const state = store.getState().snapshot!.last!.state;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cell' }), String(state));
    expect(store.getState().inspectedState).toBe(state);
    expect(
      screen.getByText(new RegExp(`latest update at state ${state} the page has seen: step 1 `)),
    ).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cell' }), '15');
    expect(
      screen.getByText('No update at state 15 seen yet: step or play slowly to watch one.'),
    ).toBeTruthy();
  });
});
