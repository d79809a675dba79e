import type { DockPanelProps } from '../dock-tabs';
import { Hideable } from '../../shell/Hideable';
import { RewardExperiments } from '../../experiments/RewardExperiments';
import { ExportMenu } from './ExportMenu';
import { ImportRun } from './ImportRun';
import { Presets } from './Presets';

/** The dock's Export and Import tab: exports, the run import, presets and the reward experiments. */
export default function IoTab({ gridSvg }: DockPanelProps) {
  return (
    <>
      <Hideable id="exports">
        <ExportMenu gridSvg={gridSvg} />
      </Hideable>
      <Hideable id="import">
        <ImportRun />
      </Hideable>
      <Hideable id="presets">
        <Presets />
        <RewardExperiments />
      </Hideable>
    </>
  );
}
