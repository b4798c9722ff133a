import type { CapId } from '@app/rules';
import { CAP_IDS, type CapIdentifier } from './cap-ids';

describe('cap ids', () => {
  it('are exactly the caps of the rulebook', () => {
    const both: [CapId] extends [CapIdentifier] ? ([CapIdentifier] extends [CapId] ? true : false) : false =
      true;
    expect(both).toBe(true);
    expect(new Set(CAP_IDS).size).toBe(4);
  });
});
