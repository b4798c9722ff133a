// "What changed": the postings recorded between two instants, grouped by the command that caused
// them, with totals (issue 6, Audit 4). Pure: the read side hands in the postings in log order.
import type { Posting } from './posting.types';

export interface ChangedPosting extends Posting {
  commandType: string | null;
}

export interface CommandChanges {
  commandId: string;
  commandType: string | null;
  recordedAt: string;
  entries: number;
  amountOere: number;
  refundOere: number;
  postings: ChangedPosting[];
}

export interface Changes {
  commands: CommandChanges[];
  totals: { commands: number; entries: number; amountOere: number; refundOere: number };
}

/** Groups postings (in log order) by causing command, in order of each command's first posting. */
export function groupChanges(postings: readonly ChangedPosting[]): Changes {
  const byCommand = new Map<string, CommandChanges>();
  const totals = { commands: 0, entries: 0, amountOere: 0, refundOere: 0 };
  for (const p of postings) {
    let group = byCommand.get(p.causedBy.commandId);
    if (!group) {
      group = { commandId: p.causedBy.commandId, commandType: p.commandType, recordedAt: p.recordedAt, entries: 0, amountOere: 0, refundOere: 0, postings: [] };
      byCommand.set(p.causedBy.commandId, group);
    }
    group.entries += 1;
    group.amountOere += p.amountOere;
    group.refundOere += p.refundOere ?? 0;
    group.postings.push(p);
    totals.entries += 1;
    totals.amountOere += p.amountOere;
    totals.refundOere += p.refundOere ?? 0;
  }
  totals.commands = byCommand.size;
  return { commands: [...byCommand.values()], totals };
}
