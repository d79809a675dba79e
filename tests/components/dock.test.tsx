// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DockBar, DockPanels, nextTabIndex, useDockState } from '../../src/components/dock/Dock';
import { DOCK_TABS } from '../../src/components/dock/dock-tabs';
import { DOCK_TAB_IDS } from '../../src/shared/dock-tabs';
import { createInProcessCompareWorker } from '../store/in-process-compare-worker';
import { createFakeSweepPool } from '../store/in-process-sweep-worker';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

/** How long a test waits for a tab's lazily imported panel. */
const LOAD_WAIT = { timeout: 15_000 };

/** The dock as the App wires it: the strip and the panels from one state. */
function TestDock() {
  const dock = useDockState();
  const gridSvg = useRef<SVGSVGElement | null>(null);
  const sweepPool = useRef(createFakeSweepPool());
  return (
    <>
      <DockPanels
        dock={dock}
        createCompareWorker={createInProcessCompareWorker}
        createSweepWorker={sweepPool.current.create}
        gridSvg={gridSvg}
      />
      <DockBar dock={dock} />
    </>
  );
}

describe('the dock', () => {
  it('has one tab per id of the shared list, in its order, each with a label', () => {
    expect(DOCK_TABS.map((t) => t.id)).toEqual([...DOCK_TAB_IDS]);
    renderWithLab(<TestDock />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('aria-label') ?? t.textContent)).toEqual(
      DOCK_TABS.map((t) => t.label),
    );
    // The strip shows a short word where one is set; the name still contains it (label in name).
    expect(tabs.map((t) => t.textContent)).toEqual(DOCK_TABS.map((t) => t.short ?? t.label));
    for (const t of DOCK_TABS)
      if (t.short !== undefined) expect(t.label.toLowerCase()).toContain(t.short.toLowerCase());
    // Closed: no tab selected, no panel, one tab in the Tab order.
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(screen.getAllByRole('tab').filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });

  it(
    'a click opens a tab (into the store, so into the link), loads its panel, and a second click closes it',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { store } = renderWithLab(<TestDock />);
      await user.click(screen.getByRole('tab', { name: 'Glossary' }));
      expect(store.getState().display.tab).toBe('glossary');
      expect(screen.getByRole('tab', { name: 'Glossary' }).getAttribute('aria-selected')).toBe(
        'true',
      );
      // The tab's code loads on demand: a visible loading state, then the panel.
      const panel = screen.getByRole('tabpanel', { name: 'Glossary' });
      // The lazy chunk is a dynamic import: under a loaded machine it can take seconds.
      await waitFor(() => expect(panel.querySelector('.dock-loading')).toBeNull(), LOAD_WAIT);
      expect(panel.textContent).not.toBe('');
      await user.click(screen.getByRole('tab', { name: 'Glossary' }));
      expect(store.getState().display.tab).toBeNull();
      expect(screen.queryByRole('tabpanel')).toBeNull();
    },
  );

  it(
    'a tab opened once stays mounted while another is open (its panel keeps its state)',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { store } = renderWithLab(<TestDock />, { display: { tab: 'glossary' } });
      await waitFor(
        () => expect(document.querySelector('#dock-panel-glossary .dock-loading')).toBeNull(),
        LOAD_WAIT,
      );
      await user.click(screen.getByRole('tab', { name: 'Q and A tables' }));
      expect(store.getState().display.tab).toBe('tables');
      const glossary = document.getElementById('dock-panel-glossary')!;
      expect(glossary.hidden).toBe(true);
      expect(glossary.childElementCount).toBeGreaterThan(0);
      expect(screen.getByRole('tab', { name: 'Glossary' }).getAttribute('aria-controls')).toBe(
        'dock-panel-glossary',
      );
    },
  );

  it('a teacher’s link that hides every panel of a tab hides the tab; a tab with one panel left stays', () => {
    renderWithLab(<TestDock />, { hidden: ['glossary', 'optimal'], display: { tab: 'glossary' } });
    expect(screen.queryByRole('tab', { name: 'Glossary' })).toBeNull();
    // Its open tab hidden, the dock is closed.
    expect(screen.queryByRole('tabpanel')).toBeNull();
    // Optimal values still holds "Why the lesson's settings fail on 8x8".
    expect(screen.getByRole('tab', { name: 'Optimal values' })).toBeTruthy();
  });

  it('Close panel closes the dock; Enlarge is pressed and unpressed', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<TestDock />, { display: { tab: 'glossary' } });
    const enlarge = screen.getByRole('button', { name: 'Enlarge' });
    await user.click(enlarge);
    expect(enlarge.getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Close panel' }));
    expect(store.getState().display.tab).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close panel' })).toBeNull();
  });

  it('the arrow keys move along the strip, wrapping, and do not step the run', async () => {
    const user = userEvent.setup();
    const { store } = renderWithLab(<TestDock />);
    const tabs = screen.getAllByRole('tab');
    act(() => tabs[0]!.focus());
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tabs.at(-1));
    await user.keyboard('{Home}{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    expect(store.getState().totalSteps).toBe(0);
    expect(nextTabIndex('ArrowRight', 9, 10)).toBe(0);
    expect(nextTabIndex('End', 0, 10)).toBe(9);
    expect(nextTabIndex('a', 0, 10)).toBe(-1);
  });
});
