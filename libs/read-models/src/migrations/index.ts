import { ProjectionCheckpoints1732400000000 } from './1732400000000-projection-checkpoints';
import { LedgerReadModels1732400000001 } from './1732400000001-ledger-read-models';
import { FinanceReadModels1732400000002 } from './1732400000002-finance-read-models';
import { LedgerActivityAndMentorAgreement1732400000003 } from './1732400000003-ledger-activity-and-mentor-agreement';
import { CitationSets1732400000004 } from './1732400000004-citation-sets';
import { MunicipalityCheckpoints1732400000005 } from './1732400000005-municipality-checkpoints';
import { CostItemFundingFrame1732400000006 } from './1732400000006-cost-item-funding-frame';
import { AuditJobs1796126650058 } from './1796126650058-audit-jobs';
import { LedgerEntryBookingDate1796126778153 } from './1796126778153-ledger-entry-booking-date';
import { LedgerCause1796127921187 } from './1796127921187-ledger-cause';
import { RulebookVersions1796128160855 } from './1796128160855-rulebook-versions';
import { Projects1796128812083 } from './1796128812083-projects';
import { StaffTimesheets1796136159080 } from './1796136159080-staff-timesheets';
import { CapYearAccounts1796136460484 } from './1796136460484-cap-year-accounts';
import { CostItemUnemploymentMonthsOn1796137046807 } from './1796137046807-cost-item-unemployment-months-on';
import { AdministrativeShareVersions1796137172557 } from './1796137172557-administrative-share-versions';
import { OfferVersionCancelled1796145097095 } from './1796145097095-offer-version-cancelled';
import { LedgerEntryActivityCovering1796145243568 } from './1796145243568-ledger-entry-activity-covering';
import { OfferAdministrativeShares1796146393309 } from './1796146393309-offer-administrative-shares';
import { ReversalByCostItem1796165336090 } from './1796165336090-reversal-by-cost-item';
import { LedgerTotals1796169475128 } from './1796169475128-ledger-totals';
import { LedgerCauseKeyedByPosition1796182880005 } from './1796182880005-ledger-cause-keyed-by-position';
import { StatisticsOfQueriedColumns1796183821813 } from './1796183821813-statistics-of-queried-columns';
import { EntryIdsCompareBytes1796184368921 } from './1796184368921-entry-ids-compare-bytes';

/** Every read-model migration, in order. */
export const READ_MODEL_MIGRATIONS = [
  ProjectionCheckpoints1732400000000,
  LedgerReadModels1732400000001,
  FinanceReadModels1732400000002,
  LedgerActivityAndMentorAgreement1732400000003,
  CitationSets1732400000004,
  MunicipalityCheckpoints1732400000005,
  CostItemFundingFrame1732400000006,
  AuditJobs1796126650058,
  LedgerEntryBookingDate1796126778153,
  LedgerCause1796127921187,
  RulebookVersions1796128160855,
  Projects1796128812083,
  StaffTimesheets1796136159080,
  CapYearAccounts1796136460484,
  CostItemUnemploymentMonthsOn1796137046807,
  AdministrativeShareVersions1796137172557,
  OfferVersionCancelled1796145097095,
  LedgerEntryActivityCovering1796145243568,
  OfferAdministrativeShares1796146393309,
  ReversalByCostItem1796165336090,
  LedgerTotals1796169475128,
  LedgerCauseKeyedByPosition1796182880005,
  StatisticsOfQueriedColumns1796183821813,
  EntryIdsCompareBytes1796184368921,
];
