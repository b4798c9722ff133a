// Every setting of an accounting year's cap parameters as recorded by asOf, oldest first: the
// history behind the statement's caps (the statement reads only the one standing).
import type { CapId } from '@app/rules';
import type { DataSource } from 'typeorm';

export interface CapParametersSetting {
  cap: CapId;
  amountPerFullYearPersonOere: number;
  fullYearPersonsHundredths: number;
  reason: string | null;
  recordedAt: string;
  commandId: string;
}

export class CapParametersQueries {
  constructor(private readonly db: DataSource) {}

  async history(municipality: string, year: number, asOf: string): Promise<CapParametersSetting[]> {
    const rows: {
      cap: CapId;
      amount: string;
      persons: number;
      reason: string | null;
      recorded_at: Date;
      command_id: string;
    }[] = await this.db.query(
      `SELECT cap, amount_per_full_year_person_oere::text AS amount, full_year_persons_hundredths AS persons, reason, recorded_at, command_id
         FROM cap_parameters WHERE municipality = $1 AND year = $2 AND recorded_at <= $3 ORDER BY position`,
      [municipality, year, asOf],
    );
    return rows.map((r) => ({
      cap: r.cap,
      amountPerFullYearPersonOere: Number(r.amount),
      fullYearPersonsHundredths: r.persons,
      reason: r.reason,
      recordedAt: r.recorded_at.toISOString(),
      commandId: r.command_id,
    }));
  }
}
