import { useEffect, useState } from 'react';
import type { LazyModule } from '../../shared/lazy-module';

/**
 * The module once it has loaded, `null` until then: starts the load on first render (when
 * `wanted`) and renders again when the module arrives. Already loaded, it is there at once.
 */
export function useLazyModule<M>(lazy: LazyModule<M>, wanted = true): M | null {
  const [module, setModule] = useState(lazy.current);
  useEffect(() => {
    if (wanted && !module) void lazy.load().then(setModule);
  }, [lazy, module, wanted]);
  return module;
}
