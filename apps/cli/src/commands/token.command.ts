// `npm run cli -- token --role jobcentre --municipality 101` prints a token for local use.
import { mintToken, ROLES, type Role } from '@app/platform/auth/principal';
import { loadConfig } from '@app/platform/config/app-config';
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error';

export async function tokenCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      municipality: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const municipality = values.municipality ?? (role === 'admin' ? '*' : undefined);
  if (!municipality || !(/^\d{3}$/.test(municipality) || (municipality === '*' && role === 'admin'))) {
    throw new UsageError('--municipality must be a three-digit kommunekode ("*" only for admin)');
  }
  if (!/^\d+[hd]$/.test(values.expires!)) throw new UsageError('--expires takes hours or days, e.g. 12h or 7d');
  const sub = values.sub ?? `${role}:${municipality}`;
  console.log(mintToken({ sub, role, municipality }, loadConfig().jwtSecret, values.expires as `${number}h`));
}

