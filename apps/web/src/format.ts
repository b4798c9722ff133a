// Danish formats for what a person reads (API.md "Conventions": Danish local time): money as
// `1.234,50 kr.`, dates as `30.06.2025`, instants in Europe/Copenhagen. Money arrives as exact
// decimal strings and is formatted as a string, never through a float.
const ZONE = 'Europe/Copenhagen';

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

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Copenhagen wall-clock fields of an instant. */
function wallClock(ms: number): { y: string; mo: string; d: string; h: string; mi: string; s: string } {
  const get = (type: string) => parts.formatToParts(ms).find((p) => p.type === type)!.value;
  return {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

/** An instant as Danish local time: "30.06.2025 kl. 23:59". */
export function instant(iso: string | null | undefined): string {
  if (!iso) return '–';
  const w = wallClock(Date.parse(iso));
  return `${w.d}.${w.mo}.${w.y} kl. ${w.h}:${w.mi}`;
}

/** An instant as the value of an <input type="datetime-local"> in Copenhagen time. */
export function toLocalInput(iso: string): string {
  const w = wallClock(Date.parse(iso));
  return `${w.y}-${w.mo}-${w.d}T${w.h}:${w.mi}`;
}

/** A Copenhagen wall-clock "YYYY-MM-DDTHH:mm" as a UTC instant (the later one when the clock is set back). */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((v) => Number(v ?? 0));
  const wanted = Date.UTC(y, mo - 1, d, h, mi, s);
  // the zone's offset at the guess, then at the corrected guess (right across a DST change)
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(guess);
    const shown = Date.UTC(+w.y, +w.mo - 1, +w.d, +w.h, +w.mi, +w.s);
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}

/** The accounting year "today" is in, in Copenhagen. */
export function currentYear(now = Date.now()): number {
  return Number(wallClock(now).y);
}
