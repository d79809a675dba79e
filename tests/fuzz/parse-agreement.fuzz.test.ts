/**
 * The link, the command line and an imported file accept and refuse exactly the same strings
 * for every numeric setting, and read an accepted one as the same double (issue 22). Strings are
 * drawn from what people and fuzzers write: digits with signs, points, exponents, hex, blanks,
 * commas, words, and any double printed by `String`.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../scripts/cli';
import { trainRequest, type TrainRequest } from '../../scripts/train-flags';
import { parseRunRecord, type RunRecord } from '../../src/rl/replay';
import { parseUrlState, type UrlState } from '../../src/shared/url/url-state';

vi.setConfig({ testTimeout: 120_000 });

/** One numeric setting, as each of the three names it and reads it back. */
interface Setting {
  link: string;
  flag: string | null;
  /** Where the import's JSON holds it: `settings.<key>` or `settings.params.<key>`. */
  json: { params: boolean; key: string };
  fromLink(s: UrlState): number;
  fromCli(r: TrainRequest): number;
  fromImport(r: RunRecord): number;
}

const run = (key: 'successRate' | 'maxSteps' | 'seed' | 'episodes' | 'frameInterval') => ({
  json: { params: false, key },
  fromLink: (s: UrlState) => s[key],
  fromImport: (r: RunRecord) => r.settings[key],
});
const param = (key: 'alpha' | 'gamma' | 'epsilon' | 'epsilonDecay' | 'minEpsilon') => ({
  json: { params: true, key },
  fromLink: (s: UrlState) => s.params[key],
  fromCli: (r: TrainRequest) => r.params[key],
  fromImport: (r: RunRecord) => r.settings.params[key],
});

const SETTINGS: Setting[] = [
  {
    link: 'success',
    flag: 'success-rate',
    ...run('successRate'),
    fromCli: (r) => r.env.successRate,
  },
  { link: 'max_steps', flag: 'max-steps', ...run('maxSteps'), fromCli: (r) => r.env.maxSteps },
  { link: 'seed', flag: 'seed', ...run('seed'), fromCli: (r) => r.seed },
  { link: 'episodes', flag: 'episodes', ...run('episodes'), fromCli: (r) => r.episodes },
  // `train` has no frame interval: the link and an import only.
  { link: 'frame_every', flag: null, ...run('frameInterval'), fromCli: () => Number.NaN },
  { link: 'alpha', flag: 'alpha', ...param('alpha') },
  { link: 'gamma', flag: 'gamma', ...param('gamma') },
  { link: 'eps', flag: 'epsilon', ...param('epsilon') },
  { link: 'decay', flag: 'epsilon-decay', ...param('epsilonDecay') },
  { link: 'min_eps', flag: 'min-epsilon', ...param('minEpsilon') },
];

/** A 4x4 record as an exported file writes it, the setting's value spliced in as written. */
function recordText(setting: Setting, text: string): string {
  const params: Record<string, string> = {
    alpha: '0.1',
    gamma: '0.99',
    epsilon: '1',
    epsilonDecay: '0.0001',
    minEpsilon: '0.01',
    tieBreak: '"first"',
  };
  const settings: Record<string, string> = {
    map: '"4x4"',
    isSlippery: 'true',
    successRate: '0.3333333333333333',
    maxSteps: '100',
    seed: '0',
    episodes: '10000',
    frameInterval: '1000',
  };
  (setting.json.params ? params : settings)[setting.json.key] = text;
  const obj = (o: Record<string, string>) =>
    `{${Object.entries(o)
      .map(([k, v]) => `"${k}": ${v}`)
      .join(', ')}}`;
  return `{"settings": ${obj({ ...settings, params: obj(params) })}, "changes": [], "totalSteps": 0}`;
}

/** What each door made of `text`: the number read, or null when refused. */
function readings(setting: Setting, text: string) {
  const link = parseUrlState(new URLSearchParams([[setting.link, text]]).toString());
  let cli: number | null = null;
  if (setting.flag !== null)
    try {
      cli = setting.fromCli(trainRequest([`--${setting.flag}=${text}`]));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
    }
  let imported: number | null = null;
  try {
    const parsed = parseRunRecord(JSON.parse(recordText(setting, text)));
    if (parsed.ok) imported = setting.fromImport(parsed.record);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
  }
  return {
    link: link.notices.length === 0 ? setting.fromLink(link.state) : null,
    cli,
    imported,
  };
}

// No quote, brace or bracket: a spliced value can never add a field of its own to the JSON.
const CHARS = [
  ...'0123456789',
  '0',
  '1',
  '.',
  '-',
  '+',
  'e',
  'E',
  'x',
  ' ',
  '\t',
  'a',
  ',',
  '\u00a0',
];
const numberLike = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join('')),
  },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 200_000_000 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0x10',
      '1e309',
      '-1e309',
      'Infinity',
      'NaN',
      '.5',
      '5.',
      '+1',
      '01',
      '1e-7',
      '2e-7',
      '1E2',
      '-0',
      '0.0',
      '4294967295',
      '4294967296',
      '100000000',
      '100000001',
      '10000',
      '10001',
      ' 0.5 ',
      '\t3\n',
      '',
      ' ',
    ),
  },
);

describe('the link, the command line and an import agree on every numeric setting', () => {
  for (const setting of SETTINGS)
    it(`${setting.link}${setting.flag ? ` / --${setting.flag}` : ''} / "${setting.json.key}"`, () => {
      fc.assert(
        fc.property(numberLike, (text) => {
          const r = readings(setting, text);
          const expected =
            setting.flag === null ? [r.link, r.imported] : [r.link, r.cli, r.imported];
          const actual = expected.map((v) =>
            v === null ? 'refused' : Object.is(v, -0) ? '-0' : v,
          );
          expect(new Set(actual).size, `${JSON.stringify(text)}: ${JSON.stringify(actual)}`).toBe(
            1,
          );
        }),
        { seed: 22, numRuns: 400 },
      );
    });

  it('the strings the issue names are refused by all three', () => {
    for (const setting of SETTINGS)
      for (const text of ['0x10', '1e309', '', '3abc', '1,5', 'Infinity'])
        expect(readings(setting, text)).toEqual({ link: null, cli: null, imported: null });
  });
});
