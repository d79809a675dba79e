// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConvergenceNotice } from '../../src/components/board/ConvergenceNotice';
import {
  liveText,
  TERMS,
  type LiveSource,
} from '../../src/components/dock/glossary/glossary-terms';
import { Hideable, HiddenNote } from '../../src/components/shell/Hideable';
import { ParamSliders } from '../../src/components/shell/ParamSliders';
import { TeacherLink } from '../../src/components/shell/TeacherLink';
import { ViewSwitch } from '../../src/components/board/ViewSwitch';
import { useLabStore } from '../../src/components/shell/lab-context';
import { useShortcuts } from '../../src/components/shell/useShortcuts';
import type { ConvergenceReport } from '../../src/rl/convergence';
import { HIDEABLE } from '../../src/shared/hideable-items';
import type { LabStore } from '../../src/store/lab-store';
import type { EnvInfo, OptimumInfo, Snapshot } from '../../src/worker/protocol';
import { renderWithLab } from './lab-fixture';

const noop = () => {};

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('ViewSwitch', () => {
  it('offers the five views as radios, N(s,a) and |δ(s,a)| among them', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<ViewSwitch />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['v', 'q', 'a', 'n', 'td']);
    await user.click(screen.getByRole('radio', { name: 'N(s,a)' }));
    expect(store.getState().view).toBe('n');
    await user.click(screen.getByRole('radio', { name: '|δ(s,a)|' }));
    expect(store.getState().view).toBe('td');
    expect((screen.getByRole('radio', { name: '|δ(s,a)|' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});

describe('the glossary on the layers', () => {
  /** N(0, ·) = [3, 5, 0, 2]; δ(0, Down) = −0.25 and δ(14, Right) = 0.5, the largest in size. */
  const source = (): LiveSource => {
    const visits = new Float64Array(64);
    visits.set([3, 5, 0, 2], 0);
    const tdErrors = new Float64Array(64);
    tdErrors[1] = -0.25;
    tdErrors[14 * 4 + 2] = 0.5;
    return {
      snapshot: { visits, tdErrors } as unknown as Snapshot,
      env: { start: 0 } as EnvInfo,
      params: {
        alpha: 0.1,
        gamma: 0.99,
        epsilon: 1,
        epsilonDecay: 0.0001,
        minEpsilon: 0.01,
        tieBreak: 'first',
      },
      epsilon: 1,
      episode: 0,
      totalSteps: 10,
    };
  };

  it('N at the start is the sum over its actions: N(0) = 3 + 5 + 0 + 2 = 10', () => {
    expect(liveText('visits', source())).toBe('N(0) = 10');
    expect(TERMS.visits.formula).toBe('N(s) = Σₐ N(s,a)');
  });

  it('the largest latest TD error is named with its pair, as a size', () => {
    expect(liveText('td-size', source())).toBe('|δ(14, Right)| = 0.500');
    const s = source();
    (s.snapshot!.tdErrors as Float64Array)[14 * 4 + 2] = 0.1;
    expect(liveText('td-size', s)).toBe('|δ(0, Down)| = 0.250');
  });
});

describe('ConvergenceNotice', () => {
  const report = (over: Partial<ConvergenceReport>): ConvergenceReport => ({
    stableSince: 8455,
    episode: 9600,
    stableEpisodes: 1000,
    stable: true,
    finished: false,
    verdict: { offOptimal: [], reachable: 11, successProbability: 0.74022, untouched: false },
    ...over,
  });
  /** Puts a snapshot carrying only what the notice reads into the store. */
  const feed = (store: LabStore, convergence: ConvergenceReport) =>
    act(() =>
      store.setState({
        snapshot: { convergence } as Snapshot,
        optimum: { successProbability: 0.74022 } as OptimumInfo,
      }),
    );

  it('is an empty polite status named "Convergence" until there is something to say', () => {
    const { store } = renderWithLab(<ConvergenceNotice />);
    const status = screen.getByRole('status', { name: 'Convergence' });
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('');
    feed(store, report({ stable: false, verdict: null }));
    expect(status.textContent).toBe('');
  });

  it('says it once: later snapshots of the same stable policy leave the text untouched', () => {
    const { store } = renderWithLab(<ConvergenceNotice />);
    const status = screen.getByRole('status', { name: 'Convergence' });
    feed(store, report({}));
    const said = status.textContent;
    expect(said).toBe(
      'The greedy policy has not changed for 1,000 episodes (the same since episode 8,455). It equals the optimal policy (value iteration) in all 11 states the agent can reach; its exact success probability is 0.7402.',
    );
    const text = status.firstChild;
    feed(store, report({ episode: 9800 }));
    feed(store, report({ episode: 12000 }));
    // The same text node: React did not write it again, so nothing is announced again.
    expect(status.firstChild).toBe(text);
    expect(status.textContent).toBe(said);
  });
});

describe('Hideable and the teacher’s note', () => {
  it('a hidden control is absent from the page, the note says so, Show everything brings it back', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(
      <>
        <HiddenNote />
        <ParamSliders />
      </>,
      { hidden: ['alpha', 'ties'] },
    );
    expect(screen.queryByRole('slider', { name: 'Learning rate α' })).toBeNull();
    expect(screen.queryByText(/Tie rule/)).toBeNull();
    expect(screen.getByRole('slider', { name: 'Discount γ' })).toBeTruthy();
    expect(screen.getByText('Some controls are hidden by your teacher.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show everything' }));
    expect(store.getState().showHidden).toBe(true);
    expect(screen.getByRole('slider', { name: 'Learning rate α' })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Show everything' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Show everything' }));
    expect(screen.queryByRole('slider', { name: 'Learning rate α' })).toBeNull();
  });

  it('with nothing hidden there is no note, and every slider is there', () => {
    renderWithLab(
      <>
        <HiddenNote />
        <ParamSliders />
      </>,
    );
    expect(screen.queryByText(/hidden by your teacher/)).toBeNull();
    expect(screen.getAllByRole('slider')).toHaveLength(5);
  });

  it('all six hyperparameter controls hidden: no empty Hyperparameters box either', () => {
    renderWithLab(<ParamSliders />, {
      hidden: ['alpha', 'gamma', 'eps', 'decay', 'min_eps', 'ties'],
    });
    expect(screen.queryByRole('group', { name: 'Hyperparameters' })).toBeNull();
  });

  it('Hideable renders its children only when shown', () => {
    renderWithLab(
      <Hideable id="glossary">
        <p>glossary here</p>
      </Hideable>,
      { hidden: ['glossary'] },
    );
    expect(screen.queryByText('glossary here')).toBeNull();
  });
});

