import { useLab } from '../../shell/lab-context';
import { LearningCurves } from './LearningCurves';

/** The dock's Curves tab: the learning curves of the lab's run. */
export default function CurvesTab() {
  const history = useLab((s) => s.history);
  return <LearningCurves history={history} />;
}
