import { getCommandDefinition } from '../commands/command-registry';
import { InvalidCommandError } from './invalid-command.error';
import type { Issue } from './schema';
import { CMD_1, M } from '../testing/fixtures';

const issuesOf = (type: string, body: unknown): Issue[] => {
  try {
    getCommandDefinition(type)!.parse(body);
  } catch (e) {
    if (e instanceof InvalidCommandError) return [...e.errors];
    throw e;
  }
  return [];
};

const expense = {
  commandId: CMD_1,
  municipality: M,
  expenseId: 'E1',
  offerId: 'O1',
  expenseType: 'course_fee',
  amount: '4200.00',
  activityFrom: '2025-02-01',
  activityTo: '2025-02-28',
};

describe('the input policy of command bodies (API.md "Conventions")', () => {
  it('refuses an unknown field by name, with the known field it is close to', () => {
    expect(issuesOf('RecordOfferExpense', { ...expense, invoiceref: 'F-1' })).toEqual([
      { path: 'invoiceref', message: 'is not a known field; did you mean invoiceRef?' },
    ]);
    expect(issuesOf('RecordOfferExpense', { ...expense, amout: '1.00' })).toEqual([
      { path: 'amout', message: 'is not a known field; did you mean amount?' },
    ]);
    expect(issuesOf('RecordOfferExpense', { ...expense, colour: 'red' })).toEqual([
      { path: 'colour', message: 'is not a known field' },
    ]);
    expect(issuesOf('RecordOfferExpense', { ...expense, type: 'RecordOfferExpense' })).toEqual([
      { path: 'type', message: 'is not a known field' },
    ]);
  });

  it('names unknown fields inside nested objects with their path', () => {
    const change = {
      commandId: CMD_1,
      municipality: M,
      personId: 'P1',
      targetGroup: 'dagpenge',
      effectiveFrom: '2025-01-01',
    };
    expect(issuesOf('ChangeTargetGroup', { ...change, attributes: { readines: 'jobparat' } })).toEqual([
      { path: 'attributes.readines', message: 'is not a known field; did you mean readiness?' },
    ]);
  });

  it('refuses an unknown field however deep its value nests, without walking it', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { deep };
    expect(issuesOf('RecordOfferExpense', { ...expense, extra: deep })).toEqual([
      { path: 'extra', message: 'is not a known field' },
    ]);
    let list: unknown = [];
    for (let i = 0; i < 10_000; i++) list = [list];
    expect(
      issuesOf('CancelOffer', { commandId: CMD_1, municipality: M, offerId: 'O1', reason: list }),
    ).toEqual([
      { path: 'reason', message: 'must be text of 1-1000 characters without NUL or unpaired surrogates' },
    ]);
  });

  it('says "is required" for a missing field, one message per bad field', () => {
    expect(issuesOf('CancelOffer', { commandId: 'x', municipality: M })).toEqual([
      { path: 'commandId', message: 'must be a UUID' },
      { path: 'offerId', message: 'is required' },
      { path: 'reason', message: 'is required' },
    ]);
    expect(issuesOf('RecordOfferExpense', { ...expense, expenseId: '', amount: '12.345' })).toEqual([
      { path: 'expenseId', message: 'must be 1-64 characters [A-Za-z0-9._:-]' },
      { path: 'amount', message: expect.stringContaining('must be an amount in kroner') },
    ]);
  });

  it('refuses a body that is not an object', () => {
    for (const body of ['nope', null, [], 42])
      expect(issuesOf('CancelOffer', body)).toEqual([{ path: 'value', message: 'must be a JSON object' }]);
  });

  it('takes null for an optional field as absent', () => {
    expect(
      getCommandDefinition('RecordOfferExpense')!.parse({ ...expense, invoiceRef: null }),
    ).not.toHaveProperty('invoiceRef', null);
  });

  it('parses to canonical values, so 30 and "30", 2.5 and "2.5", upper- and lower-case ids are one body', () => {
    const offer = {
      commandId: CMD_1.toUpperCase(),
      municipality: M,
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'guidance_upskilling',
      startDate: '2025-02-01',
      endDate: '2025-04-30',
    };
    const register = getCommandDefinition('RegisterOffer')!;
    expect(register.parse({ ...offer, offerCategory: 30, fundingFrame: 1 })).toEqual(
      register.parse({ ...offer, commandId: CMD_1, offerCategory: '30', fundingFrame: '1' }),
    );
    expect(register.parse({ ...offer, offerCategory: 30 })).toMatchObject({
      commandId: CMD_1,
      offerCategory: '30',
    });
    const hours = getCommandDefinition('RecordMentorHours')!;
    const body = {
      commandId: CMD_1,
      municipality: M,
      agreementId: 'A1',
      date: '2025-03-10',
      hourlyCost: '350',
    };
    expect(hours.parse({ ...body, contactHours: 2.5 })).toEqual(
      hours.parse({ ...body, contactHours: '2.50', hourlyCost: '350.00' }),
    );
  });

  it('bounds money, dates and free text in every command', () => {
    expect(
      issuesOf('RecordOfferExpense', { ...expense, amount: '99999999999999.99' }).map((i) => i.path),
    ).toEqual(['amount']);
    expect(
      issuesOf('RecordOfferExpense', {
        ...expense,
        activityFrom: '0001-01-01',
        activityTo: '9999-12-31',
      }).map((i) => i.path),
    ).toEqual(['activityFrom', 'activityTo']);
    expect(issuesOf('RecordOfferExpense', { ...expense, invoiceRef: 'F\u0000' }).map((i) => i.path)).toEqual([
      'invoiceRef',
    ]);
    const mentor = {
      commandId: CMD_1,
      municipality: M,
      agreementId: 'A1',
      date: '2025-03-10',
      contactHours: 1,
    };
    expect(
      issuesOf('RecordMentorHours', { ...mentor, hourlyCost: '1000000000.01' }).map((i) => i.path),
    ).toEqual(['hourlyCost']);
    expect(issuesOf('RecordMentorHours', { ...mentor, fee: '99999999999999.99' }).map((i) => i.path)).toEqual(
      ['fee'],
    );
  });

  it('bounds the cap parameters: the amount like money, full-year persons 0 to 50,000.00', () => {
    const cap = {
      commandId: CMD_1,
      municipality: M,
      year: 2025,
      cap: 'integration_raadighedsloft',
      amountPerFullYearPerson: '43363',
      fullYearPersons: 12.5,
    };
    expect(getCommandDefinition('SetCapParameters')!.parse(cap)).toMatchObject({
      amountPerFullYearPerson: '43363.00',
      fullYearPersons: '12.50',
    });
    expect(
      getCommandDefinition('SetCapParameters')!.parse({
        ...cap,
        amountPerFullYearPerson: '1000000000.00',
        fullYearPersons: '50000',
      }),
    ).toMatchObject({
      fullYearPersons: '50000.00',
    });
    expect(
      issuesOf('SetCapParameters', {
        ...cap,
        amountPerFullYearPerson: '90000000000000.00',
        fullYearPersons: '9999999.99',
      }).map((i) => i.path),
    ).toEqual(['amountPerFullYearPerson', 'fullYearPersons']);
    expect(issuesOf('SetCapParameters', { ...cap, fullYearPersons: '50000.01' }).map((i) => i.path)).toEqual([
      'fullYearPersons',
    ]);
    expect(issuesOf('SetCapParameters', { ...cap, fullYearPersons: -1 }).map((i) => i.path)).toEqual([
      'fullYearPersons',
    ]);
  });
});
