import { useEffect, useRef } from 'react';
import {
  createDpChart,
  type DpChart,
  type DpChartData,
  type DpChartOptions,
} from '../../../viz/dp-chart';
import { createDpGrid, type DpGrid, type DpGridData } from '../../../viz/dp-grid';
import { useLab } from '../../shell/lab-context';

/**
 * Hosts `viz/dp-grid`: built on mount (and for a new palette), destroyed on unmount, updated
 * when React hands it new data. `onSelect` is read through a ref so a new callback rebuilds
 * nothing.
 */
export function DpGridView({
  data,
  onSelect,
}: {
  data: DpGridData;
  onSelect: (s: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const grid = useRef<DpGrid | null>(null);
  const select = useRef(onSelect);
  const palette = useLab((s) => s.display.palette);
  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);
  useEffect(() => {
    const g = createDpGrid(host.current!, (s) => select.current(s), palette);
    grid.current = g;
    return () => {
      g.destroy();
      grid.current = null;
    };
  }, [palette]);
  useEffect(() => {
    grid.current?.update(data);
  }, [data, palette]);
  return <div ref={host} className="dp-grid-host" />;
}

/** Hosts `viz/dp-chart` the same way. */
export function DpChartView({ options, data }: { options: DpChartOptions; data: DpChartData }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<DpChart | null>(null);
  const { label, log, xName, yName } = options;
  useEffect(() => {
    const c = createDpChart(host.current!, { label, log, xName, yName });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [label, log, xName, yName]);
  useEffect(() => {
    chart.current?.update(data);
  }, [data, label, log, xName, yName]);
  return <div ref={host} className="dp-chart-host" />;
}
