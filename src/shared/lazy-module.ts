/**
 * A module the page loads after its first draw (or when first needed): `load()` starts the
 * `import()` once and resolves to the module; `current()` is the module once it has arrived,
 * `null` before, so a draw can go on without it (and draw the richer way afterwards).
 */

/** A lazily loaded module. */
export interface LazyModule<M> {
  /** Starts loading (once) and resolves to the module. */
  load(): Promise<M>;
  /** The module once loaded, else `null`. */
  current(): M | null;
}

/** Wraps `importer` (a function returning `import('…')`) so it runs at most once. */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load() {
      loading ??= importer().then((m) => (module = m));
      return loading;
    },
    current: () => module,
  };
}
