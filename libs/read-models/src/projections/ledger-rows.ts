// The rows a batch of ledger outcomes writes, collected per table (rows/*.row.ts; the inserted
// ones as COPY input as they come), and the batch's statements: one per table and kind, in an
// order that lets each see the ones before (a retraction updates a change inserted by the same batch).
import type { RecordedEvent } from '@app/event-store';
import type { CapYear, LedgerOutcome, LedgerPosting } from '@app/ledger';
import type { CitationSet } from './citation-sets';
import { citationSetsWrite, type StoredCitationSets } from './rows/citation-set.row';
import { COST_ITEM, costItemReversalRow, costItemRow, type CostItemReversalRow } from './rows/cost-item.row';
import type { SourceEvent } from './rows/event-row';
import { ACCOUNTING_YEAR, accountingYearRow } from './rows/accounting-year.row';
import { CAP_COMPUTATION, capComputationRow } from './rows/cap-computation.row';
import { CAP_PARAMETERS, capParametersRow } from './rows/cap-parameters.row';
import { CAP_YEAR_KEY, capYearRow } from './rows/cap-year.row';
import { LEDGER_CAUSE, ledgerCauseRow, personsOf } from './rows/ledger-cause.row';
import { LEDGER_ENTRY, ledgerEntryLine } from './rows/ledger-entry.row';
import { LedgerTotals } from './rows/ledger-total.row';
import { MENTOR_AGREEMENT, mentorAgreementRow } from './rows/mentor-agreement.row';
import { OFFER_VERSION, offerVersionRow } from './rows/offer-version.row';
import {
  retractionRow,
  TARGET_GROUP_CHANGE,
  targetGroupChangeRow,
  type RetractionRow,
} from './rows/target-group-change.row';
import {
  ADMINISTRATIVE_SHARE_VERSION,
  administrativeShareVersionRow,
  PROJECT,
  PROJECT_KEY,
  PROJECT_SHARE,
  SHARE_ITEM,
  projectRow,
  projectShareRow,
  shareItemRow,
  type AdministrativeShareVersionRow,
  type ProjectRow,
  type ShareItemRow,
} from './rows/project.row';
import { STAFF_TIMESHEET_KEY, staffTimesheetRow, type StaffTimesheetRow } from './rows/staff-timesheet.row';
import { CopyInput, updateWrite, upsertWrite, type Write } from './sql-rows';

export class LedgerRows {
  private readonly changes = new CopyInput(TARGET_GROUP_CHANGE);
  private readonly retractions: RetractionRow[] = [];
  private readonly offerVersions = new CopyInput(OFFER_VERSION);
  private readonly agreements = new CopyInput(MENTOR_AGREEMENT);
  private readonly items = new CopyInput(COST_ITEM);
  private readonly itemReversals: CostItemReversalRow[] = [];
  /** Share items new to their persons; those that changed are upserts. */
  private readonly newShareItems = new CopyInput(SHARE_ITEM);
  private readonly shareItems: ShareItemRow[] = [];
  private readonly shares = new CopyInput(PROJECT_SHARE);
  /** The last state of each project the batch changed, by key; and those it registered. */
  private readonly projects = new Map<string, ProjectRow>();
  private readonly registeredProjects = new Set<string>();
  private readonly timesheets: StaffTimesheetRow[] = [];
  /** By key: an event that deducts a carve-out twice leaves one version, the last. */
  private readonly carveOutVersions = new Map<string, AdministrativeShareVersionRow>();
  private readonly postings = new CopyInput(LEDGER_ENTRY);
  /** The citation lists of the batch's postings not stored before. */
  private readonly newSets: CitationSet[] = [];
  private readonly causes = new CopyInput(LEDGER_CAUSE);
  private readonly capParameters = new CopyInput(CAP_PARAMETERS);
  private readonly capComputations = new CopyInput(CAP_COMPUTATION);
  private readonly closedYears = new CopyInput(ACCOUNTING_YEAR);
  /** The last figures of each cap year the batch changed. */
  private readonly capYears = new Map<string, CapYear>();

  /** The batch's postings summed (ledger_total), unless left to the end of a bulk load. */
  private readonly totals: LedgerTotals | null;

  /** `sumsTotals` false: the postings' totals are left to the end of a bulk load (sumAllPostings). */
  constructor(
    private readonly citationSets: StoredCitationSets,
    sumsTotals = true,
  ) {
    this.totals = sumsTotals ? new LedgerTotals() : null;
  }

