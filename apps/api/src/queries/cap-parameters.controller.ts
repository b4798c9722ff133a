// The history of an accounting year's cap parameters (each setting with its allowance, reason,
// time and command), as recorded by asOf: what the web app's "Lofter og regnskabsår" lists.
import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetCapParameterHistory } from './cap-parameters.query';
import { MinPositionInterceptor } from './min-position.interceptor';
import { utcInstantOf } from './query-mapping';
import { AsOfQuery } from './query-params.dto';

@ApiTags('finance')
@Controller('v1/municipalities/:m')
@UseInterceptors(MinPositionInterceptor)
export class CapParametersController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('accounting-years/:year/cap-parameters')
  @ApiParam({ name: 'year', description: 'the accounting (booking) year, e.g. 2025' })
  @ApiOkResponse({
    description:
      '{ year, settings: [ { cap, amountPerFullYearPerson, fullYearPersons, allowance, reason, recordedAt, commandId } ] } oldest first; the last per cap stands',
  })
  history(@Param('m') m: string, @Param('year') year: string, @Query() q: AsOfQuery) {
    return this.queryBus.execute(new GetCapParameterHistory(m, Number(year), utcInstantOf(q.asOf)));
  }
}
