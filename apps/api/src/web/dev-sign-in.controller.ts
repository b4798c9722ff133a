// The web app's development sign-in: while the api runs on the generated development secret
// (no AUTH_JWT_SECRET), anyone who can reach it may choose a role and a municipality and gets a
// token valid for one hour. With a configured secret the endpoint does not exist (404), so a
// deployment never hands out tokens this way.
import { Body, Controller, Get, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public, mintToken, type AppConfig } from '@app/platform';
import { IsIn, Matches } from 'class-validator';
import { APP_CONFIG } from '../api.tokens';

const SIGN_IN_ROLES = ['finance', 'auditor'] as const;
const LIFETIME_HOURS = 1;

export class DevSignInBody {
  @ApiProperty({ enum: SIGN_IN_ROLES })
  @IsIn(SIGN_IN_ROLES)
  role!: (typeof SIGN_IN_ROLES)[number];

  @ApiProperty({ description: 'three-digit kommunekode', example: '101' })
  @Matches(/^\d{3}$/, { message: 'municipality must be a three-digit kommunekode' })
  municipality!: string;
}

@ApiTags('web app')
@Controller('v1/dev/sign-in')
export class DevSignInController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ roles }: the development sign-in is offered' })
  @ApiNotFoundResponse({
    description: 'the api runs with a configured AUTH_JWT_SECRET: no development sign-in',
  })
  offered() {
    this.requireDevelopmentSecret();
    return { roles: SIGN_IN_ROLES, lifetimeHours: LIFETIME_HOURS };
  }

  @Public()
  @Post()
  @ApiOkResponse({ description: '{ token, expiresAt, role, municipality }: a token valid for one hour' })
  @ApiNotFoundResponse({
    description: 'the api runs with a configured AUTH_JWT_SECRET: no development sign-in',
  })
  signIn(@Body() body: DevSignInBody) {
    this.requireDevelopmentSecret();
    const token = mintToken(
      { sub: `dev-${body.role}-${body.municipality}`, role: body.role, municipality: body.municipality },
      this.config.jwtSecret,
      `${LIFETIME_HOURS}h`,
    );
    const expiresAt = new Date(Date.now() + LIFETIME_HOURS * 3_600_000).toISOString();
    return { token, expiresAt, role: body.role, municipality: body.municipality };
  }

  private requireDevelopmentSecret(): void {
    if (!this.config.jwtSecretIsDevelopment)
      throw new NotFoundException(
        'the development sign-in is offered only while the api runs on its development secret',
      );
  }
}
