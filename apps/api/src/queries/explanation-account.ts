// A posting's explanation as an account a person reads (API.md "Queries" (2): `Accept: text/html`
// or `text/plain` on …/explanation), in Danish: what the cost was, the person's target group in
// that period, why this share, the rule and its sources by document, the arithmetic in kroner
// with its rounding, and the postings it reverses or that reverse it. Built from the JSON
// explanation, so both always say the same; explanation-render.ts writes it as HTML or text.
import {
  capLabel,
  capStatusLabel,
  danishLocalTimeOf,
  divideRoundHalfAwayFromZero,
  formatOere,
  outcomeLabel,
  parseKroner,
  postingKindLabel,
  targetGroupLabel,
} from '@app/domain';
import { citationReference } from '@app/rules';
import type { Explanation } from './entry-explanation.query';

/** A run of text, or a link to another posting's explanation. */
export type Part = string | { entryId: string; href: string };
export interface Section {
  heading: string;
  lines: Part[][];
}
export interface ExplanationAccount {
  title: string;
  sections: Section[];
}

/** 1234550 øre → "12.345,50 kr."; no amount → "–". */
export function kroner(oere: number | bigint | string | null): string {
  if (oere === null) return '–';
  const text = typeof oere === 'string' ? oere : formatOere(oere);
  const [whole, decimals] = text.replace('-', '').split('.');
  return `${text.startsWith('-') ? '−' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, '.')},${decimals} kr.`;
}

/** A quotient in øre as kroner to four decimals, marked "≈" when that is not exact: "≈ 2.551,4367 kr." */
function exactKroner(numerator: bigint, denominator: bigint): string {
  const scaled = divideRoundHalfAwayFromZero(numerator * 100n, denominator); // 1/10000 kr
  const exact = (numerator * 100n) % denominator === 0n;
  const abs = scaled < 0n ? -scaled : scaled;
  const whole = (abs / 10000n).toString().replace(/\B(?=(\d{3})+$)/g, '.');
  const decimals = (abs % 10000n).toString().padStart(4, '0');
  return `${exact ? '' : '≈ '}${scaled < 0n ? '−' : ''}${whole},${decimals} kr.`;
}

const danishDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const period = (from: string, to: string) => `${danishDate(from)}–${danishDate(to)}`;
const percent = (rate: string) => `${rate.replace('.', ',')} %`;

type TitledAccount = Explanation['entry']['account'];

function accountText(a: TitledAccount): string {
  if (a === null) return 'ingen konto';
  return `${a.function}.${a.dranst}.${a.grouping}${a.title ? ` (${a.title})` : ''}`;
}

const explanationHref = (m: string, entryId: string) =>
  `/v1/municipalities/${m}/ledger/entries/${encodeURIComponent(entryId)}/explanation`;

/** The Danish account of an explanation of municipality `m`. */
export function explanationAccount(m: string, x: Explanation): ExplanationAccount {
  const e = x.entry;
  const link = (entryId: string): Part => ({ entryId, href: explanationHref(m, entryId) });
  const sections: Section[] = [];
  const posting: Part[][] = [
    [
      `${postingKindLabel(e.kind)} bogført i ${e.bookingPeriod}${e.bookingDate ? ` (bogføringsdato ${danishDate(e.bookingDate)})` : ''}: ` +
        `${kroner(e.amount)} på ${accountText(e.account)}` +
        (e.refundAmount === null
          ? '.'
          : `, refusion ${kroner(e.refundAmount)} på ${accountText(e.refundAccount)}.`),
    ],
  ];
  if (e.reverses) posting.push(['Tilbagefører ', link(e.reverses), ' med modsat fortegn.']);
  if (e.reversedBy) posting.push(['Tilbageført af ', link(e.reversedBy), '.']);
  sections.push({ heading: 'Posteringen', lines: posting });

  if (x.costItem) sections.push({ heading: 'Udgiften', lines: [costLine(x.costItem)] });
  if (e.kind !== 'cap_adjustment') sections.push({ heading: 'Målgruppe', lines: [targetGroupLine(x)] });
  if ('timesheet' in x && x.timesheet) sections.push(timesheetSection(x.timesheet));
  if ('administrativeShare' in x && x.administrativeShare)
    sections.push(carveOutSection(x.administrativeShare, e.costItemId));
  if (x.arithmetic) sections.push(shareSection(x));
  sections.push(ruleSection(x));
  if (x.cap) sections.push(capSection(x));
  if (x.events.length)
    sections.push({
      heading: 'Hændelser',
      lines: x.events.map((ev) => [
        `${ev.type} (hændelse ${ev.id}, strøm ${ev.stream}, position ${ev.position}), kommando ${[ev.metadata.commandType, ev.metadata.commandId].filter(Boolean).join(' ')} af ${ev.metadata.actor}, registreret ${danishLocalTimeOf(ev.metadata.recordedAt)}.`,
      ]),
    });
  return { title: `Postering ${e.entryId}`, sections };
}

