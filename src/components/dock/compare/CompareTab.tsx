import type { DockPanelProps } from '../dock-tabs';
import { ComparePanel } from './ComparePanel';

/** The dock's Compare tab, on the comparison's own worker. */
export default function CompareTab({ createCompareWorker }: DockPanelProps) {
  return <ComparePanel createWorker={createCompareWorker} />;
}
