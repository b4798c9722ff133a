// The history of an accounting year's cap parameters (each setting with its allowance, reason,
// time and command), as recorded by asOf: what the web app's "Lofter og regnskabsår" lists.
import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { formatOere } from '@app/domain';
import { capAllowance } from '@app/ledger';
import { CapParametersQueries } from '@app/read-models/queries/cap-parameters.queries';
import type { DataSource } from 'typeorm';
import { READ_MODELS } from '../api.tokens';
import { MinPositionInterceptor } from './min-position.interceptor';
import { AsOfQuery } from './query-params.dto';

@ApiTags('finance')
@Controller('v1/municipalities/:m')
@UseInterceptors(MinPositionInterceptor)
export class CapParametersController {
  private readonly queries: CapParametersQueries;

  constructor(@Inject(READ_MODELS) readModels: DataSource) {
    this.queries = new CapParametersQueries(readModels);
  }

  @Get('accounting-years/:year/cap-parameters')
  @ApiParam({ name: 'year', description: 'the accounting (booking) year, e.g. 2025' })
  @ApiOkResponse({ description: '{ year, settings: [ { cap, amountPerFullYearPerson, fullYearPersons, allowance, reason, recordedAt, commandId } ] } oldest first; the last per cap stands' })
  async history(@Param('m') m: string, @Param('year') year: string, @Query() q: AsOfQuery) {
    const settings = await this.queries.history(m, Number(year), q.asOf ? new Date(q.asOf).toISOString() : new Date().toISOString());
    return {
      year: Number(year),
      settings: settings.map((s) => ({
        cap: s.cap,
        amountPerFullYearPerson: formatOere(s.amountPerFullYearPersonOere),
        fullYearPersons: (s.fullYearPersonsHundredths / 100).toFixed(2),
        allowance: formatOere(capAllowance(s)),
        reason: s.reason,
        recordedAt: s.recordedAt,
        commandId: s.commandId,
      })),
    };
  }
}