function costLine(c: NonNullable<Explanation['costItem']>): Part[] {
  const what = c.kind === 'mentor' ? 'Mentortimer' : `Udgift (udgiftstype ${c.expenseType ?? 'ukendt'})`;
  return [
    `${what} ${c.costItemId} på ${kroner(c.amount)} for perioden ${period(c.activityFrom, c.activityTo)}` +
      (c.offerId ? `, tilbud ${c.offerId}` : '') +
      (c.invoiceRef ? `, faktura ${c.invoiceRef}` : '') +
      (c.unemploymentMonthsOn
        ? `; ledighedsmånederne er læst på tilbuddets startdato ${danishDate(c.unemploymentMonthsOn)} for hele udgiften`
        : '') +
      '.',
  ];
}

function targetGroupLine(x: Explanation): Part[] {
  const s = x.timelineSegment;
  const person = x.entry.personId ?? 'ukendt';
  if (!s || s.targetGroup === null)
    return [`Der var ingen målgruppe registreret for borger ${person} i posteringens periode.`];
  return [
    `Borger ${person} var i målgruppen ${targetGroupLabel(s.targetGroup)} fra ${danishDate(s.from!)}` +
      `${s.to ? ` til ${danishDate(s.to)}` : ' uden slutdato'}` +
      ` (registreret ${danishLocalTimeOf(s.recordedAt!)} ved ændring ${s.changeCommandId}${s.reason ? `, begrundelse: ${s.reason}` : ''}).`,
  ];
}

/**
 * Why the posting has this share of the cost: a project's expense first by participant-days,
 * then every cost by days. An administrative carve-out (RecordAdministrativeShare) would come in
 * here as a further step before the day split.
 */
function shareSection(x: Explanation): Section {
  const a = x.arithmetic!;
  const item = x.costItem!;
  const A = BigInt(parseKroner(item.amount));
  const T = BigInt(a.totalDays);
  const before = BigInt(a.daysBefore);
  const through = BigInt(a.daysBefore + a.days);
  const lines: Part[][] = [];
  const project = 'projectShare' in x ? x.projectShare : null;
  if (project?.share && project.participantDays !== undefined)
    lines.push([
      `Projekt ${project.projectId}s udgift ${project.expenseId} på ${kroner(project.expenseAmount)} deles efter deltagerdage: ` +
        `tilbud ${project.offerId} har ${project.participantDays} af ${project.totalParticipantDays} deltagerdage ` +
        `(${(project.percentage ?? '').replace('.', ',')} %), og andelen er ${kroner(project.share)}`,
    ]);
  lines.push(
    [
      `${project ? 'Andelen' : 'Udgiften'} på ${kroner(item.amount)} fordeles efter kalenderdage: ${a.totalDays} dage (${period(item.activityFrom, item.activityTo)}). ` +
        `Posteringen dækker ${a.days} af dem (${period(x.entry.activityFrom, x.entry.activityTo)}), efter ${a.daysBefore} dage før.`,
    ],
    [
      `Andel = afrundet(${kroner(item.amount)} × ${through} / ${T}) − afrundet(${kroner(item.amount)} × ${before} / ${T}) ` +
        `= afrundet(${exactKroner(A * through, T)}) − afrundet(${exactKroner(A * before, T)}) ` +
        `= ${kroner(a.cumulativeAfterOere)} − ${kroner(a.cumulativeBeforeOere)} = ${kroner(a.amountOere)}`,
    ],
  );
  if (a.refundRateBasisPoints !== null && a.refundOere !== null)
    lines.push([
      `Refusion = afrundet(${kroner(a.amountOere)} × ${percent(String(a.refundRateBasisPoints / 100))}) ` +
        `= afrundet(${exactKroner(BigInt(a.amountOere) * BigInt(a.refundRateBasisPoints), 10000n)}) = ${kroner(a.refundOere)}`,
    ]);
  if (x.entry.kind === 'reversal')
    lines.push([`Som tilbageførsel bogføres beløbene med modsat fortegn: ${kroner(x.entry.amount)}`]);
  lines.push([
    'Afrunding: til hele øre, halve øre væk fra nul; andelene afrundes fra udgiftens første dag, så delene tilsammen giver præcis udgiften.',
  ]);
  return { heading: 'Hvorfor denne andel', lines };
}

