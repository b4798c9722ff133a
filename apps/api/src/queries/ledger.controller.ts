// Read endpoints of API.md: timeline, offer, ledger entries, explanation, summary. Each maps
// the HTTP request to its query on the QueryBus.
import {
  Controller,
  Get,
  Headers,
  Inject,
  Param,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { problem, ProblemException } from '@app/platform';
import { CSV_TYPE, type SummaryKey } from '@app/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExplainEntry, type Explanation } from './entry-explanation.query';
import { explanationAccount } from './explanation-account';
import { explanationHtml, explanationText } from './explanation-render';
import { GetLedgerEntriesCsv } from './ledger-entries-csv.query';
import { GetLedgerEntries } from './ledger-entries.query';
import { GetLedgerSummary } from './ledger-summary.query';
import { MinPositionInterceptor } from './min-position.interceptor';
import { listPage } from './list-page';
import { GetOffer } from './offer.query';
import { GetProject } from './project.query';
import {
  AsOfQuery,
  ExplanationQuery,
  GROUP_BY_KEYS,
  LedgerEntriesQuery,
  LedgerSummaryQuery,
  TimelineQuery,
} from './query-params.dto';
import { asOfOf, formatOf, ledgerFilterOf, sendAsFile } from './query-mapping';
import { GetTimelineHistory } from './timeline-history.query';
import { GetTimeline } from './timeline.query';

@ApiTags('queries')
@Controller('v1/municipalities/:m')
@UseInterceptors(MinPositionInterceptor)
export class LedgerController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('persons/:personId/timeline')
  @ApiOkResponse({
    description:
      '[ { targetGroup, attributes, from, to, recordedAt, changeCommandId, reason } ] as known at asOf; with history=true every registration ' +
      '[ { changeCommandId, targetGroup, attributes, effectiveFrom, reason, recordedAt, retractedAt, retractionReason } ], retracted ones included. ' +
      'A further page is announced in a Link header (rel="next")',
  })
  async timeline(
    @Param('m') m: string,
    @Param('personId') personId: string,
    @Query() q: TimelineQuery,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const all: unknown[] = await this.queryBus.execute(
      q.history === 'true'
        ? new GetTimelineHistory(m, personId, asOfOf(q))
        : new GetTimeline(m, personId, asOfOf(q)),
    );
    return listPage(all, q.limit ?? 1000, q.cursor, req, reply);
  }

  @Get('offers/:offerId')
  @ApiOkResponse({ description: 'the offer with its expenses and mentor hours, as known at asOf' })
  offer(@Param('m') m: string, @Param('offerId') offerId: string, @Query() q: AsOfQuery) {
    return this.queryBus.execute(new GetOffer(m, offerId, asOfOf(q)));
  }

  @Get('projects/:projectId')
  @ApiOkResponse({
    description: 'the project, its participants and their periods, its expenses and each expense’s shares',
  })
  project(@Param('m') m: string, @Param('projectId') projectId: string, @Query() q: AsOfQuery) {
    return this.queryBus.execute(new GetProject(m, projectId, asOfOf(q)));
  }

  @Get('ledger/entries')
  @ApiHeader({
    name: 'accept',
    required: false,
    description: `application/json (default: a page) or ${CSV_TYPE} (every matching posting: ';', decimal comma, UTF-8 with BOM)`,
  })
  @ApiProduces('application/json', CSV_TYPE)
  @ApiOkResponse({ description: '{ entries: [ posting ], nextCursor }, or every matching posting as CSV' })
  async entries(
    @Param('m') m: string,
    @Query() q: LedgerEntriesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept') accept?: string,
  ) {
    const { limit, cursor: rawCursor, minPosition: _p, format, ...filter } = q;
    if (formatOf(format, accept, { csv: CSV_TYPE }, 'json') === 'csv') {
      if (limit !== undefined || rawCursor !== undefined)
        throw new ProblemException(
          problem(400, 'validation', 'CSV has every matching posting: leave out limit and cursor', {
            errors: [{ path: limit !== undefined ? 'limit' : 'cursor', message: 'is not taken with CSV' }],
          }),
        );
      const csv = await this.queryBus.execute(new GetLedgerEntriesCsv(ledgerFilterOf(m, filter)));
      sendAsFile(reply, `${CSV_TYPE}; charset=utf-8`, `ledger-entries-${m}.csv`);
      return new StreamableFile(csv);
    }
    const cursor = rawCursor
      ? { position: BigInt(rawCursor.split('.')[0]), ordinal: Number(rawCursor.split('.')[1]) }
      : undefined;
    return this.queryBus.execute(new GetLedgerEntries(ledgerFilterOf(m, filter), limit ?? 100, cursor));
  }

  @Get('ledger/entries/:entryId/explanation')
  @ApiOkResponse({
    description: 'the events, timeline segment, rule with citation and arithmetic behind a posting',
  })
  @ApiHeader({
    name: 'accept',
    required: false,
    description: 'application/json (default), text/html or text/plain (a readable account in Danish)',
  })
  @ApiProduces('application/json', 'text/html', 'text/plain')
  async explanation(
    @Param('m') m: string,
    @Param('entryId') entryId: string,
    @Query() q: ExplanationQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept') accept?: string,
  ) {
    const explanation = (await this.queryBus.execute(new ExplainEntry(m, entryId, asOfOf(q)))) as Explanation;
    const format = formatOf(q.format, accept, { html: 'text/html', text: 'text/plain' }, 'json');
    if (format === 'json') return explanation;
    const account = explanationAccount(m, explanation);
    reply.header('content-type', `text/${format === 'html' ? 'html' : 'plain'}; charset=utf-8`);
    return new StreamableFile(
      Buffer.from(format === 'html' ? explanationHtml(account) : explanationText(account), 'utf8'),
    );
  }

  @Get('ledger/summary')
  @ApiOkResponse({
    description: '{ groupBy, lines: [ { …groups, unresolved, entries, amount, refund } ], totals }',
  })
  summary(@Param('m') m: string, @Query() q: LedgerSummaryQuery) {
    const groupBy = (q.groupBy ? q.groupBy.split(',') : []) as SummaryKey[];
    const unknown = groupBy.filter((k) => !(GROUP_BY_KEYS as readonly string[]).includes(k));
    if (unknown.length) {
      throw new ProblemException(
        problem(400, 'validation', `groupBy takes ${GROUP_BY_KEYS.join(', ')}`, {
          errors: [{ path: 'groupBy', message: `unknown: ${unknown.join(', ')}` }],
        }),
      );
    }
    const { groupBy: _g, minPosition: _p, ...filter } = q;
    return this.queryBus.execute(new GetLedgerSummary(ledgerFilterOf(m, filter), groupBy));
  }
}
