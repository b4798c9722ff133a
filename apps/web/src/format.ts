// Danish formats for what a person reads (API.md "Conventions": Danish local time): money as
// `1.234,50 kr.`, dates as `30.06.2025`, instants in Europe/Copenhagen. Money arrives as exact
// decimal strings and is formatted as a string, never through a float.
import { danishLocalTimeOf } from '../../../libs/domain/src/calendar';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "-1234.5" → "-1.234,50 kr." (null → "–"). */
export function kr(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '–';
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  return `${sign === '-' && /[1-9]/.test(whole + fraction) ? '−' : ''}${groupThousands(whole)},${fraction.padEnd(2, '0')} kr.`;
}

/** "2025-06-30" → "30.06.2025". */
export function date(iso: string | null | undefined): string {
  if (!iso) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** "2025-06" → "juni 2025". */
export function period(bookingPeriod: string): string {
  const [year, month] = bookingPeriod.split('-').map(Number);
  return `${MONTHS[month - 1]} ${year}`;
}
const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** Percent string "50" → "50 %". */
export function rate(percent: string | null | undefined): string {
  return percent === null || percent === undefined ? '–' : `${percent.replace('.', ',')} %`;
}

/** Copenhagen wall-clock fields of an instant. */
function wallClock(ms: number): { y: string; mo: string; d: string; h: string; mi: string; s: string } {
  const [y, mo, d, h, mi, s] = danishLocalTimeOf(new Date(ms).toISOString()).split(/[- :]/);
  return { y, mo, d, h, mi, s };
}

/** An instant as Danish local time: "30.06.2025 kl. 23:59". */
export function instant(iso: string | null | undefined): string {
  if (!iso) return '–';
  const w = wallClock(Date.parse(iso));
  return `${w.d}.${w.mo}.${w.y} kl. ${w.h}:${w.mi}`;
}

// The date fields of the app are text fields in Danish form, not the browser's date pickers (which
// follow the browser's locale): dates dd.mm.åååå, booking periods mm.åååå, instants
// dd.mm.åååå tt:mm in Copenhagen time. Reading accepts one-digit days and months and "-" or "/".
const DAY = String.raw`(\d{1,2})[./-](\d{1,2})[./-](\d{4})`;
const DATE_FIELD = new RegExp(`^${DAY}$`);
const INSTANT_FIELD = new RegExp(String.raw`^${DAY}(?:\s+(?:kl\.\s*)?(\d{1,2})[:.](\d{2}))?$`);
const pad = (n: number) => String(n).padStart(2, '0');

function calendarDate(d: number, mo: number, y: number): string | null {
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || y > 2099 || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** "2025-06-30" → "30.06.2025" for a date field (empty stays empty). */
export function dateField(iso: string | null | undefined): string {
  return iso ? date(iso) : '';
}

/** "30.06.2025" (or "30-6-2025") → "2025-06-30"; null when it is no day of 2000-2099. */
export function parseDateField(text: string): string | null {
  const match = DATE_FIELD.exec(text.trim());
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** "2025-06" → "06.2025" for a booking-period field (empty stays empty). */
export function monthField(bookingPeriod: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})$/.exec(bookingPeriod ?? '');
  return match ? `${match[2]}.${match[1]}` : '';
}

/** "06.2025" (or "6-2025") → "2025-06"; null when it is no month of 2000-2099. */
export function parseMonthField(text: string): string | null {
  const match = /^(\d{1,2})[./-](\d{4})$/.exec(text.trim());
  if (!match || !calendarDate(1, Number(match[1]), Number(match[2]))) return null;
  return `${match[2]}-${pad(Number(match[1]))}`;
}

/** An instant as an instant field shows it, in Copenhagen time: "30.06.2025 23:59". */
export function instantField(iso: string): string {
  const w = wallClock(Date.parse(iso));
  return `${w.d}.${w.mo}.${w.y} ${w.h}:${w.mi}`;
}

/**
 * "30.06.2025 23:59" (also "30.06.2025 kl. 23.59", or the day alone for its first minute) in
 * Copenhagen time → a UTC instant; in the hour the clock is set back, the later of the two.
 */
export function parseInstantField(text: string): string | null {
  const match = INSTANT_FIELD.exec(text.trim());
  if (!match) return null;
  const day = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const [h, mi] = [Number(match[4] ?? 0), Number(match[5] ?? 0)];
  if (!day || h > 23 || mi > 59) return null;
  const [y, mo, d] = day.split('-').map(Number);
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // the zone's offset at the guess, then at the corrected guess (right across a DST change)
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(guess);
    guess += wanted - Date.UTC(+w.y, +w.mo - 1, +w.d, +w.h, +w.mi, +w.s);
  }
  return new Date(guess).toISOString();
}

/** The accounting year "today" is in, in Copenhagen. */
export function currentYear(now = Date.now()): number {
  return Number(wallClock(now).y);
}
