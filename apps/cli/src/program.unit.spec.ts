// The command line's contract: help per command on standard output with exit 0 (never running
// the command), usage errors on standard error with exit 2, failures in one sentence with exit 1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine, runCli } from './program';

async function cli(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) }, env);
  return { code, out, err };
}

const COMMANDS = [
  'start',
  'token',
  'rebuild',
  'migrate-log',
  'rulebook',
  'explain',
  'statement',
  'changes',
  'replay',
  'verify',
  'parked',
  'import',
];

describe('the command line', () => {
  const dataDir = join(__dirname, '../../../.test-data', `cli-help-${process.pid}`);
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
  });

  it('lists every command and the exit codes on standard output, with and without --help', async () => {
    for (const argv of [[], ['--help'], ['help']]) {
      const { code, out, err } = await cli(argv);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      for (const name of COMMANDS) expect(out).toMatch(new RegExp(`^ {2}${name} `, 'm'));
      expect(out).toContain('Exit codes:\n  0  done (verify: identical)\n  1  failed');
      expect(out).toContain('2  usage');
    }
  });

  it.each(COMMANDS)(
    'prints the help of %s with exit 0 without running it (no data folder, no secret made)',
    async (name) => {
      for (const argv of [
        [name, '--help'],
        ['help', name],
      ]) {
        const { code, out, err } = await cli(argv);
        expect({ code, err }).toEqual({ code: 0, err: '' });
        expect(out).toMatch(new RegExp(`^Usage: npm run cli -- ${name} `));
        expect(out).toContain('-h, --help');
      }
      expect(existsSync(dataDir)).toBe(false);
    },
  );

  it('documents every option of token', async () => {
    const { out } = await cli(['token', '--help']);
    for (const option of [
      '--role <role>',
      '--municipality <kommunekode>',
      '--sub <subject>',
      '--expires <duration>',
    ])
      expect(out).toContain(option);
    expect(out.replace(/\s+/g, ' ')).toContain('(choices: "jobcentre", "finance", "auditor", "admin")');
  });

  it.each([
    [['nope'], /unknown command 'nope'/],
    [['rebuild', '--fast'], /unknown option '--fast'/],
    [
      ['token', '--role', 'mayor'],
      /argument 'mayor' is invalid\. Allowed choices are jobcentre, finance, auditor, admin/,
    ],
    [['token'], /required option '--role <role>' not specified/],
    [
      ['token', '--role', 'finance', '--municipality', '10'],
      /--municipality must be a three-digit kommunekode/,
    ],
    [
      ['token', '--role', 'finance', '--municipality', '101', '--expires', '7d'],
      /--expires 7d is longer than AUTH_MAX_TOKEN_LIFETIME allows \(86400 s\)/,
    ],
    [
      ['statement', '--municipality', '101', '--year', '2025', '--format', 'xlsx'],
      /--format xlsx needs --out/,
    ],
    [['replay', '--until', 'yesterday'], /--until takes a log position or an ISO 8601 instant/],
  ])('refuses %j with exit 2 and the reason on standard error', async (argv, reason) => {
    const { code, out, err } = await cli(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(reason);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('needs no secret for commands that sign nothing', async () => {
    const printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect((await cli(['rulebook', '--date', '2025-03-01', '--target-group', 'jobafklaring'])).code).toBe(
        0,
      );
      expect(printed).toHaveBeenCalledWith(
        expect.stringMatching(/^Refund rules in force on 2025-03-01 for jobafklaring/),
      );
    } finally {
      printed.mockRestore();
    }
    expect(existsSync(join(dataDir, 'dev-jwt-secret'))).toBe(false);
  });

  it('parses parked with its action among the options, and refuses another action', () => {
    expect(parseCommandLine(['parked', 'skip', '--municipality', '101', '--reason', 'unreadable'])).toEqual({
      command: 'parked',
      options: { arguments: ['skip'], municipality: '101', reason: 'unreadable' },
    });
    expect(parseCommandLine(['parked', 'forget'], { out: () => {}, err: () => {} })).toEqual({ exitCode: 2 });
  });
});