const METHODS = {
  standard_price: 'standardpris (antal aktiviteter × varighed × enhedspris)',
  time_registration: 'tidsregistrering',
  area: 'areal (huslejens administrative del efter gulvareal)',
} as const;

/**
 * The administrative part carved out of a project's or an offer's costs (VEJ 9584 3.1 and ch. 4; 6.45.53): the
 * method and its arithmetic, what the period's hovedkonto 5 costs carry, and what this posting is of it.
 */
function carveOutSection(
  c: NonNullable<Extract<Explanation, { administrativeShare?: unknown }>['administrativeShare']>,
  costItemId: string,
): Section {
  const hours = (h: string) => `${h.replace('.', ',')} timer`;
  const of = c.projectId !== null ? `projekt ${c.projectId}s udgifter` : `tilbud ${c.offerId}s egne udgifter`;
  const lines: Part[][] = [
    [
      `Administrativ andel ${c.shareId} på ${kroner(c.amount)} er udskilt af ${of} for perioden ${period(c.activityFrom, c.activityTo)} ` +
        `(VEJ nr. 9584, afsnit 3.1 og kapitel 4: administration bogføres på 6.45.53 og refunderes ikke): metode ${METHODS[c.method]}, ` +
        `kommunens metodebeskrivelse "${c.methodReference}", prisniveau ${c.priceLevelYear}.`,
    ],
    ...c.lines.map((l) => [
      `${l.activity}: ${l.count} × ${hours(l.hoursEach)} × ${kroner(l.hourlyRate)} = ${kroner(l.amount)}.`,
    ]),
  ];
  if (c.method === 'time_registration' && c.hours !== null && c.hourlyCost !== null)
    lines.push([`${hours(c.hours)} × ${kroner(c.hourlyCost)} = ${kroner(c.amount)}.`]);
  if (c.area)
    lines.push([
      `Afrundet(${kroner(c.area.expenseAmount)} × ${c.area.administration.replace('.', ',')} m² / ${c.area.total.replace('.', ',')} m²) = ${kroner(c.amount)} (husleje ${c.area.expenseId}).`,
    ]);
  const excess = parseKroner(c.excess);
  lines.push([
    `Periodens udgifter på hovedkonto 5, efter de administrative andele registreret før denne, er ${kroner(c.costsOfPeriod)}; de bærer ${kroner(c.carved)}, der trækkes fra dem i forhold til deres beløb` +
      (excess > 0 ? `, og ${kroner(c.excess)} kan de ikke bære: det er bogført som uafklaret.` : '.'),
  ]);
  const carved = BigInt(parseKroner(c.carved));
  const costs = BigInt(parseKroner(c.costsOfPeriod));
  let before = 0n;
  for (const d of c.deductions) {
    const cost = BigInt(parseKroner(d.cost));
    if (d.costItemId === costItemId)
      lines.push([
        `Denne postering er fradraget i udgift ${d.expenseId} (tilbud ${d.offerId}), hvis del af perioden er ${kroner(d.cost)}: ` +
          `afrundet(${kroner(c.carved)} × ${kroner(before + cost)} / ${kroner(c.costsOfPeriod)}) − afrundet(${kroner(c.carved)} × ${kroner(before)} / ${kroner(c.costsOfPeriod)}) ` +
          `= afrundet(${exactKroner(carved * (before + cost), costs)}) − afrundet(${exactKroner(carved * before, costs)}) = ${kroner(d.amount.replace('-', ''))}, trukket fra som ${kroner(d.amount)}.`,
      ]);
    before += cost;
  }
  if (c.role === 'carve_out')
    lines.push(['Denne postering er selve den administrative andel på 6.45.53 uden refusion.']);
  if (c.role === 'excess')
    lines.push(['Denne postering er den del, som periodens udgifter ikke kan bære: bogført som uafklaret.']);
  return { heading: 'Administrativ andel', lines };
}

