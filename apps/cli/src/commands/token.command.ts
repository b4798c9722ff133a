// `npm run cli -- token --role jobcentre --municipality 101` prints a token for local use.
import { durationSeconds, mintToken, type Role, loadConfig } from '@app/platform';
import { UsageError } from './usage-error';

export interface TokenOptions {
  role: Role;
  municipality?: string;
  sub?: string;
  expires: string;
}

export async function tokenCommand(options: TokenOptions): Promise<void> {
  const { role } = options;
  const municipality = options.municipality ?? (role === 'admin' ? '*' : undefined);
  if (!municipality || !(/^\d{3}$/.test(municipality) || (municipality === '*' && role === 'admin'))) {
    throw new UsageError('--municipality must be a three-digit kommunekode ("*" only for admin)');
  }
  if (!/^\d+[hd]$/.test(options.expires))
    throw new UsageError('--expires takes hours or days, e.g. 12h or 7d');
  const config = loadConfig();
  if (durationSeconds(options.expires)! > config.identity.maxTokenLifetimeSeconds) {
    throw new UsageError(
      `--expires ${options.expires} is longer than AUTH_MAX_TOKEN_LIFETIME allows (${config.identity.maxTokenLifetimeSeconds} s): the api would refuse the token`,
    );
  }
  const sub = options.sub ?? `${role}:${municipality}`;
  console.log(mintToken({ sub, role, municipality }, config.jwtSecret, options.expires as `${number}h`));
}
