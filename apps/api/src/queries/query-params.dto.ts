// Query-string parameters shared by the read endpoints (API.md "Queries"), validated by class-validator.
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { TARGET_GROUPS } from '@app/domain';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsCursor, IsInstant, IsLogPosition } from '../http/query-forms';

const POSTING_KINDS = ['original', 'reversal', 'rebooking', 'cap_adjustment'];
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'answer as known at this recorded instant (ISO 8601); default now' })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({
    description: 'wait until the read models include this log position (from a command response)',
  })
  @IsOptional()
  @IsLogPosition()
  minPosition?: string;
}

/** `?limit=` of a paged collection (API.md "Queries": 1-1000). */
export const PageLimit = (fallback: number) =>
  applyDecorators(
    ApiPropertyOptional({ default: fallback, minimum: 1, maximum: 1000 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(1000),
  );

export class ExplanationQuery extends AsOfQuery {
  @ApiPropertyOptional({
    description: 'json, html or text (the Danish account); overrides the Accept header',
    enum: ['json', 'html', 'text'],
  })
  @IsOptional()
  @IsIn(['json', 'html', 'text'])
  format?: 'json' | 'html' | 'text';
}

export class TimelineQuery extends AsOfQuery {
  @ApiPropertyOptional({
    description: 'true: every registration, retracted ones included, with its recorded and retracted times',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  history?: 'true' | 'false';

  @PageLimit(1000)
  limit?: number;

  @ApiPropertyOptional({
    description: 'the cursor of the previous page\'s Link rel="next" (pass the same asOf)',
  })
  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'cursor must be a cursor from an earlier page' })
  cursor?: string;
}

export class LedgerFilterQuery extends AsOfQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,64}$/) personId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,64}$/) offerId?: string;

  @ApiPropertyOptional({
    description:
      "a project's postings: its participants' shares of its expenses, and what no participant bore",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/)
  projectId?: string;

  @ApiPropertyOptional({
    description: "a target group, or 'unknown' for postings made while the person's group was not known",
    enum: [...TARGET_GROUPS, 'unknown'],
  })
  @IsOptional()
  @IsIn([...TARGET_GROUPS, 'unknown'])
  targetGroup?: string;

  @ApiPropertyOptional({ enum: POSTING_KINDS })
  @IsOptional()
  @IsIn(POSTING_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    description: 'function, optionally with dranst and grouping: 5.68.90, 5.68.90.1 or 5.68.90.1.097',
  })
  @IsOptional()
  @Matches(/^\d\.\d{2}\.\d{2}(\.[12](\.\d{3})?)?$/, {
    message: 'account must look like 5.68.90, 5.68.90.1 or 5.68.90.1.097',
  })
  account?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM' })
  @IsOptional()
  @Matches(PERIOD, { message: 'bookingPeriod must be YYYY-MM' })
  bookingPeriod?: string;

  @ApiPropertyOptional({ description: 'booking periods from this one on (YYYY-MM)' })
  @IsOptional()
  @Matches(PERIOD, { message: 'bookingPeriodFrom must be YYYY-MM' })
  bookingPeriodFrom?: string;

  @ApiPropertyOptional({ description: 'booking periods up to and including this one (YYYY-MM)' })
  @IsOptional()
  @Matches(PERIOD, { message: 'bookingPeriodTo must be YYYY-MM' })
  bookingPeriodTo?: string;

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
  @PageLimit(100)
  limit?: number;

  @ApiPropertyOptional({
    description: 'json (a page) or csv (every matching posting); overrides the Accept header',
    enum: ['json', 'csv'],
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsCursor()
  cursor?: string;
}

export const GROUP_BY_KEYS = ['account', 'targetGroup', 'bookingPeriod', 'activityYear'] as const;

export class LedgerSummaryQuery extends LedgerFilterQuery {
  @ApiPropertyOptional({
    description: 'comma-separated subset of account,targetGroup,bookingPeriod,activityYear',
  })
  @IsOptional()
  @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/)
  groupBy?: string;
}
