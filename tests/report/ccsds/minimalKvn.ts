// A minimal reader of CCSDS ODM KVN, written for the tests from 502.0-B-3 sections 4, 5 and 7 alone (it shares
// no code with sim/report/ccsds/), and the spec's keyword tables as data.

/** One line of a KVN file as the tests see it. */
export type KvnLine =
  | { kind: 'kvn'; keyword: string; value: string; line: number }
  | { kind: 'comment'; text: string; line: number }
  | { kind: 'marker'; keyword: string; line: number }
  | { kind: 'data'; fields: string[]; line: number };

const MARKERS = new Set(['META_START', 'META_STOP', 'COVARIANCE_START', 'COVARIANCE_STOP']);

/** Split a KVN text into typed lines (blank lines dropped, 7.3.5). */
export function kvnLines(text: string): KvnLine[] {
  const out: KvnLine[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = k + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('COMMENT ')) out.push({ kind: 'comment', text: trimmed.slice(8), line });
    else if (MARKERS.has(trimmed)) out.push({ kind: 'marker', keyword: trimmed, line });
    else if (trimmed.includes('=')) {
      const at = trimmed.indexOf('=');
      out.push({
        kind: 'kvn',
        keyword: trimmed.slice(0, at).trim(),
        value: trimmed.slice(at + 1).trim(),
        line,
      });
    } else out.push({ kind: 'data', fields: trimmed.split(/ +/), line });
  });
  return out;
}

/** TDB seconds past J2000 of a TDB calendar epoch: JavaScript's own calendar (Date.UTC) for the whole seconds. */
export function tdbEpochSeconds(epoch: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(epoch);
  if (match === null) throw new Error(`not a CCSDS epoch: ${epoch}`);
  const [, y, mo, d, h, mi, s, fraction] = match;
  const wholeMs =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) -
    Date.UTC(2000, 0, 1, 12);
  return wholeMs / 1000 + Number(fraction ?? '0');
}

/** A keyword table row: keyword and M(andatory) / O(ptional) / C(onditional). */
export type KeywordRow = readonly [keyword: string, use: 'M' | 'O' | 'C'];

/** 502.0-B-3 table 5-2, OEM header. */
export const OEM_HEADER: readonly KeywordRow[] = [
  ['CCSDS_OEM_VERS', 'M'],
  ['COMMENT', 'O'],
  ['CLASSIFICATION', 'O'],
  ['CREATION_DATE', 'M'],
  ['ORIGINATOR', 'M'],
  ['MESSAGE_ID', 'O'],
];

/** 502.0-B-3 table 5-3, OEM metadata (between META_START and META_STOP). */
export const OEM_METADATA: readonly KeywordRow[] = [
  ['COMMENT', 'O'],
  ['OBJECT_NAME', 'M'],
  ['OBJECT_ID', 'M'],
  ['CENTER_NAME', 'M'],
  ['REF_FRAME', 'M'],
  ['REF_FRAME_EPOCH', 'C'],
  ['TIME_SYSTEM', 'M'],
  ['START_TIME', 'M'],
  ['USEABLE_START_TIME', 'O'],
  ['USEABLE_STOP_TIME', 'O'],
  ['STOP_TIME', 'M'],
  ['INTERPOLATION', 'O'],
  ['INTERPOLATION_DEGREE', 'C'],
];

/** 502.0-B-3 table 4-1, OMM header. */
export const OMM_HEADER: readonly KeywordRow[] = [
  ['CCSDS_OMM_VERS', 'M'],
  ['COMMENT', 'O'],
  ['CLASSIFICATION', 'O'],
  ['CREATION_DATE', 'M'],
  ['ORIGINATOR', 'M'],
  ['MESSAGE_ID', 'O'],
];

/** 502.0-B-3 table 4-2, OMM metadata. */
export const OMM_METADATA: readonly KeywordRow[] = [
  ['COMMENT', 'O'],
  ['OBJECT_NAME', 'M'],
  ['OBJECT_ID', 'M'],
  ['CENTER_NAME', 'M'],
  ['REF_FRAME', 'M'],
  ['REF_FRAME_EPOCH', 'C'],
  ['TIME_SYSTEM', 'M'],
  ['MEAN_ELEMENT_THEORY', 'M'],
];

/** 502.0-B-3 table 4-3, OMM data: the mean Keplerian elements block (SEMI_MAJOR_AXIS or MEAN_MOTION is M). */
export const OMM_MEAN_ELEMENTS: readonly KeywordRow[] = [
  ['COMMENT', 'O'],
  ['EPOCH', 'M'],
  ['SEMI_MAJOR_AXIS', 'M'],
  ['ECCENTRICITY', 'M'],
  ['INCLINATION', 'M'],
  ['RA_OF_ASC_NODE', 'M'],
  ['ARG_OF_PERICENTER', 'M'],
  ['MEAN_ANOMALY', 'M'],
  ['GM', 'O'],
];

/**
 * Check that `keywords` (in file order, COMMENTs as 'COMMENT') follow `table`: only its keywords, in its order
 * (7.4.8), none repeated but COMMENT, every mandatory one present. Returns the problems found.
 */
export function tableProblems(keywords: readonly string[], table: readonly KeywordRow[]): string[] {
  const problems: string[] = [];
  const order = new Map(table.map(([keyword], k) => [keyword, k]));
  let last = -1;
  const seen = new Set<string>();
  for (const keyword of keywords) {
    const at = order.get(keyword);
    if (at === undefined) problems.push(`${keyword} is not in the table`);
    else if (at < last) problems.push(`${keyword} out of order`);
    else if (keyword !== 'COMMENT' && seen.has(keyword)) problems.push(`${keyword} repeated`);
    if (at !== undefined) last = Math.max(last, at);
    seen.add(keyword);
  }
  for (const [keyword, use] of table)
    if (use === 'M' && !seen.has(keyword)) problems.push(`${keyword} missing`);
  return problems;
}

/** A fixed-point (7.5.6) or floating-point (7.5.7) number with up to 17 digits, as the spec's forms are written. */
export const CCSDS_REAL = /^[+-]?(?:\d+\.\d+|\d\.\d+[Ee][+-]\d+)$/;

/** 502.0-B-3 table 4-3, the TLE related parameters block (required when MEAN_ELEMENT_THEORY = SGP4). */
export const OMM_TLE_PARAMETERS: readonly KeywordRow[] = [
  ['COMMENT', 'O'],
  ['EPHEMERIS_TYPE', 'O'],
  ['CLASSIFICATION_TYPE', 'O'],
  ['NORAD_CAT_ID', 'O'],
  ['ELEMENT_SET_NO', 'O'],
  ['REV_AT_EPOCH', 'O'],
  ['BSTAR', 'C'],
  ['MEAN_MOTION_DOT', 'C'],
  ['MEAN_MOTION_DDOT', 'C'],
];
