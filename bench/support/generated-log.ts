// A generated event log with realistic shares: per person a target group, an offer with six
// expenses (one in ten reversed), a mentor agreement with hours, and further target-group
// changes of which one in ten is retroactive (and some retracted); and projects of 3-10 of a
// municipality's persons, with about one project expense for every nine offer expenses (a tenth
// of all expenses), a carve-out by standard price on every project and a second by time
// registration on one in twelve (about 2 % of the expenses), and a Bilag 2 timesheet of a member
// of staff on every second project, one in fifteen of them corrected by a second revision (about
// 1 %); the plain mix has no projects (the log the bench wrote before projects existed).
// Written straight to the log in large appends, as a batch import would.
import { randomUUID } from 'node:crypto';
import { isoWeekDates } from '@app/domain';
import type { EventStore, NewEvent } from '@app/event-store';

const GROUPS = [
  'dagpenge',
  'jobafklaring',
  'sygedagpenge',
  'kontanthjaelp',
  'ressourceforloeb',
  'foertidspension',
];
export const MUNICIPALITIES = ['101', '751', '461', '851'];

/** One event of the generated log, as a batch import appends it. */
export function logEvent(
  type: string,
  data: Record<string, unknown>,
  municipality: string,
  recordedAt: string,
): NewEvent {
  const id = randomUUID();
  return {
    id,
    type,
    data,
    metadata: { recordedAt, commandId: id, actor: 'bench', municipality, schemaVersion: 1 },
  };
}

/** An event of one municipality's log, recorded at the generator's next instant. */
type LogEventOf = (type: string, data: Record<string, unknown>) => NewEvent;
const eventsOf =
  (municipality: string, at: () => string): LogEventOf =>
  (type, data) =>
    logEvent(type, data, municipality, at());

/** The fields an offer or a project registered for most of a year carries (as its event stores them). */
function registeredForYear(year: number, startDate = `${year}-01-15`) {
  return {
    startDate,
    endDate: `${year}-12-15`,
    offerCategory: null,
    fundingFrame: null,
    provider: null,
    registrationDate: `${year}-01-10`,
    validityCitations: [],
  };
}

/** `projects`: the mix with projects and carve-outs; `plain`: persons only. */
export type LogMix = 'projects' | 'plain';

