import { importLine, nameBasedUuid } from './import-line';

describe('a line of an import file', () => {
  const line =
    '{"type":"ChangeTargetGroup","personId":"p1","targetGroup":"jobafklaring","effectiveFrom":"2024-01-01"}';

  it('is the command with the municipality and a command id derived from both', () => {
    const parsed = importLine(line, 7, '101');
    expect(parsed).toEqual({
      line: 7,
      command: {
        type: 'ChangeTargetGroup',
        personId: 'p1',
        targetGroup: 'jobafklaring',
        effectiveFrom: '2024-01-01',
        municipality: '101',
        commandId: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
      },
    });
  });

  it('gets the same id in any field order and on any line; another municipality or body gets another', () => {
    const id = (text: string, m = '101') =>
      (importLine(text, 1, m) as { command: { commandId: string } }).command.commandId;
    const reordered =
      '{"effectiveFrom":"2024-01-01","targetGroup":"jobafklaring","personId":"p1","type":"ChangeTargetGroup"}';
    expect(id(reordered)).toBe(id(line));
    expect(id(line, '751')).not.toBe(id(line));
    expect(id(line.replace('2024-01-01', '2024-01-02'))).not.toBe(id(line));
    expect(id(line.replace('{', '{"municipality":"101",'))).toBe(id(line));
  });

  it('keeps a command id and a municipality the line gives (the api judges them)', () => {
    const given = importLine(line.replace('{', '{"commandId":"X","municipality":"751",'), 1, '101');
    expect(given).toMatchObject({ command: { commandId: 'X', municipality: '751' } });
  });

  it('skips blank lines and refuses what is no command object, with the reason', () => {
    expect(importLine('   ', 3, '101')).toBeNull();
    expect(importLine('{"type":', 4, '101')).toMatchObject({ line: 4, status: 400, code: 'import.not_json' });
    expect(importLine('[1]', 5, '101')).toMatchObject({ code: 'import.not_an_object', input: '[1]' });
    expect(importLine('{"offerId":"o1"}', 6, '101')).toMatchObject({ code: 'import.no_type' });
  });

  it('derives RFC 4122 version-5 ids', () => {
    expect(nameBasedUuid('a')).toBe(nameBasedUuid('a'));
    expect(nameBasedUuid('a')).not.toBe(nameBasedUuid('b'));
  });
});
