// A project expense shared by its participants (003_ba212cd929ee8ae7.txt L4210-L4213: costs of a project for several
// target groups "skal fordeles/opdeles til flere målgrupper"; VEJ 9584 ch. 4: a fordelingsnøgle per participant): in
// proportion to their participant-days in its period, by cumulative rounding, so the shares add up to the øre. The
// ledger posts the shares; the decider of a carve-out counts the costs it may come out of by the same shares.
import { daysInclusive, maxDate, minDate } from '../shared/calendar-date';
import { divideRoundHalfAwayFromZero, toSafeOere } from '../shared/money';
import type { IsoDate } from '../shared/vocabulary';

export interface Participation {
  from: IsoDate;
  to: IsoDate;
  cancelled: boolean;
}

export interface ParticipantShare<P extends Participation> {
  participant: P;
  /** The participant's days within the expense's period. */
  from: IsoDate;
  to: IsoDate;
  participantDays: number;
  /** Participant-days of the participants before this one (cumulative rounding). */
  daysBefore: number;
  amountOere: number;
}

/**
 * The shares of an amount over from..to: each participant not cancelled whose period overlaps it gets
 * round(A × D_through / D) − round(A × D_before / D) øre, D the participant-days of all, in the order given (the
 * order they joined).
 */
export function participantShares<P extends Participation>(
  amountOere: number,
  from: IsoDate,
  to: IsoDate,
  participants: readonly P[],
): { totalParticipantDays: number; shares: ParticipantShare<P>[] } {
  const days = participants
    .filter((p) => !p.cancelled && p.from <= to && p.to >= from)
    .map((participant) => {
      const shareFrom = maxDate(participant.from, from);
      const shareTo = minDate(participant.to, to);
      return { participant, shareFrom, shareTo, participantDays: daysInclusive(shareFrom, shareTo) };
    });
  const total = days.reduce((sum, d) => sum + d.participantDays, 0);
  const running = (d: number) =>
    toSafeOere(divideRoundHalfAwayFromZero(BigInt(amountOere) * BigInt(d), BigInt(total)));
  let daysBefore = 0;
  const shares = days.map(({ participant, shareFrom, shareTo, participantDays }) => {
    const share: ParticipantShare<P> = {
      participant,
      from: shareFrom,
      to: shareTo,
      participantDays,
      daysBefore,
      amountOere: running(daysBefore + participantDays) - running(daysBefore),
    };
    daysBefore += participantDays;
    return share;
  });
  return { totalParticipantDays: total, shares };
}
