import { useEffect, useRef, type DependencyList, type RefObject } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { createDrawScheduler, type DrawScheduler } from './frame-throttle';

/** What a host mounts: a viz/ renderer (or several behind one object) that can be taken down. */
export interface HostedRenderer {
  destroy(): void;
}

/** How a host feeds its renderer from a store. */
export interface RendererHostOptions<S, R> {
  /** The store whose changes the renderer draws (the lab's, the comparison's, the sweep's). */
  store: StoreApi<S>;
  /** Whether the change from `prev` to `state` asks for a draw. */
  watch: (state: S, prev: S) => boolean;
  /** Draws the store's latest state; runs in an animation frame, the latest state wins. */
  draw: (renderer: R, state: S) => void;
  /**
   * Shortest time between two draws in ms (default 0: once per animation frame), or a function of
   * the state read at each request.
   */
  intervalMs?: number | ((state: S) => number);
  /**
   * When given, a draw asked for while the host is out of view waits, as long as this says so
   * (panels: while training runs), and runs when the host comes back into view. Without it the
   * renderer draws in or out of view.
   */
  skipHidden?: (state: S) => boolean;
  /** Called instead of a draw that waits for the host to come back into view. */
  onSkip?: (renderer: R, state: S) => void;
  /**
   * Values from React (a palette, a chosen frame) whose change between renders asks for a draw,
   * compared one by one with `Object.is`.
   */
  drawOn?: readonly unknown[];
}

function sameList(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => Object.is(x, b[i]));
}

/**
 * The life of a D3 panel's host, in one place: builds the renderer into the returned ref's element
 * once (and again only when `deps` change), subscribes to the store outside React's render cycle
 * (zustand's transient updates), schedules at most one draw per animation frame or per
 * `intervalMs`, holds draws while the host is out of view and `skipHidden` says so, and on unmount
 * unsubscribes, drops a pending draw and destroys the renderer (symmetric, so StrictMode's double
 * mount leaks nothing).
 *
 * `create` and the options are read when they are used, so they may be new functions each render;
 * `deps` lists what `create` builds from (a palette baked into a renderer, say).
 */
export function useRendererHost<S, H extends Element, R extends HostedRenderer>(
  create: (host: H) => R,
  options: RendererHostOptions<S, R>,
  deps: DependencyList = [],
): RefObject<H | null> {
  const host = useRef<H>(null);
  const latest = useRef({ create, options });
  const scheduler = useRef<DrawScheduler | null>(null);
  const drawnOn = useRef(options.drawOn);
  const { store } = options;

  // The callbacks of the latest render; effects run in order, so this is set before the mount.
  useEffect(() => {
    latest.current = { create, options };
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const renderer = latest.current.create(element);
    const now = () => latest.current.options;
    const gated = now().skipHidden !== undefined;
    const draws = createDrawScheduler(() => now().draw(renderer, store.getState()), {
      intervalMs: () => {
        const interval = now().intervalMs ?? 0;
        return typeof interval === 'function' ? interval(store.getState()) : interval;
      },
      host: gated ? element : null,
      skipHidden: () => now().skipHidden?.(store.getState()) ?? false,
      onSkip: () => now().onSkip?.(renderer, store.getState()),
    });
    scheduler.current = draws;
    const unsubscribe = store.subscribe((state, prev) => {
      if (now().watch(state, prev)) draws.schedule();
    });
    draws.schedule();
    return () => {
      unsubscribe();
      draws.destroy();
      scheduler.current = null;
      renderer.destroy();
    };
    // `deps` are what the renderer is built from; the callbacks are read through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ...deps]);

  // Values from React that ask for a draw when they change.
  useEffect(() => {
    if (sameList(drawnOn.current, options.drawOn)) return;
    drawnOn.current = options.drawOn;
    scheduler.current?.schedule();
  });

  return host;
}
