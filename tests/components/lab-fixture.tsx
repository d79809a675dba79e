/**
 * Mounts components against a real store whose worker is the real trainer, in-process on a fake
 * clock (see tests/store/in-process-worker.ts).
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LabProvider } from '../../src/components/shell/lab-context';
import { createLabStore, type LabStore, type LabStoreOptions } from '../../src/store/lab-store';
import { createInProcessWorker, type InProcessWorker } from '../store/in-process-worker';

export interface Lab {
  store: LabStore;
  worker: InProcessWorker;
  view: RenderResult;
}

/** Renders `ui` inside a provider of a fresh store. */
export function renderWithLab(
  ui: ReactElement,
  options: Omit<LabStoreOptions, 'createWorker'> = {},
): Lab {
  let worker: InProcessWorker | null = null;
  const store = createLabStore({
    ...options,
    createWorker: () => (worker = createInProcessWorker()),
  });
  const view = render(<LabProvider store={store}>{ui}</LabProvider>);
  return { store, worker: worker!, view };
}
