/** The curves' accessible one-line summary (the chart's name for assistive technology). */
import { displayBins } from './curves-bins';
import { count, f1, f2, f3, show } from './curves-format';
import { EMPTY_NOTE, type CurvesData } from './learning-curves-types';

/** The accessible summary of the latest values, e.g. "Learning curves after 10,000 episodes: success rate 0.71 …". */
export function curvesSummary(d: CurvesData): string {
  if (d.episodes === 0 || d.buckets.length === 0)
    return `Learning curves: no episodes yet. ${EMPTY_NOTE}.`;
  const { bins } = displayBins(d.buckets, d.bucketWidth);
  const lastBin = bins[bins.length - 1]!;
  const lastBucket = d.buckets[d.buckets.length - 1]!;
  const greedy = d.greedy[d.greedy.length - 1];
  const eps = d.epsilon[d.epsilon.length - 1];
  const parts = [
    `success rate ${show(f2, lastBucket.movingSuccessRate)} over the last ${count(d.window)} episodes`,
  ];
  if (greedy) {
    const opt = d.optimum ? ` (optimal policy ${f3(d.optimum.successProbability)})` : '';
    parts.push(`greedy policy success probability ${f3(greedy.value)}${opt}`);
  }
  parts.push(`mean episode length ${show(f1, lastBin.meanLength)} steps`);
  if (eps) parts.push(`ε ${f3(eps.value)}`);
  return `Learning curves after ${count(d.episodes)} episodes: ${parts.join('; ')}.`;
}
