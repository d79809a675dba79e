import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadTermPopover } from '../components/dock/glossary/Term';
import { LabProvider } from '../components/shell/lab-context';
import { updateNumbersCode } from '../components/update/StepInspector';
import { startUrlSync } from '../components/shell/url-sync';
import { holdEarlyKeys } from '../components/shell/early-keys';
import { createLabStore } from '../store/lab-store';
import { urlStateToRun } from '../shared/url/lab-link';
import { parseUrlState } from '../shared/url/url-state';
import { App } from './App';
import { createTrainingWorker } from './create-worker';
import './styles.css';

/** How often the page checks that the worker still answers, in ms. */
const WORKER_PING_MS = 2000;

/** More refusals than this are shown as one notice (the store keeps only the latest few). */
const MAX_LINK_NOTICES = 3;

/**
 * Opens the lab the link describes. `chapters` is the guided lesson's number of chapters when the
 * link names one (to refuse a chapter past the last), else `undefined`.
 */
function start(chapters: number | undefined): void {
  // The link opens the lab it describes; what it got wrong is said, and the rest still applies.
  const link = parseUrlState(window.location.search, chapters === undefined ? {} : { chapters });
  const { settings, mapName } = urlStateToRun(link.state);
  const store = createLabStore({
    createWorker: createTrainingWorker,
    settings,
    mapName,
    speed: link.state.speed,
    view: link.state.view,
    ...(link.state.display ? { display: link.state.display } : {}),
    lessonChapter: link.state.chapter ?? null,
    ...(link.state.hide ? { hidden: link.state.hide } : {}),
    pingIntervalMs: WORKER_PING_MS,
  });
  const { notify } = store.getState();
  if (link.notices.length > MAX_LINK_NOTICES) notify('error', link.notices.join(' '));
  else for (const text of link.notices) notify('error', text);
  startUrlSync(store, window);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LabProvider store={store}>
        <App />
      </LabProvider>
    </StrictMode>,
  );

  // What the first screen does not draw loads once the page is idle: the worked numbers of an
  // update (none before the first Step) and the glossary's popovers.
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
  whenIdle(() => {
    void updateNumbersCode.load();
    void loadTermPopover();
  });
}

// A key pressed before the shortcuts' code arrives is held for it.
holdEarlyKeys();

// The lesson's chapters load with the lesson, so only a link that names a chapter waits for them.
// Not a top-level await: the chapters' chunk imports from this one, which must finish first.
if (/chapter/i.test(window.location.search))
  void import('../components/lesson/chapters').then(({ CHAPTERS }) => start(CHAPTERS.length));
else start(undefined);
