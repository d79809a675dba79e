import { Suspense, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { Disclosure } from './Disclosure';

/** What a chip shows and what it opens. */
export interface LazyChipProps {
  className: string;
  /** The chip's name, read before its value by a screen reader ("Map", "Algorithm"). */
  name: string;
  /** What the chip says ("4x4, slippery", "q-learning"). */
  value: string;
  title?: string;
  /** The panel it opens, loaded the first time it is opened. */
  Panel: LazyExoticComponent<ComponentType>;
  /** Said while the panel loads. */
  loading: string;
}

/**
 * A chip over the grid that names a setting and opens its picker under it; the picker's code
 * loads when the chip is first opened, so only the chip is in the page's first download.
 */
export function LazyChip({ className, name, value, title, Panel, loading }: LazyChipProps) {
  const [opened, setOpened] = useState(false);
  return (
    <Disclosure
      className={className}
      label={
        <>
          <span className="visually-hidden">{name} </span>
          {value}
        </>
      }
      title={title}
      onOpen={() => setOpened(true)}
    >
      {opened && (
        <Suspense fallback={<p role="status">{loading}</p>}>
          <Panel />
        </Suspense>
      )}
    </Disclosure>
  );
}
