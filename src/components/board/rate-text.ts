/** A success rate as the forms write and read it: 1/3 as a fraction, the rest as decimals. */
import { parseDecimal } from '../../shared/url/link-values';

/** 1/3 is written as a fraction (its decimal would fill the field); other rates as numbers. */
export function rateText(rate: number): string {
  return rate === 1 / 3 ? '1/3' : String(rate);
}

/** A rate as typed: a decimal, or a fraction such as 1/3. */
export function parseRate(text: string): number {
  const fraction = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  return fraction ? Number(fraction[1]) / Number(fraction[2]) : parseDecimal(text.trim());
}
