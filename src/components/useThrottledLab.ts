import { startTransition, useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { LabState } from '../store/lab-store';
import { useLabStore } from './lab-context';

/** How often panels of numbers re-render at most, in ms. */
export const LIVE_TEXT_INTERVAL_MS = 250;

/**
 * Selects from the store like `useLab`, but re-renders at most once per `intervalMs`: the first
 * change after a quiet period shows at once, later ones are gathered and shown when the interval
 * is over (the latest state wins). For panels of numbers a person reads, where every snapshot
 * (up to 60 a second) would be both wasted work and unreadable flicker.
 *
 * The re-render is a transition: React renders it in short slices between frames, so several
 * panels taking new numbers at the same moment never hold the page up for a long task.
 *
 * `select` and `isEqual` must be stable (module-level or memoised): a new function re-subscribes.
 * A render is skipped when `isEqual(previous, next)`; with `shallow` a selector may build a new
 * object of primitives each call.
 */
export function useThrottledLab<T>(
  select: (state: LabState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
  intervalMs: number = LIVE_TEXT_INTERVAL_MS,
): T {
  return useThrottledStore(useLabStore(), select, isEqual, intervalMs);
}

/** `useThrottledLab` for any zustand store (the sweep pool's, for one). */
export function useThrottledStore<S, T>(
  store: StoreApi<S>,
  select: (state: S) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
  intervalMs: number = LIVE_TEXT_INTERVAL_MS,
): T {
  const [value, setValue] = useState(() => select(store.getState()));
  // What was last asked for: an unchanged selection starts no transition (it would re-render).
  const asked = useRef(value);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastCommit = -Infinity;
    const take = () => {
      const next = select(store.getState());
      if (isEqual(asked.current, next)) return;
      asked.current = next;
      startTransition(() => setValue(next));
    };
    const commit = () => {
      timer = null;
      lastCommit = performance.now();
      take();
    };
    // Catch up with anything that changed between the render and this effect.
    take();
    const unsubscribe = store.subscribe(() => {
      if (timer !== null) return;
      const wait = lastCommit + intervalMs - performance.now();
      if (wait <= 0) commit();
      else timer = setTimeout(commit, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, select, isEqual, intervalMs]);

  return value;
}
