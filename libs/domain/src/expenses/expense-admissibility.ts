// Expenses the sources keep off hovedkonto 5, or out of the costs a refund is computed on (VEJ 9584/2025 chapter 6,
// 000_140518b2c182b2de.txt): RecordOfferExpense refuses them with the passage that says so, so nothing is booked
// that a refund statement would have to take out again.
import { DomainRuleViolation } from '../shared/domain-rule-violation.error';
import type { ExpenseType, IsoDate, OfferKind } from '../shared/vocabulary';

interface ExpenseRefusal {
  reason: string;
  citation: { source: string; section: string };
}

const VEJ_9584 = '000_140518b2c182b2de.txt';

const REFUSED: Partial<Record<ExpenseType, ExpenseRefusal>> = {
  board_and_lodging: {
    reason: 'kost og logi is not covered unless it is part of the course price (record it in the course fee)',
    citation: {
      source: VEJ_9584,
      section:
        '6.4 nr. 13 (L1130-L1131): "Udgifter til kost og logi, samt attester og beviser dækkes ikke medmindre udgiften er en del af kursusprisen"',
    },
  },
  certificates_and_fees: {
    reason: 'attester, beviser and fees are not covered unless part of the course price',
    citation: {
      source: VEJ_9584,
      section:
        '6.4 nr. 13 (L1130-L1131); for seks ugers jobrettet uddannelse 6.4 (L1187-L1191): "ikke eventuelle følgeudgifter i form af gebyr ved udarbejdelse af lægeattest, eksamensgebyr"',
    },
  },
  mentor_travel: {
    reason: "the mentor's own transport is never a mentor cost",
    citation: {
      source: VEJ_9584,
      section: '6.5 (L1256-L1257): "Der kan heller ikke medregnes befordringsudgifter til mentoren"',
    },
  },
  capital_expenditure: {
    reason:
      'capital spending (anlæg) is not an operating cost of an offer and is not registered on hovedkonto 5',
    citation: {
      source: VEJ_9584,
      section: '6.8 Afgrænsning af anlægsudgifter versus driftsudgifter (L1336-L1339)',
    },
  },
  self_insurance_damages: {
    reason:
      'actual damages in a self-insuring municipality cannot be registered on hovedkonto 5 (only an estimated insurance cost)',
    citation: {
      source: VEJ_9584,
      section:
        '6.4 nr. 7 (L1099-L1101): "Faktiske udgifter i forbindelse med skade i selvforsikrende kommuner kan ikke registreres på hovedkonto 5"',
    },
  },
  authorised_craftsmen: {
    reason:
      'work by authorised craftsmen on a rebuilding that is part of the project is not an operating cost of the offer',
    citation: {
      source: VEJ_9584,
      section: '6.8 (L1373-L1376): "medtages udgifter til autoriserede håndværkere ikke"',
    },
  },
  unused_places: {
    reason:
      'only places actually used can be paid for; unused places only under the counting rules of lov om betaling for visse uddannelsesaktiviteter (record those as unused_places_counting_rules)',
    citation: {
      source: VEJ_9584,
      section:
        '6.4 nr. 9 (L1113-L1116): "Der kan alene betales for pladser, der faktisk er forbrugt ... Dog kan udgifter til betaling for uforbrugte pladser, der afholdes i henhold til de regler, herunder tælleregler ... registreres på hovedkonto 5"',
    },
  },
  social_mentor_training: {
    reason: 'training bought for a mentor is covered for company and education mentors only',
    citation: {
      source: VEJ_9584,
      section:
        '6.5 (L1267-L1270): "kan der bevilges tilskud til køb af uddannelse for medarbejderen (kun virksomhedsmentor og uddannelsesmentor)"',
    },
  },
};

/** The expense types refused on every offer: the rulebook gives them no refund category of their own ('not_bookable'). */
export const REFUSED_EXPENSE_TYPES = Object.keys(REFUSED) as readonly ExpenseType[];

const SIX_WEEKS_FOLLOW_UP: ExpenseRefusal = {
  reason:
    'in seks ugers jobrettet uddannelse the jobcentre pays the participant fee in the course price, not books or other teaching material',
  citation: {
    source: VEJ_9584,
    section:
      '6.4 (L1187-L1191): "men ikke eventuelle følgeudgifter i form af ... udgifter til bøger, andet undervisningsmateriale, sikkerhedssko eller lignende"',
  },
};

/** Why an expense of this type cannot be recorded on an offer of this kind, or null when it can. */
export function expenseRefusal(offerKind: OfferKind, expenseType: ExpenseType): ExpenseRefusal | null {
  if (offerKind === 'six_weeks_job_education' && expenseType === 'teaching_material')
    return SIX_WEEKS_FOLLOW_UP;
  return REFUSED[expenseType] ?? null;
}

/** activityTo before activityFrom is a 422. */
export function assertExpensePeriod(expenseId: string, activityFrom: IsoDate, activityTo: IsoDate): void {
  if (activityTo < activityFrom) {
    throw new DomainRuleViolation(
      'expense.invalid_period',
      `Expense ${expenseId}: activityTo ${activityTo} is before activityFrom ${activityFrom}`,
      { expenseId, activityFrom, activityTo },
    );
  }
}

/** A type the sources keep off hovedkonto 5 for this kind of offer is a 422 citing the passage. */
export function assertBookable(expenseId: string, offerKind: OfferKind, expenseType: ExpenseType): void {
  const refusal = expenseRefusal(offerKind, expenseType);
  if (refusal) {
    throw new DomainRuleViolation(
      'expense.not_bookable',
      `Expense ${expenseId} (${expenseType}) cannot be recorded on a ${offerKind} offer: ${refusal.reason}`,
      { expenseId, expenseType, offerKind, reason: refusal.reason, citations: [refusal.citation] },
    );
  }
}
