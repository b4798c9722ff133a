// Exact hours: decimal hours with at most two decimals, held as integer hundredths of an hour
// ("1.5" -> 150, "0.25" -> 25). Numbers are accepted too and read through their decimal
// string form, so 1.5 is exact while 0.1 + 0.2 (0.30000000000000004) is refused.

const HOURS = /^(-)?(\d{1,6})(?:\.(\d{1,2}))?$/;

/** Whether a value is a decimal number of hours with at most two decimals (string or number). */
export function isHours(value: unknown): value is string | number {
  return tryParseHours(value) !== undefined;
}

export function tryParseHours(value: unknown): number | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof text !== 'string') return undefined;
  const m = HOURS.exec(text);
  if (!m) return undefined;
  const hundredths = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] && hundredths !== 0 ? -hundredths : hundredths;
}

/** Decimal hours -> integer hundredths of an hour; RangeError for anything else. */
export function parseHours(value: string | number): number {
  const h = tryParseHours(value);
  if (h === undefined)
    throw new RangeError(`Not a number of hours with at most two decimals: ${JSON.stringify(value)}`);
  return h;
}

/** Hundredths of an hour -> canonical decimal string with two decimals: 150 -> "1.50". */
export function formatHours(hundredths: number): string {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`Not integer hundredths: ${hundredths}`);
  const abs = Math.abs(hundredths);
  return `${hundredths < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}

/** 24 hours in hundredths: the most contact hours one day can hold. */
export const HUNDREDTHS_PER_DAY = 2400;
