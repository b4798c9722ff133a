// "What changed": the postings recorded between two instants, grouped by the command that caused
// them, with exact totals (bigint øre). Pure: the read side hands in the postings in log order.
import type { Posting } from './posting.types';

export interface ChangedPosting extends Posting {
  commandType: string | null;
}

export interface CommandChanges {
  commandId: string;
  commandType: string | null;
  recordedAt: string;
  entries: number;
  amountOere: bigint;
  refundOere: bigint;
  postings: ChangedPosting[];
}

export interface Changes {
  commands: CommandChanges[];
  totals: { commands: number; entries: number; amountOere: bigint; refundOere: bigint };
}

/** Groups postings (in log order) by causing command, in order of each command's first posting. */
export function groupChanges(postings: readonly ChangedPosting[]): Changes {
  const byCommand = new Map<string, CommandChanges>();
  const totals = { commands: 0, entries: 0, amountOere: 0n, refundOere: 0n };
  for (const p of postings) {
    let group = byCommand.get(p.causedBy.commandId);
    if (!group) {
      group = {
        commandId: p.causedBy.commandId,
        commandType: p.commandType,
        recordedAt: p.recordedAt,
        entries: 0,
        amountOere: 0n,
        refundOere: 0n,
        postings: [],
      };
      byCommand.set(p.causedBy.commandId, group);
    }
    group.entries += 1;
    const amount = BigInt(p.amountOere);
    const refund = BigInt(p.refundOere ?? 0);
    group.amountOere += amount;
    group.refundOere += refund;
    group.postings.push(p);
    totals.entries += 1;
    totals.amountOere += amount;
    totals.refundOere += refund;
  }
  totals.commands = byCommand.size;
  return { commands: [...byCommand.values()], totals };
}