/** Appends about `total` events for persons named `${prefix}-…`; returns the number appended. */
export async function generateLog(
  store: EventStore,
  total: number,
  prefix = 'b',
  startInstant = Date.parse('2024-01-01T08:00:00Z'),
  mix: LogMix = 'projects',
): Promise<number> {
  let appended = 0;
  let clock = startInstant;
  const at = () => new Date((clock += 1000)).toISOString();
  let pending: { stream: string; events: NewEvent[] }[] = [];
  const flush = async () => {
    await store.appendMany(pending.map((r) => ({ ...r, expectedRevision: 'any' as const })));
    appended += pending.reduce((n, r) => n + r.events.length, 0);
    pending = [];
  };
  const waiting = new Map<string, string[]>(MUNICIPALITIES.map((m) => [m, []]));
  let projects = 0;
  for (let p = 0; appended < total; p++) {
    const municipality = MUNICIPALITIES[p % MUNICIPALITIES.length];
    const personId = `${prefix}-${p}`;
    const year = 2019 + (p % 7);
    const requests = pending;
    const event = eventsOf(municipality, at);
    const personStream = `person-${municipality}-${personId}`;
    let person: NewEvent[] = [];
    const change = (targetGroup: string, effectiveFrom: string) => {
      const changeCommandId = randomUUID();
      person.push(
        event('TargetGroupChanged', {
          personId,
          changeCommandId,
          targetGroup,
          attributes: { sickPayCategory: 2 },
          effectiveFrom,
          reason: null,
        }),
      );
      return changeCommandId;
    };
    change(GROUPS[p % GROUPS.length], `${year}-01-01`);
    requests.push({ stream: personStream, events: person });
    person = [];
    const offerId = `${personId}-o`;
    const offer = { offerId, personId, offerKind: 'ordinary_education' };
    requests.push({
      stream: `offer-${municipality}-${offerId}`,
      events: [
        event('OfferRegistered', {
          ...offer,
          ...registeredForYear(year),
        }),
      ],
    });
    for (let e = 0; e < 6; e++) {
      const expense = {
        expenseId: `${offerId}-e${e}`,
        ...offer,
        expenseType: 'course_fee',
        amountOere: 150_000 + ((p * 7 + e * 13) % 900_000),
        activityFrom: `${year}-0${2 + e}-01`,
        activityTo: `${year}-0${3 + e}-10`,
      };
      const events = [event('OfferExpenseRecorded', { ...expense, invoiceRef: null })];
      if ((p + e) % 10 === 0)
        events.push(event('OfferExpenseReversed', { ...expense, reason: 'booked in error' }));
      requests.push({ stream: `expense-${municipality}-${expense.expenseId}`, events });
    }
    const agreement = {
      agreementId: `${personId}-a`,
      personId,
      offerId,
      mentorType: 'company',
      mentorKind: 'employee',
    };
    requests.push({
      stream: `mentor-agreement-${municipality}-${agreement.agreementId}`,
      events: [
        event('MentorAgreementRegistered', {
          ...agreement,
          startDate: `${year}-01-15`,
          endDate: `${year}-12-15`,
        }),
        ...[3, 9].map((month) =>
          event('MentorHoursRecorded', {
            ...agreement,
            agreementStartDate: `${year}-01-15`,
            agreementEndDate: `${year}-12-15`,
            date: `${year}-0${month}-10`,
            contactHours: '2.00',
            preparationHours: null,
            hourlyCostOere: 35_000,
            feeOere: null,
            costOere: 70_000,
          }),
        ),
      ],
    });
    // Later changes: one retroactive (into the offer period, registered after the expenses), sometimes retracted.
    const late = change(GROUPS[(p + 1) % GROUPS.length], `${year}-05-0${1 + (p % 9)}`);
    if (p % 5 === 0)
      person.push(
        event('TargetGroupChangeRetracted', {
          personId,
          changeCommandId: late,
          reason: 'registered in error',
          retractedTargetGroup: GROUPS[(p + 1) % GROUPS.length],
          retractedEffectiveFrom: `${year}-05-0${1 + (p % 9)}`,
        }),
      );
    requests.push({ stream: personStream, events: person });
    const group = waiting.get(municipality)!;
    if (mix === 'projects') group.push(personId);
    if (group.length >= 3 + (projects % 8)) {
      const projectId = `${prefix}-pr${projects}`;
      const participants = group.splice(0);
      requests.push(projectOf(projectId, participants, municipality, year, projects, event));
      if (projects % 2 === 0)
        requests.push(timesheetOf(projectId, personId, municipality, year, projects, event));
      projects += 1;
    }
    // Appends of about 2,000 events; a small total (the steady load) is appended person by person.
    if (requests.reduce((n, r) => n + r.events.length, 0) >= Math.min(2000, total - appended)) await flush();
  }
  if (pending.length) await flush();
  return appended;
}

/**
 * A project of the participants (each with an offer in it for the year), ceil(2k/3) project expenses of k
 * participants (a tenth of the k × 6 + ceil(2k/3) expenses), a carve-out by standard price (4 job interviews ×
 * 0.50 h × 451.00 kr) in April and, on one project in twelve, a second by time registration (2 h × 451.00 kr) in May.
 */
