import { Hideable } from '../../shell/Hideable';
import { OptimalPanel } from './OptimalPanel';
import { WhyEightByEight } from './WhyEightByEight';

/** The dock's Optimal values tab: V*, Q* and the gap, then why 8x8 takes longer. */
export default function OptimalTab() {
  return (
    <>
      <Hideable id="optimal">
        <OptimalPanel />
      </Hideable>
      <Hideable id="why8x8">
        <WhyEightByEight />
      </Hideable>
    </>
  );
}
