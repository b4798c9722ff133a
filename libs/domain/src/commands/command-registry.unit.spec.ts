import { CMD_1, CMD_2, M, anOfferRegistered } from '../testing/fixtures';
import { InvalidCommandError } from '../shared/invalid-command.error';
import { fold } from './aggregate-registry';
import { COMMAND_REGISTRY, COMMAND_TYPES, getCommandDefinition } from './command-registry';
import { TEST_NOW, alwaysValid } from '../testing/given-when-then';

describe('command registry', () => {
  it('has one definition per CommandType of API.md', () => {
    expect(COMMAND_TYPES.sort()).toEqual(
      [
        'ChangeTargetGroup',
        'RetractTargetGroupChange',
        'RegisterOffer',
        'ChangeOfferPeriod',
        'CancelOffer',
        'RecordOfferExpense',
        'ReverseOfferExpense',
        'RegisterMentorAgreement',
        'RecordMentorHours',
        'SetCapParameters',
        'CloseAccountingYear',
        'RegisterProject',
        'RecordProjectExpense',
        'RecordAdministrativeShare',
        'RecordStaffTimesheet',
      ].sort(),
    );
    for (const type of COMMAND_TYPES) expect(COMMAND_REGISTRY[type].type).toBe(type);
    expect(getCommandDefinition('DeleteEverything')).toBeUndefined();
    expect(getCommandDefinition('constructor')).toBeUndefined();
  });

  it('names the streams of API.md', () => {
    const body = { commandId: CMD_1, municipality: M };
    const stream = (type: string, rest: object) => {
      const def = getCommandDefinition(type)!;
      return def.streamOf({ ...body, ...rest, type } as never);
    };
    expect(stream('ChangeTargetGroup', { personId: 'P1' })).toBe('person-101-P1');
    expect(stream('RegisterOffer', { offerId: 'O1' })).toBe('offer-101-O1');
    // a participant's offer lives on its project's stream, with the project's costs
    expect(stream('RegisterOffer', { offerId: 'O1', projectId: 'PR1' })).toBe('project-101-PR1');
    expect(stream('CancelOffer', { offerId: 'O1', projectId: 'PR1' })).toBe('project-101-PR1');
    expect(stream('ChangeOfferPeriod', { offerId: 'O1', projectId: 'PR1' })).toBe('project-101-PR1');
    expect(stream('RegisterProject', { projectId: 'PR1' })).toBe('project-101-PR1');
    expect(stream('RecordProjectExpense', { expenseId: 'E1', projectId: 'PR1' })).toBe('project-101-PR1');
    expect(stream('RecordOfferExpense', { expenseId: 'E1' })).toBe('expense-101-E1');
    expect(stream('ReverseOfferExpense', { expenseId: 'E1' })).toBe('expense-101-E1');
    expect(stream('RecordMentorHours', { agreementId: 'A1' })).toBe('mentor-agreement-101-A1');
    expect(stream('SetCapParameters', { year: 2025 })).toBe('finance-101-2025');
    expect(stream('CloseAccountingYear', { year: 2024 })).toBe('finance-101-2024');
  });

  it('says who issues each command: finance commands apart from jobcentre commands', () => {
    const finance = COMMAND_TYPES.filter((t) => COMMAND_REGISTRY[t].issuer === 'finance').sort();
    expect(finance).toEqual(['CloseAccountingYear', 'SetCapParameters']);
  });

  it('parses an untrusted body (the type comes from the definition) and reports every issue', () => {
    const def = getCommandDefinition('CancelOffer')!;
    expect(def.parse({ commandId: CMD_2, municipality: M, offerId: 'O1', reason: 'r' })).toEqual({
      type: 'CancelOffer',
      commandId: CMD_2,
      municipality: M,
      offerId: 'O1',
      reason: 'r',
    });
    try {
      def.parse({ commandId: 'x', municipality: M });
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidCommandError);
      expect((e as InvalidCommandError).errors.map((i) => i.path)).toEqual([
        'commandId',
        'offerId',
        'reason',
      ]);
    }
    expect(() => def.parse('nope')).toThrow(InvalidCommandError);
  });

  it('runs a command generically: fold, context streams, decide', () => {
    const def = getCommandDefinition('RecordOfferExpense')!;
    const cmd = def.parse({
      commandId: CMD_2,
      municipality: M,
      expenseId: 'E1',
      offerId: 'O1',
      expenseType: 'rent',
      amount: '100.00',
      activityFrom: '2025-02-01',
      activityTo: '2025-02-01',
    });
    const refs = def.contextStreams!(cmd);
    expect(refs).toEqual([{ key: 'offer', aggregate: 'offer', stream: 'offer-101-O1' }]);
    const related = { offer: fold('offer', [anOfferRegistered()]) };
    const state = [].reduce(def.evolve, def.initialState);
    const events = def.decide(cmd, state, { now: TEST_NOW, offerValidity: alwaysValid, related });
    expect(events.map((e) => e.type)).toEqual(['OfferExpenseRecorded']);
  });
});
