// "What changed": the postings recorded between two instants, grouped by the command that caused
// them, with exact sums (bigint øre). Pure: the read side hands in the postings in log order.
import type { Posting } from './posting.types';

/** The command behind postings: who sent it, why, and the person it concerns (null: none or several). */
export interface CommandCause {
  commandType: string | null;
  /** The role and subject of the token that sent it; '' for postings projected before this was kept. */
  actor: string;
  reason: string | null;
  personId: string | null;
}

export interface ChangedPosting extends Posting {
  cause: CommandCause;
}

export interface CommandChanges<P extends ChangedPosting = ChangedPosting> extends CommandCause {
  commandId: string;
  recordedAt: string;
  entries: number;
  amountOere: bigint;
  refundOere: bigint;
  postings: P[];
}

/** Groups postings (in log order) by causing command, in order of each command's first posting. */
export function groupChanges<P extends ChangedPosting>(postings: readonly P[]): CommandChanges<P>[] {
  const byCommand = new Map<string, CommandChanges<P>>();
  for (const p of postings) {
    let group = byCommand.get(p.causedBy.commandId);
    if (!group) {
      group = {
        commandId: p.causedBy.commandId,
        ...p.cause,
        recordedAt: p.recordedAt,
        entries: 0,
        amountOere: 0n,
        refundOere: 0n,
        postings: [],
      };
      byCommand.set(p.causedBy.commandId, group);
    }
    group.entries += 1;
    group.amountOere += BigInt(p.amountOere);
    group.refundOere += BigInt(p.refundOere ?? 0);
    group.postings.push(p);
  }
  return [...byCommand.values()];
}
