import type { DomainEvent } from '../events/domain-events';
import type { CapIdentifier } from './cap-ids';

export interface CapParameters {
  amountPerFullYearPersonOere: number;
  fullYearPersonsHundredths: number;
}

/** Aggregate "finance year" (one per municipality and accounting year), stream finance-{municipality}-{year}. */
export interface FinanceYearState {
  caps: Partial<Record<CapIdentifier, CapParameters>>;
  /** Whether the year has been closed (AccountingYearClosed). */
  closed: boolean;
}

export const initialFinanceYearState: FinanceYearState = { caps: {}, closed: false };

export function evolveFinanceYear(state: FinanceYearState, event: DomainEvent): FinanceYearState {
  switch (event.type) {
    case 'CapParametersSet': {
      const d = event.data;
      return {
        ...state,
        caps: {
          ...state.caps,
          [d.cap]: {
            amountPerFullYearPersonOere: d.amountPerFullYearPersonOere,
            fullYearPersonsHundredths: d.fullYearPersonsHundredths,
          },
        },
      };
    }
    case 'AccountingYearClosed':
      return { ...state, closed: true };
    default:
      return state;
  }
}
