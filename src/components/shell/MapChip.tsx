import { lazy, memo } from 'react';
import { LazyChip } from './LazyChip';
import { useLab } from './lab-context';

/** The map picker's code loads when the chip is first opened. */
const MapPicker = lazy(async () => ({
  default: (await import('../board/MapPicker')).MapPicker,
}));

/**
 * The map chip over the grid: "Map 4x4, slippery" opens the map picker under it (a new map
 * starts a new run, as the picker says). The algorithm's chip sits beside it (App.tsx), each
 * hideable on its own.
 */
export const MapChip = memo(function MapChip() {
  const name = useLab((s) => s.mapName);
  const rows = useLab((s) => s.settings.map.length);
  const cols = useLab((s) => s.settings.map[0]?.length ?? 0);
  const slippery = useLab((s) => s.settings.isSlippery);
  const size = name === 'custom' ? `custom ${rows}x${cols}` : name;
  return (
    <LazyChip
      className="map-chip"
      name="Map"
      value={`${size}${slippery ? ', slippery' : ', not slippery'}`}
      title="Choose the map"
      Panel={MapPicker}
      loading="Loading the map picker…"
    />
  );
});
