import './seeds.css';
import type { SweepWorkerPort } from '../../../store/sweep-store';
import type { DockPanelProps } from '../dock-tabs';
import { EpisodeScrubber } from './EpisodeScrubber';
import { SeedBandPanel } from './SeedBandPanel';

/** Props of `SeedsTab`. */
export interface SeedsTabProps {
  /** One worker of the band's pool (the sweep's Web Worker). */
  createWorker: () => SweepWorkerPort;
}

/** The dock's Seeds tab: the seed band, then the episode scrubber. */
export function SeedsTab({ createWorker }: SeedsTabProps) {
  return (
    <>
      <SeedBandPanel createWorker={createWorker} />
      <EpisodeScrubber />
    </>
  );
}

/** The Seeds tab as the dock mounts it, on the sweep's worker pool. */
export default function SeedsDockTab({ createSweepWorker }: DockPanelProps) {
  return <SeedsTab createWorker={createSweepWorker} />;
}
