// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUrlSync, URL_SYNC_DELAY_MS } from '../../src/components/shell/url-sync';
import { GuidedLesson, GuidedLessonButton } from '../../src/components/lesson/GuidedLesson';
import {
  CELL_CLASS,
  chapterCells,
  HIGHLIGHT_CLASS,
} from '../../src/components/lesson/lesson-marks';
import { PREDICTIONS } from '../../src/components/lesson/predictions';
import { CHAPTERS } from '../../src/components/lesson/chapters';
import { termQuestion } from '../../src/components/dock/glossary/term-names';
import { CHAPTER_STORAGE_KEY } from '../../src/components/lesson/setup';
import { PlaybackControls } from '../../src/components/shell/PlaybackControls';
import { SpeedControl } from '../../src/components/shell/SpeedControl';
import { StatusLine } from '../../src/components/shell/StatusLine';
import { ViewSwitch } from '../../src/components/board/ViewSwitch';
import { ParamSliders } from '../../src/components/shell/ParamSliders';
import { lessonSettings } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';
import { LabProvider } from '../../src/components/shell/lab-context';
import { lessonTarget } from '../../src/components/lesson/targets';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

function Page() {
  return (
    <>
      <GuidedLessonButton />
      <GuidedLesson />
      <PlaybackControls />
      <StatusLine />
      <SpeedControl />
      <ViewSwitch />
      <ParamSliders />
    </>
  );
}

const lesson = () => screen.getByRole('region', { name: 'Guided lesson' });

