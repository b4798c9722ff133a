import { isDependencyUnavailable } from './unavailable';

const withProps = (message: string, props: Record<string, unknown>) =>
  Object.assign(new Error(message), props);

describe('isDependencyUnavailable', () => {
  it.each([
    ['a refused connection', withProps('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' })],
    [
      'a Unix socket not there (a stopped server)',
      withProps('connect ENOENT /data/postgres/pg/.s.PGSQL.5432', { code: 'ENOENT', syscall: 'connect' }),
    ],
    [
      'PostgreSQL shutting down (57P01)',
      withProps('terminating connection due to administrator command', { code: '57P01' }),
    ],
    ['PostgreSQL starting up (57P03)', withProps('the database system is starting up', { code: '57P03' })],
    ['a connection exception (08006)', withProps('connection failure', { code: '08006' })],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      "TypeORM's wrapper of a refused connection",
      withProps('query failed', { driverError: withProps('connect ECONNREFUSED', { code: 'ECONNREFUSED' }) }),
    ],
    ['a cause', new Error('append failed', { cause: withProps('read ECONNRESET', { code: 'ECONNRESET' }) })],
    [
      'an AggregateError of connection attempts',
      new AggregateError([withProps('connect ECONNREFUSED ::1', { code: 'ECONNREFUSED' })], ''),
    ],
    [
      'EventStoreDB unavailable',
      withProps('14 UNAVAILABLE: No connection established', { type: 'unavailable' }),
    ],
    ['EventStoreDB deadline exceeded', withProps('4 DEADLINE_EXCEEDED', { type: 'deadline-exceeded' })],
    [
      "a raw gRPC UNAVAILABLE (the EventStoreDB client's server-features call before an append)",
      withProps('14 UNAVAILABLE: No connection established', {
        code: 14,
        details: 'No connection established',
      }),
    ],
  ])('recognises %s', (_name, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withProps('duplicate key', { code: '23505' })],
    [
      'a file not found',
      withProps("ENOENT: no such file or directory, open 'x'", { code: 'ENOENT', syscall: 'open' }),
    ],
    [
      'a bigint out of range',
      withProps('value "99999999999999999999" is out of range for type bigint', { code: '22003' }),
    ],
    ['invalid input syntax', withProps('invalid input syntax', { code: '22P02' })],
    ['a body-parser error', withProps('request entity too large', { type: 'entity.too.large', status: 413 })],
    ['a plain error', new Error('boom')],
    [
      'a gRPC error of another status (NOT_FOUND)',
      withProps('5 NOT_FOUND', { code: 5, details: 'not found' }),
    ],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('does not take %s for an unavailable dependency', (_name, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
