// The web app signing in through an OpenID Connect issuer (authorization code with PKCE) in a real
// browser: the api runs with a configured secret (so no development sign-in) and an issuer the
// test serves itself (test/web/test-oidc-issuer.ts); the user signs in on the issuer's page, comes
// back signed in as the role and municipality the api reads from the issuer's token, and reads a
// statement. The api's side: the sign-in settings it gives the app, the session it reads from a
// token, and the content security policy letting the app reach the issuer.
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { kr } from '../../apps/web/src/format';
import type { TestSystem } from '../support/test-system';
import { browseWebApp, type BrowsedWebApp } from '../web/browser';
import { startTestIssuer, type TestIssuer } from '../web/test-oidc-issuer';
import { M, startWebScenarioSystem, type WebScenario } from '../web/web-scenario';

const CLIENT_ID = 'refusion-web';
let issuer: TestIssuer;
let system: TestSystem;
let scenario: WebScenario;
let browser: Browser;
let page: Page;
let base: string;
let shot: BrowsedWebApp['shot'];

beforeAll(async () => {
  issuer = await startTestIssuer(
    [
      {
        sub: 'kbh-oekonomi-1',
        name: 'Økonomimedarbejder, København',
        roles: ['ledger-finance'],
        kommunekode: M,
      },
      { sub: 'kbh-jc-1', name: 'Jobcentermedarbejder, København', roles: ['ledger-jc'], kommunekode: M },
    ],
    'refund-ledger',
  );
  ({ system, scenario } = await startWebScenarioSystem({
    env: {
      AUTH_JWKS_URL: `${issuer.url}/jwks`,
      AUTH_ISSUER: issuer.url,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_ROLE_CLAIM: 'realm_access.roles',
      AUTH_ROLE_MAP: 'ledger-finance=finance,ledger-jc=jobcentre',
      AUTH_MUNICIPALITY_CLAIM: 'kommunekode',
      AUTH_WEB_CLIENT_ID: CLIENT_ID,
    },
  }));
  ({ base, browser, page, shot } = await browseWebApp(system));
  issuer.registerClient(CLIENT_ID, `${base}/app/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.close();
  await issuer?.close();
});

async function signInAtIssuer(user: string) {
  await page.goto(`${base}/app/#/opgoerelse?aar=2025`);
  await page.getByRole('heading', { name: 'Kommunens login' }).waitFor();
  await shot('10-oidc-sign-in');
  await page.getByRole('button', { name: 'Log ind med kommunens login' }).click();
  await page.getByRole('heading', { name: 'Test-udsteder' }).waitFor();
  expect(page.url().startsWith(`${issuer.url}/authorize?`)).toBe(true);
  await page.getByLabel('Bruger').selectOption({ label: user });
  await shot('10b-oidc-issuer');
  await page.getByRole('button', { name: 'Log ind hos test-udstederen' }).click();
}

describe('the web app signing in through an OpenID Connect issuer', () => {
  it('tells the app the issuer, its client and scopes, offers no development sign-in, and lets the app reach the issuer', async () => {
    const config = await request(system.http).get('/v1/web/config').expect(200);
    expect(config.body).toEqual({
      developmentSignIn: false,
      oidc: { issuer: issuer.url, clientId: CLIENT_ID, scopes: 'openid' },
    });
    await request(system.http).get('/v1/dev/sign-in').expect(404);
    const app = await request(system.http).get('/app/').expect(200);
    expect(app.headers['content-security-policy']).toContain(`connect-src 'self' ${issuer.url}`);
    await request(system.http).get('/v1/web/session').expect(401);
  });

  it('signs in at the issuer with PKCE and reads the 2025 statement with the issuer-signed token', async () => {
    await signInAtIssuer('Økonomimedarbejder, København');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    await page.getByText('Rolle: økonomi').waitFor();
    // the code left the address bar, and the page asked for before the sign-in is shown
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/opgoerelse?aar=2025');

    const [authorization] = issuer.authorizations;
    expect(authorization).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: `${base}/app/`,
      response_type: 'code',
      scope: 'openid',
      code_challenge_method: 'S256',
    });
    expect(authorization.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorization.state).toBeTruthy();
    expect(issuer.refusals).toEqual([]); // the token endpoint found the verifier matching the challenge

    // page.evaluate of an expression: the tests' TypeScript has no DOM types
    const stored = (key: string) =>
      page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(key)})`);
    const { token } = JSON.parse((await stored('refusion.session'))!) as { token: string };
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({
      alg: 'RS256',
    });
    expect(await stored('refusion.oidc')).toBeNull(); // the verifier and state are gone
    const statement = await request(system.http)
      .get(`/v1/municipalities/${M}/refund-statements/2025`)
      .query({ minPosition: scenario.position })
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const refund = page.getByTestId('total-refund');
    for (
      let tries = 0;
      tries < 100 && (await refund.textContent()) !== kr(statement.body.totals.refund);
      tries++
    )
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await refund.textContent()).toBe(kr(statement.body.totals.refund));
    await shot('11-oidc-statement');
  });

  it('refuses the app to a role it is not for, and says so', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await signInAtIssuer('Jobcentermedarbejder, København');
    await page.getByRole('alert').filter({ hasText: 'Rollen jobcentre har ikke adgang til appen' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).count()).toBe(0);
    await shot('12-oidc-role-refused');
  });
});