/** Bilag 2's report form: the week's hours in percent and the part of the salary cost each line takes. */
function timesheetSection(
  t: NonNullable<Extract<Explanation, { timesheet?: unknown }>['timesheet']>,
): Section {
  const hours = (h: string) => `${h.replace('.', ',')} timer`;
  const what = (l: (typeof t.reportForm)[number]) =>
    l.target === 'project'
      ? `projekt ${l.projectId}`
      : l.target === 'offer'
        ? `tilbud ${l.offerId}`
        : 'administration (6.45.53, ikke refusionsberettigende)';
  return {
    heading: 'Timeseddel (Bilag 2)',
    lines: [
      [
        `Lønudgiften på ${kroner(t.salaryCost)} for medarbejder ${t.staffId} (${t.staffCategory}) i uge ${t.week} fordeles efter ` +
          `timesedlen ${t.timesheetId}, revision ${t.revision}: ${hours(t.totalHours)} i alt.`,
      ],
      ...t.reportForm.map((l, i) => [
        `${i === t.part ? 'Denne postering: ' : ''}${what(l)}: ${hours(l.hours)} = ${percent(l.percentage)}, ${kroner(l.amount)} (${l.formula}).`,
      ]),
    ],
  };
}

/**
 * The rulebook's titles, reasons and notes, and the ledger's reasons, are written in English
 * (libs/rules data, beside their Danish sources); the account shows them as they are, marked so.
 */
const english = (label: string, text: string) => `${label} (engelsk): ${text}`;

function ruleSection(x: Explanation): Section {
  const e = x.entry;
  const lines: Part[][] = [];
  if (e.unresolved)
    lines.push([
      `Ingen refusion beregnet (${outcomeLabel(e.unresolved.outcome)}). ${english('Begrundelse', e.unresolved.reason)}`,
    ]);
  if (x.rule) {
    const rate = e.refundRate === null ? '' : `, refusionssats ${percent(e.refundRate)}`;
    lines.push([`Regel ${x.rule.id}${rate}. ${english('Regelens titel', x.rule.title)}.`]);
    const reason = 'reason' in x.rule ? x.rule.reason : undefined;
    if (reason && reason !== e.unresolved?.reason) lines.push([english('Regelens begrundelse', reason)]);
  } else if (e.kind === 'cap_adjustment') lines.push(['Reguleringen følger af loftets beregning nedenfor.']);
  for (const c of e.citations)
    lines.push([
      `Kilde: ${citationReference(c)} (${c.kind}: ${c.title})${c.note ? ` — ${english('note', c.note)}` : ''}.`,
    ]);
  return { heading: 'Regel og kilde', lines };
}

function capSection(x: Explanation): Section {
  const c = x.cap!;
  const lines: Part[][] = [
    [
      `${capLabel(c.cap)}, regnskabsår ${c.bookingYear}: ${capStatusLabel(c.status)}. ` +
        `Rådighedsbeløb ${kroner(c.allowance)}, refusion før loft ${kroner(c.refundBeforeCap)}, refusion efter loft ${kroner(c.cappedRefund)}`,
    ],
  ];
  if ('delta' in c)
    lines.push([
      `Regulering = refusion efter loft − refusion før loft − reguleringer bogført før = ` +
        `${kroner(c.adjustment)} − ${kroner(c.adjustmentsBefore)} = ${kroner(c.delta)}`,
    ]);
  else lines.push(['Posteringen bærer sin refusion før loft; loftet anvendes ved loftsreguleringer.']);
  if ('account' in c && c.account)
    lines.push([
      `Reguleringen deles på loftets refusionskonti efter deres refusion før loft, afrundet fortløbende: ` +
        `${c.account.refundAccount ?? 'ingen konto'} har ${kroner(c.account.refundBeforeCap)} af ${kroner(c.account.totalRefundBeforeCap)}, ` +
        `dens andel er ${kroner(c.account.adjustment)}; bogført på den før ${kroner(c.account.adjustmentsBefore)}, ` +
        `så posteringen er ${kroner(c.account.delta)}`,
    ]);
  return { heading: 'Loft', lines };
}
