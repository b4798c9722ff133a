// The rows a batch of ledger outcomes writes, collected per table (rows/*.row.ts), and the
// batch's statements: one per table and kind, in an order that lets each see the ones before
// (a retraction updates a change inserted by the same batch).
import type { RecordedEvent } from '@app/event-store';
import type { CapYear, LedgerOutcome, LedgerPosting } from '@app/ledger';
import type { CitationSet } from './citation-sets';
import { citationSetsWrite, type StoredCitationSets } from './rows/citation-set.row';
import {
  COST_ITEM,
  costItemReversalRow,
  costItemRow,
  type CostItemReversalRow,
  type CostItemRow,
} from './rows/cost-item.row';
import type { SourceEvent } from './rows/event-row';
import { ACCOUNTING_YEAR, accountingYearRow, type AccountingYearRow } from './rows/accounting-year.row';
import { CAP_COMPUTATION, capComputationRow, type CapComputationRow } from './rows/cap-computation.row';
import { CAP_PARAMETERS, capParametersRow, type CapParametersRow } from './rows/cap-parameters.row';
import { CAP_YEAR_KEY, capYearRow } from './rows/cap-year.row';
import { LEDGER_CAUSE, ledgerCauseRow, personsOf, type LedgerCauseRow } from './rows/ledger-cause.row';
import { LEDGER_ENTRY, ledgerEntryLine } from './rows/ledger-entry.row';
import { LedgerTotals } from './rows/ledger-total.row';
import { MENTOR_AGREEMENT, mentorAgreementRow, type MentorAgreementRow } from './rows/mentor-agreement.row';
import { OFFER_VERSION, offerVersionRow, type OfferVersionRow } from './rows/offer-version.row';
import {
  retractionRow,
  TARGET_GROUP_CHANGE,
  targetGroupChangeRow,
  type RetractionRow,
  type TargetGroupChangeRow,
} from './rows/target-group-change.row';
import {
  ADMINISTRATIVE_SHARE_VERSION,
  administrativeShareVersionRow,
  PROJECT_KEY,
  PROJECT_SHARE,
  projectRow,
  projectShareRow,
  shareItemRow,
  type AdministrativeShareVersionRow,
  type ProjectRow,
  type ProjectShareRow,
  type ShareItemRow,
} from './rows/project.row';
import { STAFF_TIMESHEET_KEY, staffTimesheetRow, type StaffTimesheetRow } from './rows/staff-timesheet.row';
import { copyLines, copyRows, updateWrite, upsertWrite, type Write } from './sql-rows';

