/**
 * Keeps the address bar describing the lab: after the settings, map, speed or view change, the
 * page's URL is replaced (not pushed: the Back button leaves the lab, it does not undo a slider).
 * The address is written once the changes settle (`URL_SYNC_DELAY_MS`), so dragging a slider does
 * not flood the browser's history API.
 */
import type { LabStore } from '../../store/lab-store';
import { labQuery } from '../../shared/url/lab-link';

/** Quiet time after the last change before the URL is written. */
export const URL_SYNC_DELAY_MS = 200;

/** The parts of `window` the sync uses (a fake one in tests). */
export interface UrlSyncTarget {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/** The address of the lab as it is now: `href` with its query replaced by the lab's. */
export function labHref(store: LabStore, href: string): string {
  const url = new URL(href);
  url.search = labQuery(store.getState(), url.search);
  return url.href;
}

/**
 * Subscribes to the store and writes the lab's address `delayMs` after the last change of what a
 * link describes. Returns the function that stops it (and drops a pending write).
 */
export function startUrlSync(
  store: LabStore,
  target: UrlSyncTarget,
  delayMs = URL_SYNC_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const href = labHref(store, target.location.href);
    if (href === target.location.href) return;
    try {
      target.history.replaceState(target.history.state, '', href);
    } catch {
      // Some pages may not rewrite their address (a sandboxed frame, some file:// pages): the lab
      // works on, and "Copy link" still builds the link from the store.
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.settings === prev.settings &&
      s.mapName === prev.mapName &&
      s.speed === prev.speed &&
      s.view === prev.view &&
      s.display === prev.display &&
      s.lessonChapter === prev.lessonChapter &&
      s.hidden === prev.hidden
    )
      return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
