import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabProvider } from '../components/lab-context';
import { createLabStore } from '../store/lab-store';
import { App } from './App';
import { createTrainingWorker } from './create-worker';
import './styles.css';

const store = createLabStore({ createWorker: createTrainingWorker });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabProvider store={store}>
      <App />
    </LabProvider>
  </StrictMode>,
);
