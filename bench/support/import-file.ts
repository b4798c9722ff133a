// A municipality's history as an import file (README "Importing a municipality's history"): per
// person a target-group change (every fifth person regrouped later, retroactively), two offers
// registered before they start and three expenses each, booked a few days after their activity
// ends — about ten lines a person, spread over 2021-2025; per ten persons a project that four of
// them take part in, with two invoices (about 7 % of the lines).
import { createWriteStream } from 'node:fs';

const GROUPS = ['jobafklaring', 'kontanthjaelp', 'dagpenge', 'ressourceforloeb', 'revalidering'];
const EXPENSE_TYPES = ['course_fee', 'teaching_material', 'transport_allowance'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The lines of one person, numbered p. */
function personLines(p: number): object[] {
  const personId = `p-${p}`;
  const year = 2021 + (Math.floor(p / 10) % 5);
  const projectId = `pr-${Math.floor(p / 10)}`;
  const lines: object[] = [];
  if (p % 10 === 0)
    lines.push({
      type: 'RegisterProject',
      projectId,
      name: `Værkstedsforløb ${projectId}`,
      offerKind: 'ordinary_education',
      startDate: `${year}-08-01`,
      endDate: `${year}-10-31`,
      registrationDate: `${year}-07-15`,
    });
  lines.push({
    type: 'ChangeTargetGroup',
    personId,
    targetGroup: GROUPS[p % GROUPS.length],
    effectiveFrom: `${year}-01-01`,
  });
  if (p % 10 < 4)
    lines.push({
      type: 'RegisterOffer',
      offerId: `${personId}-${projectId}`,
      personId,
      offerKind: 'ordinary_education',
      projectId,
      startDate: `${year}-08-${pad(1 + (p % 10) * 7)}`,
      endDate: `${year}-10-31`,
      registrationDate: `${year}-07-20`,
    });
  if (p % 10 === 3)
    for (const month of [8, 9])
      lines.push({
        type: 'RecordProjectExpense',
        expenseId: `${projectId}-${month}`,
        projectId,
        expenseType: 'course_fee',
        amount: `${20_000 + p}.00`,
        activityFrom: `${year}-${pad(month)}-01`,
        activityTo: `${year}-${pad(month)}-30`,
        bookingDate: `${year}-${pad(month + 1)}-06`,
      });
  for (let o = 0; o < 2; o++) {
    const offerId = `${personId}-o${o}`;
    const first = 2 + o * 5; // offers of Feb-Jun and Jul-Nov
    lines.push({
      type: 'RegisterOffer',
      offerId,
      personId,
      offerKind: 'ordinary_education',
      startDate: `${year}-${pad(first)}-01`,
      endDate: `${year}-${pad(first + 4)}-28`,
      registrationDate: `${year}-${pad(first - 1)}-20`,
    });
    for (let e = 0; e < 3; e++) {
      const month = first + e;
      lines.push({
        type: 'RecordOfferExpense',
        expenseId: `${offerId}-e${e}`,
        offerId,
        expenseType: EXPENSE_TYPES[(p + e) % EXPENSE_TYPES.length],
        amount: `${1000 + ((p * 7 + e * 13) % 9000)}.${pad((p + e) % 100)}`,
        activityFrom: `${year}-${pad(month)}-01`,
        activityTo: `${year}-${pad(month)}-28`,
        bookingDate: `${year}-${pad(month + 1)}-05`,
      });
    }
  }
  if (p % 5 === 0)
    lines.push({
      type: 'ChangeTargetGroup',
      personId,
      targetGroup: 'sygedagpenge',
      effectiveFrom: `${year}-04-01`,
      attributes: { sickPayCategory: 2 },
    });
  return lines;
}

/** Writes at least `lines` lines to `file`; resolves with the number written. */
export async function writeImportFile(file: string, lines: number): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  for (let p = 0; written < lines; p++) {
    const text = personLines(p)
      .map((l) => JSON.stringify(l))
      .join('\n');
    written += text.split('\n').length;
    if (!out.write(`${text}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return written;
}
