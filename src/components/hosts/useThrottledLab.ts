import { startTransition, useEffect, useRef, useState, type RefObject } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { LabState } from '../../store/lab-store';
import { watchVisibility } from './frame-throttle';
import { useLabStore } from '../shell/lab-context';

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
  gate?: VisibilityGate<LabState>,
): T {
  return useThrottledStore(useLabStore(), select, isEqual, intervalMs, gate);
}

/**
 * Holds a panel's new selections while its element is out of view and `skipHidden` says so
 * (while training runs): it takes the latest as soon as it comes into view or the run stops.
 */
export interface VisibilityGate<S> {
  host: RefObject<Element | null>;
  skipHidden: (state: S) => boolean;
}

/** `useThrottledLab` for any zustand store (the sweep pool's, for one). */
export function useThrottledStore<S, T>(
  store: StoreApi<S>,
  select: (state: S) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
  intervalMs: number = LIVE_TEXT_INTERVAL_MS,
  gate?: VisibilityGate<S>,
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
    // Out of view (and allowed to wait): selections are held, the latest taken on return.
    const host = gate?.host.current ?? null;
    const skipHidden = gate?.skipHidden;
    let held = false;
    const watch =
      host && skipHidden
        ? watchVisibility(host, (visible) => {
            if (visible && held) commit();
          })
        : null;
    const holding = () => watch !== null && !watch.visible() && skipHidden!(store.getState());
    function commit(): void {
      timer = null;
      if (holding()) {
        held = true;
        return;
      }
      held = false;
      lastCommit = performance.now();
      take();
    }
    // Catch up with anything that changed between the render and this effect.
    take();
    const unsubscribe = store.subscribe(() => {
      if (holding()) {
        held = true;
        return;
      }
      if (timer !== null) return;
      const wait = lastCommit + intervalMs - performance.now();
      if (wait <= 0) commit();
      else timer = setTimeout(commit, wait);
    });
    return () => {
      unsubscribe();
      watch?.disconnect();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, select, isEqual, intervalMs, gate?.host, gate?.skipHidden]);

  return value;
}
