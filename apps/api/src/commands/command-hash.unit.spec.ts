// Hashes stored in the log must keep comparing equal: the values below are those of the first
// implementation (JSON.stringify of a copy with every object's keys sorted, SHA-256 in hex).
import type { DomainCommand } from '@app/domain';
import type { EventMetadata } from '@app/event-store';
import { COMMAND_HASH_VERSION, commandHash, isSameCommand } from './command-hash';

const command = {
  type: 'RegisterOffer',
  commandId: '0b6f3c1e-7f3a-4c55-9a43-2f6d1d1e9a10',
  municipality: '101',
  offerId: 'o-1',
  personId: 'p-1',
  offerKind: 'ordinary_education',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
  hours: [1.5, null],
  attributes: { z: 'ø', a: { y: 2, b: undefined } },
} as unknown as DomainCommand;

const metadata = (fields: Partial<EventMetadata>) =>
  ({ recordedAt: '2025-01-01T00:00:00.000Z', commandId: command.commandId, ...fields }) as EventMetadata;

it('hashes a command as it always has: keys sorted at every depth, undefined members left out', () => {
  expect(commandHash(command)).toBe('c1ae2a077836cce0628f5e5eb746a223e8007455f191975abdaf9372b177f40e');
  const reordered = Object.fromEntries(Object.entries(command).reverse()) as unknown as DomainCommand;
  expect(commandHash(reordered)).toBe(commandHash(command));
  expect(commandHash({ ...command, commandId: command.commandId.toUpperCase() })).toBe(commandHash(command));
});

it('compares events hashed over the raw body (no hash version) with the body as sent', () => {
  const body = { commandId: '0B6F3C1E-7F3A-4C55-9A43-2F6D1D1E9A10', municipality: '101', amount: '12000.00' };
  const stored = metadata({
    commandHash: 'cb4943cd643302eb31908d60153404e195cea7cf78b064827dee7da585237a5f',
  });
  expect(isSameCommand(stored, command, body)).toBe(true);
  expect(isSameCommand(stored, command, { ...body, amount: '12000.01' })).toBe(false);
  expect(
    isSameCommand(
      metadata({ commandHash: commandHash(command), commandHashVersion: COMMAND_HASH_VERSION }),
      command,
      body,
    ),
  ).toBe(true);
});
