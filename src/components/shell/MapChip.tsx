import { lazy, memo, Suspense, useState } from 'react';
import { AlgorithmChip } from '../learner/AlgorithmChip';
import { Disclosure } from './Disclosure';
import { useLab } from './lab-context';

/** The map picker's code loads when the chip is first opened. */
const MapPicker = lazy(async () => ({
  default: (await import('../board/MapPicker')).MapPicker,
}));

/**
 * The map chip over the grid: "Map 4x4, slippery" opens the map picker under it (a new map
 * starts a new run, as the picker says), and beside it the algorithm's chip.
 */
export const MapChip = memo(function MapChip() {
  const name = useLab((s) => s.mapName);
  const rows = useLab((s) => s.settings.map.length);
  const cols = useLab((s) => s.settings.map[0]?.length ?? 0);
  const slippery = useLab((s) => s.settings.isSlippery);
  const [opened, setOpened] = useState(false);
  const size = name === 'custom' ? `custom ${rows}x${cols}` : name;
  return (
    <>
      <Disclosure
        className="map-chip"
        label={
          <>
            <span className="visually-hidden">Map </span>
            {size}
            {slippery ? ', slippery' : ', not slippery'}
          </>
        }
        title="Choose the map"
        onOpen={() => setOpened(true)}
      >
        {opened && (
          <Suspense fallback={<p role="status">Loading the map picker…</p>}>
            <MapPicker />
          </Suspense>
        )}
      </Disclosure>
      <AlgorithmChip />
    </>
  );
});
