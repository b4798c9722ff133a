// Query-string parameters shared by the read endpoints (API.md "Queries"), validated by class-validator.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsCursor, IsInstant, IsLogPosition } from '../http/query-forms';

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'answer as known at this recorded instant (ISO 8601); default now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'wait until the read models include this log position (from a command response)' })
  @IsOptional()
  @IsLogPosition()
  minPosition?: string;
}

export class LedgerFilterQuery extends AsOfQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,64}$/) personId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,64}$/) offerId?: string;

  @ApiPropertyOptional({ description: 'function, optionally with dranst and grouping: 5.68.90, 5.68.90.1 or 5.68.90.1.097' })
  @IsOptional()
  @Matches(/^\d\.\d{2}\.\d{2}(\.[12](\.\d{3})?)?$/, { message: 'account must look like 5.68.90, 5.68.90.1 or 5.68.90.1.097' })
  account?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'bookingPeriod must be YYYY-MM' })
  bookingPeriod?: string;

  @ApiPropertyOptional({ description: 'entries whose activity period ends on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  activityFrom?: string;

  @ApiPropertyOptional({ description: 'entries whose activity period starts on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  activityTo?: string;
}

export class LedgerEntriesQuery extends LedgerFilterQuery {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsCursor()
  cursor?: string;
}

export const GROUP_BY_KEYS = ['account', 'targetGroup', 'bookingPeriod', 'activityYear'] as const;
export type GroupByKey = (typeof GROUP_BY_KEYS)[number];

export class LedgerSummaryQuery extends LedgerFilterQuery {
  @ApiPropertyOptional({ description: 'comma-separated subset of account,targetGroup,bookingPeriod,activityYear' })
  @IsOptional()
  @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/)
  groupBy?: string;
}
