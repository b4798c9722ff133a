// Every target-group registration of a person as recorded by asOf, retracted ones included (API.md
// timeline `?history=true`): what was registered when, and when and why it was retracted, so a
// retroactive change or a retraction can be seen as what it is.
import type { DataSource } from 'typeorm';

export interface TargetGroupRegistration {
  changeCommandId: string;
  targetGroup: string;
  attributes: Record<string, unknown>;
  effectiveFrom: string;
  reason: string | null;
  recordedAt: string;
  /** Set when the registration was retracted at or before asOf. */
  retractedAt: string | null;
  retractionReason: string | null;
}

export class TimelineHistoryQueries {
  constructor(private readonly db: DataSource) {}

  async registrations(
    municipality: string,
    personId: string,
    asOf: string,
  ): Promise<TargetGroupRegistration[]> {
    const rows: {
      change_command_id: string;
      target_group: string;
      attributes: Record<string, unknown>;
      effective_from: string;
      reason: string | null;
      recorded_at: Date;
      retracted_at: Date | null;
      retraction_reason: string | null;
    }[] = await this.db.query(
      `SELECT change_command_id, target_group, attributes, effective_from, reason, recorded_at,
                CASE WHEN retracted_at <= $3 THEN retracted_at END AS retracted_at,
                CASE WHEN retracted_at <= $3 THEN retraction_reason END AS retraction_reason
           FROM target_group_change
          WHERE municipality = $1 AND person_id = $2 AND recorded_at <= $3
          ORDER BY recorded_at, event_id`,
      [municipality, personId, asOf],
    );
    return rows.map((r) => ({
      changeCommandId: r.change_command_id,
      targetGroup: r.target_group,
      attributes: r.attributes,
      effectiveFrom: r.effective_from,
      reason: r.reason,
      recordedAt: r.recorded_at.toISOString(),
      retractedAt: r.retracted_at?.toISOString() ?? null,
      retractionReason: r.retraction_reason,
    }));
  }
}