describe("Teacher's link", () => {
  // jsdom has <dialog> without showModal/close: open and close it by its attribute.
  beforeAll(() => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });

  it('one checkbox per hideable; the copied link hides exactly the ticked ones', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { store } = renderWithLab(<TeacherLink />);
    act(() => store.getState().setView('n'));
    await user.click(screen.getByRole('button', { name: "Teacher's link" }));
    const dialog = screen.getByRole('dialog', { name: "Teacher's link" });
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(HIDEABLE.length);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Map picker' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Learning rate α slider' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Glossary' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Glossary' }));
    const expected = `${window.location.origin}/?view=n&hide=alpha,map`;
    expect(dialog.querySelector('.teacher-link-preview code')!.textContent).toBe(expected);
    await user.click(within(dialog).getByRole('button', { name: 'Copy student link' }));
    expect(writeText).toHaveBeenCalledWith(expected);
    // The teacher's own page hides nothing.
    expect(store.getState().hidden).toEqual([]);
  });

  it('opens with what the page already hides ticked', async () => {
    const user = userEvent.setup();
    renderWithLab(<TeacherLink />, { hidden: ['speed'] });
    await user.click(screen.getByRole('button', { name: "Teacher's link" }));
    const box = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name });
    expect(box('Speed').checked).toBe(true);
    expect(box('Presets').checked).toBe(false);
  });

  it('"Copy key link" copies the link to the teacher’s key: the puzzles tab, nothing hidden', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { store } = renderWithLab(<TeacherLink />, { hidden: ['speed'] });
    act(() => store.getState().setView('n'));
    await user.click(screen.getByRole('button', { name: "Teacher's link" }));
    const dialog = screen.getByRole('dialog', { name: "Teacher's link" });
    await user.click(within(dialog).getByRole('button', { name: 'Copy key link' }));
    expect(writeText).toHaveBeenCalledWith(
      `${window.location.origin}/?view=n&tab=puzzles&puzzle=key`,
    );
  });
});

describe('shortcuts under a teacher’s link', () => {
  function Keys() {
    useShortcuts(useLabStore(), noop, noop);
    return null;
  }

  it('keys 4 and 5 switch the layer, unless the link hides the view switch', async () => {
    const user = userEvent.setup();
    const open = renderWithLab(<Keys />);
    await user.keyboard('4');
    expect(open.store.getState().view).toBe('n');
    await user.keyboard('5');
    expect(open.store.getState().view).toBe('td');
    cleanup();
    const { store } = renderWithLab(<Keys />, { hidden: ['views'] });
    await user.keyboard('4');
    expect(store.getState().view).toBe('v');
    act(() => store.getState().setShowHidden(true));
    await user.keyboard('4');
    expect(store.getState().view).toBe('n');
  });
});