  add(event: SourceEvent & Pick<RecordedEvent, 'data'>, outcome: LedgerOutcome): void {
    for (const f of outcome.facts) {
      switch (f.type) {
        case 'target_group_changed':
          this.changes.add(targetGroupChangeRow(f, event));
          break;
        case 'target_group_change_retracted':
          this.retractions.push(retractionRow(f, event));
          break;
        case 'offer_version':
          this.offerVersions.add(offerVersionRow(f, event));
          break;
        case 'mentor_agreement_registered':
          this.agreements.add(mentorAgreementRow(f, event));
          break;
        case 'expense_recorded':
        case 'mentor_hours_recorded':
          this.items.add(costItemRow(f, event));
          break;
        case 'cost_item_reversed':
          this.itemReversals.push(costItemReversalRow(f, event));
          break;
        case 'project_share_set':
          this.addShareItem(f, event);
          this.shares.add(projectShareRow(f, event));
          break;
        case 'project_item_set':
          this.addShareItem(f, event);
          break;
        case 'timesheet_item_set':
        case 'carve_out_item_set':
          this.shareItems.push(shareItemRow(f, event));
          break;
        case 'timesheet_changed':
          this.timesheets.push(staffTimesheetRow(f, event));
          break;
        case 'project_changed': {
          const key = `${event.metadata.municipality}/${f.project.projectId}`;
          this.projects.set(key, projectRow(f, event));
          if (f.created) this.registeredProjects.add(key);
          break;
        }
        case 'administrative_share_set': {
          const row = administrativeShareVersionRow(f, event);
          this.carveOutVersions.set(
            JSON.stringify([row.municipality, row.project_id, row.offer_id, row.share_id, row.position]),
            row,
          );
          break;
        }
        case 'cap_parameters_set':
          this.capParameters.add(capParametersRow(f, event));
          break;
        case 'accounting_year_closed':
          this.closedYears.add(accountingYearRow(f, event));
          break;
        case 'cap_restated':
          this.capComputations.add(capComputationRow(f, event));
          break;
        case 'cap_year_changed':
          this.capYears.set(`${f.capYear.municipality}/${f.capYear.year}/${f.capYear.cap}`, f.capYear);
          break;
      }
    }
    if (outcome.postings.length) this.addCause(event, personsOf(outcome.postings));
    this.addPostings(event, outcome.postings, 0);
  }

  private addShareItem(
    f: Parameters<typeof shareItemRow>[0] & { created: boolean },
    event: SourceEvent,
  ): void {
    if (f.created) this.newShareItems.add(shareItemRow(f, event));
    else this.shareItems.push(shareItemRow(f, event));
  }

  /** Postings of an event, the first of them its posting number `firstOrdinal` (an event whose postings are written in parts). */
  addPostings(event: SourceEvent, postings: readonly LedgerPosting[], firstOrdinal: number): void {
    for (let i = 0; i < postings.length; i++) {
      const posting = postings[i];
      this.totals?.add(posting.posting);
      const citationsId = this.citationSets.idOf(posting.posting.citations, this.newSets);
      this.postings.addLine(ledgerEntryLine(posting, event, firstOrdinal + i, citationsId));
    }
  }

  /** The cause of an event's postings, once for the event; `persons`: those of its postings (personsOf). */
  addCause(event: SourceEvent & Pick<RecordedEvent, 'data'>, persons: ReadonlySet<string>): void {
    this.causes.add(ledgerCauseRow(event, persons));
  }

  /** The statements, their rows already turned into text. */
  writes(): Write[] {
    const carveOutVersions = new CopyInput(ADMINISTRATIVE_SHARE_VERSION);
    const registeredProjects = new CopyInput(PROJECT);
    const changedProjects: ProjectRow[] = [];
    for (const [key, row] of this.projects)
      if (this.registeredProjects.has(key)) registeredProjects.add(row);
      else changedProjects.push(row);
    for (const row of this.carveOutVersions.values()) carveOutVersions.add(row);
    const statements = [
      this.changes.write(),
      updateWrite('target_group_change', ['municipality', 'change_command_id'], this.retractions),
      this.offerVersions.write(),
      this.agreements.write(),
      this.items.write(),
      this.newShareItems.write(),
      upsertWrite('cost_item', ['municipality', 'cost_item_id'], this.shareItems),
      updateWrite('cost_item', ['municipality', 'cost_item_id'], this.itemReversals),
      this.shares.write(),
      registeredProjects.write(),
      upsertWrite('project', PROJECT_KEY, changedProjects),
      upsertWrite('staff_timesheet', STAFF_TIMESHEET_KEY, this.timesheets),
      carveOutVersions.write(),
      citationSetsWrite(this.newSets),
      this.postings.write(),
      this.totals?.write() ?? null,
      this.causes.write(),
      this.capParameters.write(),
      this.capComputations.write(),
      this.closedYears.write(),
      upsertWrite('cap_year', CAP_YEAR_KEY, [...this.capYears.values()].map(capYearRow)),
    ];
    return statements.filter((x): x is Write => x !== null);
  }
}
