// The rulebook and explain commands: argument parsing and the printed table/explanation (pure functions).
import { decideRefund, rulesInForce } from '@app/rules';
import { parseCommandLine } from '../program';
import { explainQuery, formatExplanation, type ExplainOptions } from './explain.command';
import { formatRulebook, listOrAll, rulebookCommand } from './rulebook.command';
import { wrap } from './text-table';
import { UsageError } from './usage-error';

/** The options the command line gives the command, or what it printed to standard error when it refused them. */
function parse(argv: string[]): { options: Record<string, unknown> } | { refused: string } {
  let err = '';
  const parsed = parseCommandLine(argv, { out: () => undefined, err: (text) => (err += text) });
  return 'command' in parsed ? { options: parsed.options } : { refused: err };
}

function optionsOf(argv: string[]): Record<string, unknown> {
  const parsed = parse(argv);
  if ('refused' in parsed) throw new Error(parsed.refused);
  return parsed.options;
}

const parseExplainArgs = (argv: string[]) =>
  explainQuery(optionsOf(['explain', ...argv]) as unknown as ExplainOptions);

/** Why the explain command refuses `argv`: the command line's message, or the command's UsageError. */
function refusal(argv: string[]): string {
  const parsed = parse(['explain', ...argv]);
  if ('refused' in parsed) return parsed.refused;
  try {
    explainQuery(parsed.options as unknown as ExplainOptions);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('rulebook command', () => {
  it('prints every row in force with rate, cap, accounts, validity and abbreviated seed citations', () => {
    const text = formatRulebook('2019-03-01', rulesInForce('2019-03-01'));
    expect(text).toMatch(/^Refund rules in force on 2019-03-01 \(rulebook [^)]+\): \d+ row\(s\)/);
    expect(text).toMatch(
      /rule\s+outcome\s+rate\s+cap\s+accounts \(cost → refund\)\s+target groups\s+categories\s+conditions\s+valid\s+sources/,
    );
    const row = text.split('\n').find((l) => l.startsWith('SDP-MENTOR-2019H1 '))!;
    expect(row).toMatch(
      /rule\s+50 %\s+driftsloft_\s+5\.68\.90\/1\/108 → 5\.68\.90\/2\/002\s+sygedagpenge\s+mentor\s+sickPayCategory=2\/3\s+2019-01-01 – 2019-06-30\s+\[001\]/,
    );
    expect(text).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt \S/); // file names only in the legend
    expect(text).toContain('000_140518b2c182b2de.txt');
    for (const line of text.split('\n').slice(2, -5)) expect(line.length).toBeLessThanOrEqual(260);
  });

  it('shows an indicated rate of a no_rule row in brackets and summarises long target-group lists', () => {
    const text = formatRulebook('2025-03-01', rulesInForce('2025-03-01'));
    expect(text.split('\n').find((l) => l.startsWith('OUT-WAGE-SUBSIDY-FTP '))).toMatch(
      /no_rule\s+\(50 %\)\s+-\s+-\s+foertidspension\s/,
    );
    expect(text.split('\n').find((l) => l.startsWith('IGU-ALLOWANCE '))).toMatch(
      /rule\s+100 %\s+-\s+5\.46\.60\/1\/-\s+all\s/,
    );
    expect(listOrAll(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe('all');
    expect(listOrAll(['a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toBe('all but d');
    expect(listOrAll(['a'], ['a', 'b', 'c', 'd'])).toBe('a');
  });

  it('parses --date and an optional --target-group, rejecting bad values', async () => {
    expect(optionsOf(['rulebook', '--date', '2025-03-01'])).toEqual({ date: '2025-03-01' });
    expect(optionsOf(['rulebook', '--date', '2025-03-01', '--target-group', 'jobafklaring'])).toEqual({
      date: '2025-03-01',
      targetGroup: 'jobafklaring',
    });
    expect(parse(['rulebook'])).toEqual({
      refused: expect.stringContaining("required option '--date <YYYY-MM-DD>' not specified"),
    });
    expect(parse(['rulebook', '--date', '2025-03-01', '--target-group', 'x'])).toEqual({
      refused: expect.stringContaining('Allowed choices are'),
    });
    await expect(rulebookCommand({ date: '2025-02-30' })).rejects.toThrow(UsageError);
  });

  it('wraps cells at "; " or spaces within the width', () => {
    expect(wrap('[000] Bilag 3; [001] funktion 5.68.90, dranst 1', 20)).toEqual([
      '[000] Bilag 3;',
      '[001] funktion',
      '5.68.90, dranst 1',
    ]);
    expect(wrap('driftsloft_sygedagpenge_revalidering', 20)).toEqual([
      'driftsloft_',
      'sygedagpenge_',
      'revalidering',
    ]);
  });
});

describe('explain command', () => {
  it('builds the refund query from the options', () => {
    expect(
      parseExplainArgs([
        '--date',
        '2017-05-01',
        '--target-group',
        'kontanthjaelp',
        '--offer-kind',
        'ordinary_education',
        '--expense-type',
        'course_fee',
        '--readiness',
        'jobparat',
        '--months-unemployed',
        '10',
      ]),
    ).toEqual({
      date: '2017-05-01',
      targetGroup: 'kontanthjaelp',
      offerKind: 'ordinary_education',
      cost: { kind: 'expense', expenseType: 'course_fee' },
      attributes: { readiness: 'jobparat' },
      monthsUnemployed: 10,
    });
    expect(
      parseExplainArgs([
        '--date',
        '2025-03-01',
        '--target-group',
        'jobafklaring',
        '--offer-kind',
        'mentor',
        '--mentor',
        '--within-mentor-window',
        'false',
      ]),
    ).toEqual({
      date: '2025-03-01',
      targetGroup: 'jobafklaring',
      offerKind: 'mentor',
      cost: { kind: 'mentor' },
      withinMentorWindow: false,
    });
    expect(
      parseExplainArgs([
        '--date',
        '2018-01-01',
        '--target-group',
        'sygedagpenge',
        '--offer-kind',
        'partnership',
        '--expense-type',
        'rent',
        '--sick-pay-category',
        '2',
      ]).attributes,
    ).toEqual({ sickPayCategory: 2 });
  });

  it.each([
    [['--target-group', 'dagpenge', '--offer-kind', 'mentor', '--mentor'], /--date/],
    [['--date', '2025-03-01', '--target-group', 'dagpenge', '--offer-kind', 'mentor'], /exactly one of/],
    [
      [
        '--date',
        '2025-03-01',
        '--target-group',
        'dagpenge',
        '--offer-kind',
        'mentor',
        '--mentor',
        '--expense-type',
        'rent',
      ],
      /exactly one of/,
    ],
    [
      ['--date', '2025-03-01', '--target-group', 'nobody', '--offer-kind', 'mentor', '--mentor'],
      /--target-group <group>' argument 'nobody' is invalid/,
    ],
    [
      [
        '--date',
        '2025-03-01',
        '--target-group',
        'dagpenge',
        '--offer-kind',
        'mentor',
        '--mentor',
        '--within-mentor-window',
        'yes',
      ],
      /true, false/,
    ],
    [
      [
        '--date',
        '2025-03-01',
        '--target-group',
        'sygedagpenge',
        '--offer-kind',
        'mentor',
        '--mentor',
        '--sick-pay-category',
        '4',
      ],
      /1, 2, 3/,
    ],
    [
      [
        '--date',
        '2025-03-01',
        '--target-group',
        'kontanthjaelp',
        '--offer-kind',
        'mentor',
        '--mentor',
        '--months-unemployed=-1',
      ],
      /non-negative/,
    ],
  ])('rejects %j', (argv, message) => {
    expect(refusal(argv)).toMatch(message);
  });

  it('prints a rule with rate, cap, accounts with titles, validity and every citation', () => {
    const query = parseExplainArgs([
      '--date',
      '2025-03-01',
      '--target-group',
      'jobafklaring',
      '--offer-kind',
      'mentor',
      '--mentor',
      '--within-mentor-window',
      'true',
    ]);
    const text = formatExplanation(query, decideRefund(query));
    expect(text).toContain(
      'Refund decision for 2025-03-01: jobafklaring, offer kind mentor, mentor support, inside the mentor window',
    );
    expect(text).toMatch(/outcome\s+rule — JA-MENTOR: /);
    expect(text).toMatch(/refund rate\s+50 %/);
    expect(text).toMatch(/cost account\s+5\.68\.90\/1\/098 {2}Jobafklaringsforløb, mentor/);
    expect(text).toMatch(/refund acct\s+5\.68\.90\/2\/004/);
    expect(text).toMatch(/valid\s+2019-01-01 – open-ended/);
    expect(text).toContain('- 001_fcfd66b91da6fb8d.txt  funktion 5.68.90, dranst 1, gruppering 098');
  });

  it('passes the mentor agreement target group (a person followed from jobafklaring into a job)', () => {
    const query = parseExplainArgs([
      '--date',
      '2025-03-01',
      '--target-group',
      'none',
      '--offer-kind',
      'mentor',
      '--mentor',
      '--within-mentor-window',
      'true',
      '--mentor-agreement-target-group',
      'jobafklaring',
    ]);
    expect(query.mentorAgreementTargetGroup).toBe('jobafklaring');
    const text = formatExplanation(query, decideRefund(query));
    expect(text).toContain('mentor agreement made while jobafklaring');
    expect(text).toMatch(/outcome\s+rule — NONE-MENTOR-JA-TRANSITION/);
    expect(
      refusal([
        '--date',
        '2025-03-01',
        '--target-group',
        'none',
        '--offer-kind',
        'mentor',
        '--mentor',
        '--mentor-agreement-target-group',
        'x',
      ]),
    ).toMatch(/Allowed choices/);
  });

  it('prints an unresolved decision with its reason, the contradicting rules and no invented rate', () => {
    const query = parseExplainArgs([
      '--date',
      '2023-03-01',
      '--target-group',
      'dagpenge',
      '--offer-kind',
      'education_97a',
      '--expense-type',
      'course_fee',
    ]);
    const text = formatExplanation(query, decideRefund(query));
    expect(text).toMatch(/outcome\s+ambiguous — 97A-H1-2023/);
    expect(text).toMatch(/contradicts\s+97A-2020, 97A-2023H2/);
    expect(text).toMatch(/valid\s+2023-01-01 – 2023-06-30/);
    expect(text).not.toMatch(/refund rate/);
  });
});
