import { lazy, Suspense, useState } from 'react';
import { DEFAULT_ALGORITHM } from '../../rl/algorithm-names';
import { Disclosure } from '../shell/Disclosure';
import { useLab } from '../shell/lab-context';
import './algorithm-chip.css';

/** The picker's code (the registry's labels, the options' controls) loads when first opened. */
const AlgorithmPicker = lazy(() => import('./AlgorithmPicker'));

/**
 * The algorithm chip beside the map chip: "Algorithm q-learning" opens the picker under it (a
 * labelled Algorithm select and the options of the picked algorithm). Only the name is in the
 * first download.
 */
export function AlgorithmChip() {
  const algorithm = useLab((s) => s.settings.algorithm ?? DEFAULT_ALGORITHM);
  const [opened, setOpened] = useState(false);
  return (
    <Disclosure
      className="map-chip algorithm-chip"
      label={
        <>
          <span className="visually-hidden">Algorithm </span>
          {algorithm}
        </>
      }
      onOpen={() => setOpened(true)}
    >
      {opened && (
        <Suspense>
          <AlgorithmPicker />
        </Suspense>
      )}
    </Disclosure>
  );
}