describe('the guided lesson panel', () => {
  it('opens at chapter 1 with its progress, sets the lab up and highlights the control', async () => {
    const { store } = renderWithLab(<Page />, { speed: 'max', view: 'a' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Guided lesson' }));
    expect(within(lesson()).getByText(`Chapter 1 of ${CHAPTERS.length}`)).toBeTruthy();
    const bar = within(lesson()).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(bar.getAttribute('aria-valuemax')).toBe(String(CHAPTERS.length));
    expect(within(lesson()).getByRole('heading', { name: CHAPTERS[0]!.title })).toBeTruthy();
    expect(store.getState().view).toBe(CHAPTERS[0]!.setup.view);
    expect(store.getState().speed).toBe(CHAPTERS[0]!.setup.speed);
    expect(screen.getByRole('button', { name: 'Step' }).classList).toContain(HIGHLIGHT_CLASS);
    expect(within(lesson()).getByText('Highlighted: the Step button')).toBeTruthy();
    // The chapter's words open their glossary definitions.
    for (const id of CHAPTERS[0]!.terms)
      expect(within(lesson()).getByRole('button', { name: termQuestion(id) })).toBeTruthy();
  });

  it('Next and Back walk the chapters, remembered in the store and in local storage', async () => {
    const { store } = renderWithLab(<Page />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Guided lesson' }));
    await user.click(within(lesson()).getByRole('button', { name: 'Next' }));
    expect(store.getState().lessonChapter).toBe(2);
    expect(localStorage.getItem(CHAPTER_STORAGE_KEY)).toBe('2');
    await user.click(within(lesson()).getByRole('button', { name: 'Next' }));
    await user.click(within(lesson()).getByRole('button', { name: 'Next' }));
    // Chapter 4 sets ε to 0.5 live and highlights its slider; the Step button is no longer marked.
    expect(store.getState().epsilon).toBe(0.5);
    expect(
      screen.getByRole('slider', { name: 'Exploration ε' }).closest(`.${HIGHLIGHT_CLASS}`),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Step' }).classList).not.toContain(HIGHLIGHT_CLASS);
    await user.click(within(lesson()).getByRole('button', { name: 'Back' }));
    expect(store.getState().lessonChapter).toBe(3);
    expect(store.getState().view).toBe('q');
  });

  it('Escape leaves the lesson, keeps the run, and focus returns to the button', async () => {
    const { store } = renderWithLab(<Page />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Guided lesson' }));
    // Chapter 2 starts its own run (chapters never continue the previous one): step in it.
    await user.click(within(lesson()).getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Step' }));
    act(() => store.getState().snapshotDrawn());
    const runId = store.getState().runId;
    within(lesson()).getByRole('heading', { name: CHAPTERS[1]!.title }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Guided lesson' })).toBeNull();
    expect(store.getState().lessonChapter).toBeNull();
    expect(store.getState().runId).toBe(runId);
    expect(store.getState().totalSteps).toBe(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Guided lesson' }));
    expect(document.querySelector(`.${HIGHLIGHT_CLASS}`)).toBeNull();
    // Reopening resumes at the chapter left.
    await user.click(screen.getByRole('button', { name: 'Guided lesson' }));
    expect(within(lesson()).getByText(`Chapter 2 of ${CHAPTERS.length}`)).toBeTruthy();
  });

  it('asks before replacing a run that has steps, and keeps it if told to', async () => {
    const { store } = renderWithLab(<Page />, {
      settings: lessonSettings('8x8', 7),
      mapName: '8x8',
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    act(() => store.getState().snapshotDrawn());
    await user.click(screen.getByRole('button', { name: 'Guided lesson' }));
    const alert = within(lesson()).getByRole('alert');
    expect(alert.textContent).toContain('fresh run on the 4x4 map, seed 0');
    expect(alert.textContent).toContain('step 1');
    await user.click(within(alert).getByRole('button', { name: 'Keep my run' }));
    expect(store.getState().settings.map).toHaveLength(8);
    expect(store.getState().totalSteps).toBe(1);
    expect(within(lesson()).getByText(/Your run was kept/)).toBeTruthy();
  });

  it('starts the chapter’s fresh run when told to', async () => {
    const { store } = renderWithLab(<Page />, {
      settings: lessonSettings('8x8', 7),
      mapName: '8x8',
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    act(() => store.getState().snapshotDrawn());
    await user.click(screen.getByRole('button', { name: 'Guided lesson' }));
    await user.click(within(lesson()).getByRole('button', { name: 'Start the fresh run' }));
    expect(store.getState().settings.map).toEqual(lessonSettings('4x4', 0).map);
    expect(store.getState().settings.seed).toBe(0);
    expect(store.getState().totalSteps).toBe(0);
    expect(within(lesson()).getByText(/started a fresh run on the 4x4 map, seed 0/)).toBeTruthy();
  });

  it('checks the update question against the worker’s own numbers, right and wrong', async () => {
    const n = CHAPTERS.findIndex((c) => c.question === 'q-update') + 1;
    const { store } = renderWithLab(<Page />, { lessonChapter: n });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Ask me' }));
    expect(within(lesson()).getByText(/^Press Step first/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    act(() => store.getState().snapshotDrawn());
    await user.click(screen.getByRole('button', { name: 'Ask again' }));
    const last = store.getState().snapshot!.last!;
    const answer = within(lesson()).getByRole('textbox', { name: 'Your answer' });
    await user.type(answer, (last.qAfter + 0.5).toFixed(3));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const verdict = within(lesson())
      .getAllByRole('status')
      .find((el) => el.classList.contains('lesson-verdict'))!;
    expect(verdict.textContent).toMatch(/^Not quite/);
    expect(verdict.textContent).toContain(`The worker’s own Q(s,`);
    await user.clear(answer);
    await user.type(answer, last.qAfter.toFixed(3));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(verdict.textContent).toMatch(/^Right/);
  });

  it('counts a tied greedy action as right and says it was a tie', async () => {
    const n = CHAPTERS.findIndex((c) => c.question === 'greedy-action') + 1;
    const { store } = renderWithLab(<Page />, { lessonChapter: n });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    act(() => store.getState().snapshotDrawn());
    await user.click(screen.getByRole('button', { name: 'Ask me' }));
    // One step from all zeros earns no reward, so the start cell's four Q-values still tie at 0:
    // Up is as greedy as Left, which the lesson's argmax would pick.
    expect(Array.from(store.getState().snapshot!.q.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    await user.click(within(lesson()).getByRole('radio', { name: 'Up' }));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    const verdict = within(lesson())
      .getAllByRole('status')
      .find((el) => el.classList.contains('lesson-verdict'))!;
    expect(verdict.textContent).toMatch(
      /^Right: Up\. It was a tie: Left, Down, Right, Up were all greedy\./,
    );
  });
});

describe('the chapter in the address', () => {
  it('is written when a chapter opens and dropped when the lesson closes', () => {
    vi.useFakeTimers();
    try {
      const { store } = renderWithLab(<></>);
      const writes: string[] = [];
      const target = {
        location: { href: 'http://lab.test/' },
        history: {
          state: null,
          replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
            writes.push(String(url));
            target.location.href = String(url);
          },
        },
      };
      const stop = startUrlSync(store, target);
      act(() => store.getState().setLessonChapter(3));
      vi.advanceTimersByTime(URL_SYNC_DELAY_MS);
      act(() => store.getState().setLessonChapter(null));
      vi.advanceTimersByTime(URL_SYNC_DELAY_MS);
      expect(writes).toEqual(['http://lab.test/?chapter=3', 'http://lab.test/']);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('each chapter’s own run, speed and tab', () => {
  it('starts the next chapter on a fresh run at episode 0 without asking: runs never stack', async () => {
    const { store } = renderWithLab(<Page />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Guided lesson' }));
    const firstRun = store.getState().runId;
    await user.click(screen.getByRole('button', { name: 'Step episode' }));
    act(() => store.getState().snapshotDrawn());
    expect(store.getState().episode).toBe(1);
    await user.click(within(lesson()).getByRole('button', { name: 'Next' }));
    expect(within(lesson()).queryByRole('alert')).toBeNull();
    expect(store.getState().runId).not.toBe(firstRun);
    expect(store.getState().episode).toBe(0);
    expect(store.getState().totalSteps).toBe(0);
    expect(within(lesson()).getByText(/started a fresh run on the 4x4 map, seed 0/)).toBeTruthy();
    // The objectives chapter plays at a pace the class can follow, not at full speed.
    expect(store.getState().speed).toBe(CHAPTERS[1]!.setup.speed);
    expect(store.getState().speed).not.toBe('max');
  });

  it('trains a “trained” chapter’s run through the lesson’s 10,000 episodes, then sets its speed', () => {
    const n = CHAPTERS.findIndex((c) => c.id === 'advantage') + 1;
    const chapter = CHAPTERS[n - 1]!;
    const { store, worker } = renderWithLab(<Page />, { lessonChapter: n });
    expect(store.getState().speed).toBe('max');
    expect(
      within(lesson()).getByText(
        /^Training a fresh run on the 4x4 map, seed 0 through episode 10,000/,
      ),
    ).toBeTruthy();
    // The worker trains at full speed in time slices; the page asks for each next snapshot.
    for (let i = 0; i < 10_000 && !store.getState().finished; i++)
      act(() => {
        worker.endpoint.advance(20);
        store.getState().snapshotDrawn();
      });
    expect(store.getState().finished).toBe(true);
    expect(store.getState().episode).toBe(10_000);
    expect(store.getState().speed).toBe(chapter.setup.speed);
    expect(
      within(lesson()).getByText(
        /trained a fresh run on the 4x4 map, seed 0 through episode 10,000/,
      ),
    ).toBeTruthy();
  });

  it('opens the dock tab that holds the chapter’s target and marks the target once it appears', () => {
    const n = CHAPTERS.findIndex((c) => c.id === 'evaluation') + 1;
    const { store, view } = renderWithLab(<Page />, { lessonChapter: n });
    expect(store.getState().display.tab).toBe('target');
    // The tab's panel loads after the chapter opened (React.lazy): it is marked when it comes.
    view.rerender(
      <LabProvider store={store}>
        <Page />
        <section aria-label="Behaviour vs target policy" {...lessonTarget('target-policy')} />
      </LabProvider>,
    );
    return waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'Behaviour vs target policy' }).classList,
      ).toContain(HIGHLIGHT_CLASS),
    );
  });
});

describe('the cells a chapter outlines', () => {
  it('chapter 3 outlines the start cell it watches and state 4, which its prediction asks about', () => {
    const chapter = CHAPTERS.find((c) => c.prediction === 'state-4')!;
    expect(chapterCells(chapter, PREDICTIONS['state-4'])).toEqual([0, 4]);
    // A prediction about no cell, or about the chapter's own cell, adds nothing.
    expect(chapterCells(chapter, PREDICTIONS['gamma-half'])).toEqual([0]);
    expect(chapterCells(chapter, { cell: 0 })).toEqual([0]);
    expect(chapterCells(CHAPTERS[1]!, undefined)).toEqual([]);
  });

  it('the chapter names both outlined cells and marks both on the grid', async () => {
    const host = document.createElement('div');
    host.className = 'grid-host';
    host.innerHTML = [0, 1, 4].map((s) => `<g class="qgrid-cell" data-state="${s}"></g>`).join('');
    document.body.append(host);
    try {
      const { store } = renderWithLab(<Page />);
      const n = CHAPTERS.findIndex((c) => c.prediction === 'state-4') + 1;
      act(() => store.getState().setLessonChapter(n));
      const item = await within(lesson()).findByText(/^Highlighted cells:/);
      expect(item.textContent).toMatch(/ and /);
      const marked = [...host.querySelectorAll(`.${CELL_CLASS}`)].map((el) =>
        el.getAttribute('data-state'),
      );
      expect(marked).toEqual(['0', '4']);
    } finally {
      host.remove();
    }
  });
});
