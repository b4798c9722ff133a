// Finance and audit reads: refund statements as JSON, CSV or .xlsx, and "what changed" between
// two instants, grouped by the command that caused it. Each maps the HTTP request to its query on
// the QueryBus.
import { PassThrough } from 'node:stream';
import {
  Controller,
  Get,
  Headers,
  Inject,
  Param,
  Query,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiHeader,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CSV_TYPE, statementCsvText, statementJson, writeStatementXlsx, XLSX_TYPE } from '@app/read-models';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IsInstant, IsLogPosition } from '../http/query-forms';
import { GetLedgerChanges } from './ledger-changes.query';
import { MinPositionInterceptor } from './min-position.interceptor';
import { formatOf, sendAsFile, utcInstantOf } from './query-mapping';
import { AsOfQuery, PageLimit } from './query-params.dto';
import { GetRefundStatement, GetRefundStatementPostings } from './refund-statement.query';

export class StatementQuery extends AsOfQuery {
  @ApiPropertyOptional({
    description:
      'a quarter of the accounting year (booking periods 1-3, 4-6, 7-9, 10-12); default the whole year',
    minimum: 1,
    maximum: 4,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @ApiPropertyOptional({
    description: 'json, csv or xlsx; overrides the Accept header',
    enum: ['json', 'csv', 'xlsx'],
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class ChangesQuery {
  @ApiPropertyOptional({
    description: 'postings recorded after this instant (ISO 8601); default the beginning',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'and at or before this instant; default now' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'wait until the read models include this log position' })
  @IsOptional()
  @IsLogPosition()
  minPosition?: string;

  /** Commands per page (with all their postings in the span). */
  @PageLimit(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (pass the same from and to)' })
  @IsOptional()
  @IsLogPosition({ message: 'cursor must be a nextCursor from an earlier page' })
  cursor?: string;
}

@ApiTags('finance')
@Controller('v1/municipalities/:m')
@UseInterceptors(MinPositionInterceptor)
export class FinanceController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('refund-statements/:year')
  @ApiParam({ name: 'year', description: 'the accounting (booking) year, e.g. 2025' })
  @ApiHeader({
    name: 'accept',
    required: false,
    description: `application/json (default), ${CSV_TYPE} (';', decimal comma, UTF-8 with BOM) or ${XLSX_TYPE} (one sheet per view and one of the postings)`,
  })
  @ApiProduces('application/json', CSV_TYPE, XLSX_TYPE)
  @ApiOkResponse({
    description:
      'the refund statement: totals, per account, per target group, afløb (activity in earlier years) apart, unresolved lines apart, and the capped refunds; ' +
      'a closed year asked for after its close is frozen at the close',
  })
  async statement(
    @Param('m') m: string,
    @Param('year') year: string,
    @Query() q: StatementQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept') accept?: string,
  ) {
    const request = {
      municipality: m,
      year: Number(year),
      quarter: (q.quarter ?? null) as 1 | 2 | 3 | 4 | null,
      asOf: utcInstantOf(q.asOf),
    };
    const statement = await this.queryBus.execute(new GetRefundStatement(request));
    const postings = () => this.queryBus.execute(new GetRefundStatementPostings(request));
    const name = `refund-statement-${m}-${year}${q.quarter ? `-q${q.quarter}` : ''}`;
    switch (formatOf(q.format, accept, { xlsx: XLSX_TYPE, csv: CSV_TYPE }, 'json')) {
      case 'csv':
        sendAsFile(reply, `${CSV_TYPE}; charset=utf-8`, `${name}.csv`);
        return new StreamableFile(Buffer.from(await statementCsvText(statement, await postings()), 'utf8'));
      case 'xlsx': {
        sendAsFile(reply, XLSX_TYPE, `${name}.xlsx`);
        // written as the postings are read; a failure half-way ends the response unfinished
        const workbook = new PassThrough();
        writeStatementXlsx(statement, await postings(), workbook).catch((error: Error) =>
          workbook.destroy(error),
        );
        return new StreamableFile(workbook);
      }
      default:
        return statementJson(statement);
    }
  }

  @Get('ledger/changes')
  @ApiOkResponse({
    description:
      '{ from, to, commands: [ { commandId, commandType, recordedAt, actor, reason, personId, entries, amount, refund, postings } ], totals, nextCursor }: ' +
      'the postings recorded in (from, to], by causing command, a page of commands at a time; totals are of the whole span',
  })
  changes(@Param('m') m: string, @Query() q: ChangesQuery) {
    const from = utcInstantOf(q.from, '1970-01-01T00:00:00.000Z');
    const to = utcInstantOf(q.to);
    const cursor = q.cursor === undefined ? undefined : BigInt(q.cursor);
    return this.queryBus.execute(new GetLedgerChanges(m, from, to, q.limit ?? 100, cursor));
  }
}
