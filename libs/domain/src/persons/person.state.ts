import type { DomainEvent } from '../events/domain-events';
import type { IsoDate, TargetGroup, TargetGroupAttributes } from '../shared/vocabulary';

/** One registered change of a person's target group, as the decider needs to know it. */
export interface TargetGroupChangeRecord {
  changeCommandId: string;
  targetGroup: TargetGroup;
  attributes: TargetGroupAttributes;
  effectiveFrom: IsoDate;
  retracted: boolean;
}

/** Aggregate "person target-group history", stream person-{municipality}-{personId}. */
export interface PersonState {
  personId: string | null;
  /** In recorded order. */
  changes: readonly TargetGroupChangeRecord[];
}

export const initialPersonState: PersonState = { personId: null, changes: [] };

export function evolvePerson(state: PersonState, event: DomainEvent): PersonState {
  switch (event.type) {
    case 'TargetGroupChanged': {
      const d = event.data;
      return {
        personId: d.personId,
        changes: [
          ...state.changes,
          {
            changeCommandId: d.changeCommandId,
            targetGroup: d.targetGroup,
            attributes: d.attributes,
            effectiveFrom: d.effectiveFrom,
            retracted: false,
          },
        ],
      };
    }
    case 'TargetGroupChangeRetracted': {
      const id = event.data.changeCommandId.toLowerCase();
      return {
        ...state,
        changes: state.changes.map((c) =>
          c.changeCommandId.toLowerCase() === id ? { ...c, retracted: true } : c,
        ),
      };
    }
    default:
      return state;
  }
}
