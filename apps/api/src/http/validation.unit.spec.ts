import type { Problem } from '@app/platform';
import { StatementQuery } from '../queries/finance.controller';
import { strictValidationPipe } from './validation';

async function problemOf(query: Record<string, string>): Promise<Problem | undefined> {
  try {
    await strictValidationPipe.transform(query, { type: 'query', metatype: StatementQuery });
  } catch (e) {
    return (e as { problem: Problem }).problem;
  }
  return undefined;
}

describe('query strings: one message per bad field, as for command bodies', () => {
  it('answers quarter=Q2 with one message', async () => {
    const problem = await problemOf({ quarter: 'Q2' });
    expect(problem?.status).toBe(400);
    expect(problem?.errors).toEqual([{ path: 'quarter', message: expect.any(String) }]);
  });

  it('names each bad field once, and an unknown one', async () => {
    const problem = await problemOf({ quarter: '9', format: 'pdf', colour: 'red' });
    expect(problem?.errors?.map((e) => e.path).sort()).toEqual(['colour', 'format', 'quarter']);
    expect(await problemOf({ quarter: '2' })).toBeUndefined();
  });
});