function projectOf(
  projectId: string,
  participants: string[],
  municipality: string,
  year: number,
  n: number,
  event: LogEventOf,
): { stream: string; events: NewEvent[] } {
  const kind = { offerKind: 'ordinary_education' };
  const events = [
    event('ProjectRegistered', {
      projectId,
      name: `projekt ${projectId}`,
      ...kind,
      ...registeredForYear(year),
    }),
    ...participants.map((personId, i) =>
      event('OfferRegistered', {
        offerId: `${personId}-po`,
        personId,
        ...kind,
        ...registeredForYear(year, `${year}-0${1 + (i % 3)}-15`),
        projectId,
      }),
    ),
  ];
  const expenses = Math.ceil((2 * participants.length) / 3);
  for (let e = 0; e < expenses; e++)
    events.push(
      event('ProjectExpenseRecorded', {
        expenseId: `${projectId}-e${e}`,
        projectId,
        ...kind,
        fundingFrame: null,
        expenseType: 'course_fee',
        amountOere: 300_000 + ((n * 11 + e * 17) % 900_000),
        activityFrom: `${year}-0${4 + (e % 5)}-01`,
        activityTo: `${year}-0${4 + (e % 5)}-28`,
        invoiceRef: null,
      }),
    );
  /** A carve-out of 902.00 kr in `month` (activity the 1st to the 28th), measured as `measure` says. */
  const carveOut = (
    shareId: string,
    month: string,
    measure: { method: string; lines: object[]; hours: string | null; hourlyCostOere: number | null },
    methodReference: string,
  ) =>
    event('AdministrativeShareRecorded', {
      shareId,
      projectId,
      activityFrom: `${year}-${month}-01`,
      activityTo: `${year}-${month}-28`,
      ...measure,
      amountOere: 90_200,
      priceLevelYear: 2025,
      methodReference,
    });
  events.push(
    carveOut(
      `${projectId}-as`,
      '04',
      {
        method: 'standard_price',
        lines: [
          {
            activity: 'job_interview',
            count: 4,
            hoursEach: '0.50',
            hourlyRateOere: 45_100,
            amountOere: 90_200,
          },
        ],
        hours: null,
        hourlyCostOere: null,
      },
      'Metode 1a',
    ),
  );
  if (n % 12 === 0)
    events.push(
      carveOut(
        `${projectId}-as2`,
        '05',
        { method: 'time_registration', lines: [], hours: '2.00', hourlyCostOere: 45_100 },
        'Tidsregistrering',
      ),
    );
  return { stream: `project-${municipality}-${projectId}`, events };
}

/**
 * A Bilag 2 timesheet of the project's member of staff for ISO week 19 (early May): Monday 5 h on the project and
 * 2.5 h administration, Tuesday 3 h on the project, 2 h on the own offer (of that year) of the participant who completed the project and 2.25 h
 * administration; on one in fifteen a second revision moves Tuesday's offer hours to the project.
 */
function timesheetOf(
  projectId: string,
  personId: string,
  municipality: string,
  year: number,
  n: number,
  event: LogEventOf,
): { stream: string; events: NewEvent[] } {
  const week = `${year}-W19`;
  const { from, to } = isoWeekDates(week)!;
  const tuesday = new Date(Date.parse(`${from}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const offer = { offerId: `${personId}-o`, personId };
  const revision = (r: number, onOffer: boolean) =>
    event('StaffTimesheetRecorded', {
      timesheetId: `${projectId}-ts`,
      revision: r,
      staffId: `${projectId}-staff`,
      staffCategory: 'Jobkonsulent',
      week,
      weekFrom: from,
      weekTo: to,
      salaryCostOere: 900_000 + ((n * 13) % 200_000),
      days: [
        {
          date: from,
          hoursWorked: '7.50',
          offerHours: [{ projectId, hours: '5.00' }],
          administrationHours: '2.50',
        },
        {
          date: tuesday,
          hoursWorked: '7.25',
          offerHours: onOffer
            ? [
                { projectId, hours: '3.00' },
                { offerId: offer.offerId, hours: '2.00' },
              ]
            : [{ projectId, hours: '5.00' }],
          administrationHours: '2.25',
        },
      ],
      approvedBy: { employee: 'Medarbejder', manager: 'Daglig leder' },
      offers: onOffer ? [{ ...offer, offerKind: 'ordinary_education', fundingFrame: null }] : [],
      replaces: r === 1 ? null : { revision: 1, projectIds: [projectId], offers: [offer] },
    });
  const events = [revision(1, true)];
  if (n % 30 === 0) events.push(revision(2, false));
  return { stream: `timesheet-${municipality}-${projectId}-staff`, events };
}
