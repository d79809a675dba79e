import type { DockPanelProps } from '../dock-tabs';
import { SweepPanel } from './SweepPanel';

/** The dock's Sweep tab, on the sweep's worker pool. */
export default function SweepTab({ createSweepWorker }: DockPanelProps) {
  return <SweepPanel createWorker={createSweepWorker} />;
}
