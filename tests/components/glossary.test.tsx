// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Glossary, LIVE_TEXT_INTERVAL_MS } from '../../src/components/dock/glossary/Glossary';
import {
  episodeReturns,
  GLOSSARY,
  liveTexts,
  NO_READING,
  TERMS,
} from '../../src/components/dock/glossary/glossary-terms';
import { loadTermPopover, Term } from '../../src/components/dock/glossary/Term';
import { TERM_IDS, termQuestion } from '../../src/components/dock/glossary/term-names';
import type { LabStore } from '../../src/store/lab-store';
import { formatQ } from '../../src/viz/q-table';
import { renderWithLab } from './lab-fixture';

// The page loads the popovers' code when it is idle after the first draw; here, before the tests.
beforeAll(() => loadTermPopover());

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** One step, then the snapshot the page would ask for after drawing. */
function step(store: LabStore) {
  act(() => {
    store.getState().step();
    store.getState().snapshotDrawn();
  });
}

/** The live value written under a term of the glossary panel. */
function liveValue(termName: string): string {
  const dt = screen.getAllByRole('term').find((t) => t.textContent === termName);
  if (!dt) throw new Error(`no term ${termName}`);
  return dt.nextElementSibling!.querySelector('.glossary-live-value')!.textContent!;
}

describe('glossary terms (data)', () => {
  it('has every term of the lesson, once, each with a definition', () => {
    expect(GLOSSARY.map((t) => t.id)).toEqual([...TERM_IDS]);
    for (const t of GLOSSARY) {
      expect(t.definition.length).toBeGreaterThan(40);
      expect(TERMS[t.id]).toBe(t);
    }
    expect(termQuestion('alpha')).toBe('What is α?');
    expect(termQuestion('td-error')).toBe('What is the TD error?');
  });

  it('reads nothing before the first snapshot but the store fields', () => {
    const texts = liveTexts({
      snapshot: null,
      env: null,
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
      totalSteps: 0,
    });
    expect(texts.alpha).toBe('0.1');
    expect(texts.gamma).toBe('0.99');
    expect(texts.epsilon).toBe('1.000');
    expect(texts['td-error']).toBe(NO_READING);
    expect(texts.state).toBe(NO_READING);
  });

  it('the return discounts later rewards by γ per step', () => {
    expect(episodeReturns([0, 0, 1], 3, 0.5)).toEqual({ undiscounted: 1, discounted: 0.25 });
    expect(episodeReturns([], 0, 0.99)).toEqual({ undiscounted: 0, discounted: 0 });
  });
});

describe('Glossary panel', () => {
  it('lists every term with a live value that changes after a step', () => {
    const { store } = renderWithLab(<Glossary />);
    const aside = screen.getByRole('complementary', { name: 'Glossary' });
    expect(
      within(aside)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(GLOSSARY.map((t) => t.name));
    expect(within(aside).getAllByRole('definition')).toHaveLength(GLOSSARY.length);
    expect(liveValue('TD error')).toBe(NO_READING);
    expect(liveValue('Learning rate α')).toBe('0.1');
    expect(liveValue('State s')).toBe('0 (start)');

    step(store);
    const last = store.getState().snapshot!.last!;
    expect(liveValue('TD error')).toBe(formatQ(last.tdError));
    expect(liveValue('TD target')).toBe(formatQ(last.tdTarget));
    expect(liveValue('Agent')).toBe('1');
    expect(liveValue('Reward r')).toBe(String(last.reward));
    expect(liveValue('Action a')).toMatch(/^(Left|Down|Right|Up) \(/);
  });

  it('re-renders at most once per interval however many snapshots arrive, and shows the latest', () => {
    vi.useFakeTimers();
    let renders = 0;
    const { store } = renderWithLab(
      <Profiler id="glossary" onRender={() => renders++}>
        <Glossary />
      </Profiler>,
    );
    step(store);
    expect(liveValue('Agent')).toBe('1');
    const before = renders;
    for (let i = 0; i < 30; i++) step(store);
    expect(store.getState().totalSteps).toBe(31);
    expect(renders).toBe(before);
    expect(liveValue('Agent')).toBe('1');
    act(() => vi.advanceTimersByTime(LIVE_TEXT_INTERVAL_MS));
    expect(renders).toBe(before + 1);
    expect(liveValue('Agent')).toBe('31');
    expect(liveValue('TD error')).toBe(formatQ(store.getState().snapshot!.last!.tdError));
  });
});

describe('<Term>', () => {
  it('opens with Enter, shows the definition and the live number, closes with Escape', async () => {
    const { store } = renderWithLab(
      <p>
        Learning rate <Term id="alpha">α</Term> <button type="button">after</button>
      </p>,
    );
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'What is α?' });
    expect(button.textContent).toBe('α');
    expect(button.getAttribute('aria-expanded')).toBe('false');

    await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Learning rate α' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(dialog.id);
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(dialog.textContent).toContain(TERMS.alpha.definition);
    expect(dialog.querySelector('.term-popover-live-value')?.textContent).toBe('0.1');

    act(() => {
      store.getState().setParams({ alpha: 0.25 });
    });
    expect(dialog.querySelector('.term-popover-live-value')?.textContent).toBe('0.25');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens with Space, closes from its Close button, a click outside or tabbing away', async () => {
    renderWithLab(
      <div>
        <Term id="td-error" />
        <button type="button">elsewhere</button>
      </div>,
    );
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'What is the TD error?' });
    expect(button.textContent).toBe('the TD error');
    button.focus();
    await user.keyboard(' ');
    expect(screen.getByRole('dialog', { name: 'TD error' }).textContent).toContain(NO_READING);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);

    await user.click(button);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(button);
    await user.tab(); // to Close
    await user.tab(); // out of the popover
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'elsewhere' }));
  });
});
