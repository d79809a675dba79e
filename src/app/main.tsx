import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabProvider } from '../components/lab-context';
import { createLabStore, type WorkerPort } from '../store/lab-store';
import { App } from './App';
import './styles.css';

/** The real worker, created the way Vite documents so it is bundled as its own chunk. */
function createTrainingWorker(): WorkerPort {
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ice-maze-trainer',
  }) as WorkerPort;
}

const store = createLabStore({ createWorker: createTrainingWorker });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabProvider store={store}>
      <App />
    </LabProvider>
  </StrictMode>,
);