/** Encoding a large batch's postings is long synchronous work: every so many it lets I/O callbacks run. */
const YIELD_EVERY = 1000;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LedgerRows {
  private readonly changes: TargetGroupChangeRow[] = [];
  private readonly retractions: RetractionRow[] = [];
  private readonly offerVersions: OfferVersionRow[] = [];
  private readonly agreements: MentorAgreementRow[] = [];
  private readonly items: CostItemRow[] = [];
  private readonly itemReversals: CostItemReversalRow[] = [];
  private readonly shareItems: ShareItemRow[] = [];
  private readonly shares: ProjectShareRow[] = [];
  private readonly projects: ProjectRow[] = [];
  private readonly timesheets: StaffTimesheetRow[] = [];
  /** By key: an event that deducts a carve-out twice leaves one version, the last. */
  private readonly carveOutVersions = new Map<string, AdministrativeShareVersionRow>();
  private readonly postings: { posting: LedgerPosting; event: SourceEvent; ordinal: number }[] = [];
  private readonly causes: LedgerCauseRow[] = [];
  private readonly capParameters: CapParametersRow[] = [];
  private readonly capComputations: CapComputationRow[] = [];
  private readonly closedYears: AccountingYearRow[] = [];
  /** The last figures of each cap year the batch changed. */
  private readonly capYears = new Map<string, CapYear>();

  /** `sumsTotals` false: the postings' totals are left to the end of a bulk load (sumAllPostings). */
  constructor(
    private readonly citationSets: StoredCitationSets,
    private readonly sumsTotals = true,
  ) {}

  add(event: SourceEvent & Pick<RecordedEvent, 'data'>, outcome: LedgerOutcome): void {
    for (const f of outcome.facts) {
      switch (f.type) {
        case 'target_group_changed':
          this.changes.push(targetGroupChangeRow(f, event));
          break;
        case 'target_group_change_retracted':
          this.retractions.push(retractionRow(f, event));
          break;
        case 'offer_version':
          this.offerVersions.push(offerVersionRow(f, event));
          break;
        case 'mentor_agreement_registered':
          this.agreements.push(mentorAgreementRow(f, event));
          break;
        case 'expense_recorded':
        case 'mentor_hours_recorded':
          this.items.push(costItemRow(f, event));
          break;
        case 'cost_item_reversed':
          this.itemReversals.push(costItemReversalRow(f, event));
          break;
        case 'project_share_set':
          this.shareItems.push(shareItemRow(f, event));
          this.shares.push(projectShareRow(f, event));
          break;
        case 'project_item_set':
        case 'timesheet_item_set':
        case 'carve_out_item_set':
          this.shareItems.push(shareItemRow(f, event));
          break;
        case 'timesheet_changed':
          this.timesheets.push(staffTimesheetRow(f, event));
          break;
        case 'project_changed':
          this.projects.push(projectRow(f, event));
          break;
        case 'administrative_share_set': {
          const row = administrativeShareVersionRow(f, event);
          this.carveOutVersions.set(
            JSON.stringify([row.municipality, row.project_id, row.offer_id, row.share_id, row.position]),
            row,
          );
          break;
        }
        case 'cap_parameters_set':
          this.capParameters.push(capParametersRow(f, event));
          break;
        case 'accounting_year_closed':
          this.closedYears.push(accountingYearRow(f, event));
          break;
        case 'cap_restated':
          this.capComputations.push(capComputationRow(f, event));
          break;
        case 'cap_year_changed':
          this.capYears.set(`${f.capYear.municipality}/${f.capYear.year}/${f.capYear.cap}`, f.capYear);
          break;
      }
    }
    if (outcome.postings.length) this.addCause(event, personsOf(outcome.postings));
    this.addPostings(event, outcome.postings, 0);
  }

  /** Postings of an event, the first of them its posting number `firstOrdinal` (an event whose postings are written in parts). */
  addPostings(event: SourceEvent, postings: readonly LedgerPosting[], firstOrdinal: number): void {
    postings.forEach((posting, i) => this.postings.push({ posting, event, ordinal: firstOrdinal + i }));
  }

  /** The cause of an event's postings, once for the event; `persons`: those of its postings (personsOf). */
  addCause(event: SourceEvent & Pick<RecordedEvent, 'data'>, persons: ReadonlySet<string>): void {
    this.causes.push(ledgerCauseRow(event, persons));
  }

  /** The statements, their rows already turned into text. */
  async writes(): Promise<Write[]> {
    const newSets: CitationSet[] = [];
    const lines = new Array<string>(this.postings.length);
    const totals = this.sumsTotals ? new LedgerTotals() : null;
    for (let i = 0; i < this.postings.length; i++) {
      const { posting, event, ordinal } = this.postings[i];
      totals?.add(posting.posting);
      lines[i] = ledgerEntryLine(
        posting,
        event,
        ordinal,
        this.citationSets.idOf(posting.posting.citations, newSets),
      );
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToIo();
    }
    const statements = [
      copyRows(TARGET_GROUP_CHANGE, this.changes),
      updateWrite('target_group_change', ['municipality', 'change_command_id'], this.retractions),
      copyRows(OFFER_VERSION, this.offerVersions),
      copyRows(MENTOR_AGREEMENT, this.agreements),
      copyRows(COST_ITEM, this.items),
      upsertWrite('cost_item', ['municipality', 'cost_item_id'], this.shareItems),
      updateWrite('cost_item', ['municipality', 'cost_item_id'], this.itemReversals),
      copyRows(PROJECT_SHARE, this.shares),
      upsertWrite('project', PROJECT_KEY, this.projects),
      upsertWrite('staff_timesheet', STAFF_TIMESHEET_KEY, this.timesheets),
      copyRows(ADMINISTRATIVE_SHARE_VERSION, [...this.carveOutVersions.values()]),
      citationSetsWrite(newSets),
      copyLines(LEDGER_ENTRY, lines),
      totals?.write() ?? null,
      copyRows(LEDGER_CAUSE, this.causes),
      copyRows(CAP_PARAMETERS, this.capParameters),
      copyRows(CAP_COMPUTATION, this.capComputations),
      copyRows(ACCOUNTING_YEAR, this.closedYears),
      upsertWrite('cap_year', CAP_YEAR_KEY, [...this.capYears.values()].map(capYearRow)),
    ];
    return statements.filter((x): x is Write => x !== null);
  }
}
