// What the web app needs to sign in: whether the development sign-in is offered, and the public
// settings of the OpenID Connect issuer it signs in with (authorization code with PKCE in the
// browser; no secret is involved); and, once signed in, who the api takes the token for.
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type AppConfig, type Principal } from '@app/platform';
import { APP_CONFIG } from '../api.tokens';

@ApiTags('web app')
@Controller('v1/web')
export class WebSignInController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get('config')
  @ApiOkResponse({ description: "the web app's ways to sign in" })
  signInOptions() {
    const issuer = this.config.identity.issuer;
    return {
      developmentSignIn: this.config.jwtSecretIsDevelopment,
      oidc: issuer?.webClient
        ? { issuer: issuer.issuer, clientId: issuer.webClient.clientId, scopes: issuer.webClient.scopes }
        : null,
    };
  }

  @Get('session')
  @ApiOkResponse({ description: 'the caller as the api reads its token' })
  session(@CurrentPrincipal() principal: Principal) {
    return { sub: principal.sub, role: principal.role, municipality: principal.municipality };
  }
}
