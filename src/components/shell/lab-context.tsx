/**
 * The store reaches components through context, so tests mount components with a store of
 * their own. `useLab` takes an atomic selector; pick several fields with `useShallow`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabActions, LabState, LabStore } from '../../store/lab-store';

const LabContext = createContext<LabStore | null>(null);

/** Provides a lab store to the tree below. */
export function LabProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabContext.Provider value={store}>{children}</LabContext.Provider>;
}

/** The store itself (for effects that subscribe outside React). */
export function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (!store) throw new Error('useLabStore must be used inside <LabProvider>.');
  return store;
}

/** Selects from the store; re-renders only when the selected value changes. */
export function useLab<T>(selector: (state: LabState & LabActions) => T): T {
  return useStore(useLabStore(), selector);
}
