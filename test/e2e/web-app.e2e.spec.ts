// The web app in a real browser (Chromium from @sparticuz/chromium through playwright-core)
// against the whole system: sign in, a statement, drill-down to a posting and its story, the as-of
// control, a person's timeline with a retracted registration, (as finance) cap parameters and closing
// the year, and (as auditor) a replay and verify.
// Every figure the page shows is compared with the api's own answer; each step saves a screenshot
// under test-output/web/ for a person to look at.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { instant, instantField, kr } from '../../apps/web/src/format';
import type { TestSystem } from '../support/test-system';
import { browseWebApp, type BrowsedWebApp } from '../web/browser';
import { M, startWebScenarioSystem, type WebScenario } from '../web/web-scenario';

let system: TestSystem;
let scenario: WebScenario;
let browser: Browser;
let page: Page;
let base: string;
let shot: BrowsedWebApp['shot'];

beforeAll(async () => {
  // no AUTH_JWT_SECRET: the development secret, so the development sign-in is offered
  ({ system, scenario } = await startWebScenarioSystem({
    env: { AUTH_JWT_SECRET: '', DATA_DIR: join(__dirname, '..', '..', '.test-data', `web-${process.pid}`) },
  }));
  ({ base, browser, page, shot } = await browseWebApp(system));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

async function apiGet(path: string, query: Record<string, string> = {}) {
  const res = await request(system.http)
    .get(`/v1/municipalities/${M}${path}`)
    .query({ minPosition: scenario.position, ...query })
    .set('authorization', `Bearer ${system.token('finance', M)}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Waits (up to 20 s) until the page shows what is expected, then asserts it. */
/** A jobcentre's command of municipality M, as its case system sends it; answers its position. */
async function send(type: string, body: object): Promise<string> {
  const res = await request(system.http)
    .post(`/v1/commands/${type}`)
    .set('authorization', `Bearer ${system.token('jobcentre', M)}`)
    .send({ commandId: randomUUID(), municipality: M, ...body })
    .expect(201);
  return res.body.position as string;
}

async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last = await read();
  for (let tries = 0; tries < 100 && JSON.stringify(last) !== JSON.stringify(expected); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  expect(last).toEqual(expected);
}

async function signIn(role: 'finance' | 'auditor') {
  await page.goto(`${base}/app/`);
  await page.getByRole('heading', { name: 'Udviklingslogin' }).waitFor();
  await page.getByLabel(role === 'finance' ? /Økonomi/ : /Revision/).check();
  await page.getByLabel('Kommune').selectOption(M);
  await shot(`01-sign-in-${role}`);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
}

describe('the web app at /app/ (API.md "Web app")', () => {
  it('signs in as finance and shows the 2025 statement with the figures of the api', async () => {
    await signIn('finance');
    await page.goto(`${base}/app/#/opgoerelse?aar=2025`);
    const statement = await apiGet('/refund-statements/2025');
    await eventually(() => page.getByTestId('total-refund').textContent(), kr(statement.totals.refund));
    await eventually(() => page.getByTestId('total-cost').textContent(), kr(statement.totals.cost));
    const accounts = page.getByRole('region', { name: 'Konti (aktivitet i 2025)' });
    await eventually(() => accounts.getByRole('row').count(), statement.accounts.length + 1);
    await accounts
      .getByText('Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion')
      .waitFor();
    // the dranst-2 account with its grouping's title, and the kommune by name
    await accounts
      .getByText('Refusion af udgifter med 50 pct. refusion, gruppering 093-098 og 100')
      .first()
      .waitFor();
    await page.getByText(/^København \(101\)\. Bogføringsperioder/).waitFor();
    await page
      .getByRole('region', { name: 'Målgrupper' })
      .getByText('Personer i jobafklaringsforløb (LAB § 6, nr. 7)')
      .waitFor();
    await page
      .getByRole('region', { name: 'Afløb (aktivitet i tidligere år, bogført i 2025)' })
      .getByRole('cell', { name: '2024' })
      .waitFor();
    await shot('02-statement');
  });

  it("drills down from an account to its postings and reads a posting's story", async () => {
    await page
      .getByRole('region', { name: 'Konti (aktivitet i 2025)' })
      .getByRole('link', { name: '5.68.90.1.097' })
      .click();
    await page.getByRole('heading', { name: 'Posteringer' }).waitFor();
    const { entries } = await apiGet('/ledger/entries', {
      account: '5.68.90.1.097',
      bookingPeriodFrom: '2025-01',
      bookingPeriodTo: '2025-12',
      activityFrom: '2025-01-01',
      activityTo: '2025-12-31',
      limit: '1000',
    });
    const rows = page.locator('table.postings tbody tr');
    await eventually(() => rows.count(), entries.length);
    await shot('03-postings');

    const first = entries[0];
    await rows
      .first()
      .getByRole('link', { name: /forklaring/ })
      .click();
    await page
      .getByRole('heading', { name: `Posteringens historie: Postering ${kr(first.amount)}` })
      .waitFor();
    await page
      .getByRole('region', { name: 'Reglen' })
      .getByText(/VEJ nr\. 9584/)
      .first()
      .waitFor();
    await page
      .getByRole('region', { name: 'Beregningen' })
      .getByText(kr(first.refundAmount))
      .first()
      .waitFor();
    await page
      .getByRole('region', { name: 'Udgiften' })
      .getByText(/faktura F-2025-/)
      .waitFor();
    // the day split and its rounding in kroner, from the figures the api explains it by
    const { arithmetic: a, costItem } = await apiGet(`/ledger/entries/${first.entryId}/explanation`);
    const oere = (n: number) => kr((n / 100).toFixed(2));
    await page
      .getByRole('region', { name: 'Beregningen' })
      .getByText(
        `Del = afrundet(${kr(costItem.amount)} × ${a.daysBefore + a.days} / ${a.totalDays}) − afrundet(${kr(costItem.amount)} × ${a.daysBefore} / ${a.totalDays}) = ${oere(a.cumulativeAfterOere)} − ${oere(a.cumulativeBeforeOere)} = ${kr(first.amount)}`,
      )
      .waitFor();
    // the sources by the api's document title and reference
    await page
      .getByRole('region', { name: 'Reglen' })
      .getByText('(STAR, VEJ nr. 9584 af 30/06/2025)')
      .first()
      .waitFor();
    await shot('04-posting-story');
  });

  it('links a reversal and the posting it reverses both ways', async () => {
    await page.goto(`${base}/app/#/posteringer?borger=${scenario.retractedPerson}&art=reversal`);
    const { entries } = await apiGet('/ledger/entries', {
      personId: scenario.retractedPerson,
      kind: 'reversal',
    });
    await eventually(() => page.locator('table.postings tbody tr').count(), entries.length);
    await page
      .locator('table.postings tbody tr')
      .first()
      .getByRole('link', { name: /forklaring/ })
      .click();
    const related = page.getByRole('region', { name: 'Relaterede posteringer' });
    await related.getByText('Tilbagefører:').waitFor();
    await related.getByRole('listitem').filter({ hasText: 'Tilbagefører:' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Posteringens historie: Postering 9.000,00 kr.' }).waitFor();
    await related
      .getByRole('listitem')
      .filter({ hasText: 'Tilbageført af:' })
      .getByRole('link', { name: `Tilbageførsel ${kr(entries[0].amount)} bogført april 2025` })
      .waitFor();
    await shot('04b-reversal-links');
  });

  it('moves the as-of control and shows the statement as the api answers for that instant', async () => {
    const then = await apiGet('/refund-statements/2025', { asOf: scenario.beforeRetraction });
    const current = await apiGet('/refund-statements/2025');
    expect(then.totals.refund).not.toBe(current.totals.refund); // the retraction changed the figure since
    await page.goto(`${base}/app/#/opgoerelse?aar=2025`);
    await page.getByLabel('Vis som registreret pr.').fill(instantField(scenario.beforeRetraction));
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Du ser regnskabet, som det var registreret 01.05.2025 kl. 14:00.' })
      .waitFor();
    await eventually(() => page.getByTestId('total-refund').textContent(), kr(then.totals.refund));
    await shot('05-as-of');
    await page.getByRole('button', { name: 'Nu' }).click();
    await eventually(() => page.getByTestId('total-refund').textContent(), kr(current.totals.refund));
  });

  it('moves the as-of slider by keyboard and shows the figure the api gives for the instant it stops at', async () => {
    await page.goto(`${base}/app/#/opgoerelse?aar=2025`);
    const slider = page.getByRole('slider', { name: 'Tidspunkt i den registrerede historik' });
    const stopsAt = async () => new Date(Number(await slider.inputValue())).toISOString();
    const { entries } = await apiGet('/ledger/entries', { limit: '1' });
    await slider.focus();
    await page.keyboard.press('Home'); // the first posting recorded
    expect(await stopsAt()).toBe(new Date(entries[0].recordedAt).toISOString());
    const seen: string[] = [];
    for (const presses of [0, 2]) {
      for (let i = 0; i < presses; i++) await page.keyboard.press('PageUp');
      const at = await stopsAt();
      const then = await apiGet('/refund-statements/2025', { asOf: at });
      await page
        .getByRole('status')
        .filter({ hasText: `Du ser regnskabet, som det var registreret ${instant(at)}.` })
        .waitFor();
      await eventually(() => page.getByTestId('total-refund').textContent(), kr(then.totals.refund));
      expect(await page.getByLabel('Vis som registreret pr.').inputValue()).toBe(instantField(at));
      seen.push(then.totals.refund);
    }
    expect(seen[0]).not.toBe(seen[1]); // the slider moved to an instant with another figure
    await shot('05b-as-of-slider');
    await page.getByRole('button', { name: 'Nu' }).click();
  });

  it('reads and shows dates as dd.mm.åååå whatever the browser, and says so when one is not', async () => {
    await page.goto(`${base}/app/#/posteringer?borger=borger-anna`);
    const from = page.getByLabel('Aktivitet fra');
    expect(await from.getAttribute('placeholder')).toBe('dd.mm.åååå');
    await from.fill('1.4.2025');
    await page.getByLabel('Aktivitet til').fill('31.05.2025');
    await page.getByLabel('Bogført fra (periode)').fill('01.2025');
    await page.getByRole('button', { name: 'Filtrér' }).click();
    const { entries } = await apiGet('/ledger/entries', {
      personId: 'borger-anna',
      activityFrom: '2025-04-01',
      activityTo: '2025-05-31',
      bookingPeriodFrom: '2025-01',
    });
    expect(entries.length).toBeGreaterThan(0);
    await eventually(() => page.locator('table.postings tbody tr').count(), entries.length);
    await eventually(() => page.getByLabel('Aktivitet fra').inputValue(), '01.04.2025');
    expect(new URL(page.url()).hash).toContain('aktivitetFra=2025-04-01');
    expect(await page.locator('table.postings tbody tr').first().locator('td').nth(4).textContent()).toMatch(
      /^\d\d\.\d\d\.2025 – \d\d\.\d\d\.2025$/,
    );

    await page.getByLabel('Aktivitet til').fill('31.04.2025'); // April has 30 days
    await page.getByRole('button', { name: 'Filtrér' }).click();
    await page.getByRole('alert').filter({ hasText: 'Skriv som dd.mm.åååå, fx 30.06.2025.' }).waitFor();
    expect(await page.getByLabel('Aktivitet til').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).hash).toContain('aktivitetTil=2025-05-31'); // the refused filter was not applied
    await shot('05c-date-fields');
  });

  it('lists the unresolved postings with why in Danish and the fact that would resolve each', async () => {
    await page.goto(`${base}/app/#/uafklarede?aar=2025`);
    const statement = await apiGet('/refund-statements/2025');
    const rows = page.locator('tbody tr');
    await eventually(() => rows.count(), statement.unresolved.length);
    const emil = rows.filter({ hasText: 'borger-emil' });
    await emil
      .getByText('Refusionen afhænger af sygedagpengekategorien, som ikke er registreret for borgeren.')
      .waitFor();
    await emil.getByText(/^Registrér sygedagpengekategori 1, 2 eller 3/).waitFor();
    await emil.getByRole('link', { name: 'tilbud-emil-2018' }).waitFor();
    const dorte = rows.filter({ hasText: 'borger-dorte' });
    await dorte
      .getByText('Kilderne giver ingen regel for målgruppen, udgiftstypen og aktivitetsdatoen.')
      .waitFor();
    await shot('06a-unresolved');
  });

  it('shows what changed between two instants by command: who, when, why and the effect per account', async () => {
    const span = { from: scenario.beforeRetraction, to: '2025-05-21T00:00:00.000Z' };
    const changes = await apiGet('/ledger/changes', span);
    expect(changes.commands.map((c: { commandType: string }) => c.commandType)).toEqual([
      'RetractTargetGroupChange',
    ]);
    const [retraction] = changes.commands;
    await page.goto(`${base}/app/#/aendringer?fra=${span.from}&til=${span.to}`);
    const article = page.getByRole('article').filter({
      has: page.getByRole('heading', {
        name: `Målgrupperegistrering tilbagekaldt, ${instant(retraction.recordedAt)}`,
      }),
    });
    await article.getByText('Begrundelse: “registreret på forkert borger”.').waitFor();
    await article.getByRole('link', { name: scenario.retractedPerson }).waitFor();
    // the retraction reverses the jobafklaring postings and rebooks them as sygedagpenge: one row per account
    const accounts = [
      ...new Set(
        retraction.postings.map(
          (p: { account: { function: string; dranst: string; grouping: string } }) =>
            `${p.account.function}.${p.account.dranst}.${p.account.grouping}`,
        ),
      ),
    ];
    expect(accounts.length).toBeGreaterThan(1);
    const rows = article.locator('table').first().locator('tbody tr td:first-child');
    await eventually(async () => (await rows.allTextContents()).sort(), [...accounts].sort());
    await shot('05d-changes');
  });

  it("opens a person's timeline with the retracted registration struck through", async () => {
    await page.goto(`${base}/app/#/borger/${scenario.retractedPerson}`);
    const registrations = page.getByRole('region', { name: 'Registreringer over registreringstid' });
    const retracted = registrations.getByRole('row').filter({ hasText: 'registreret på forkert borger' });
    await eventually(
      () => retracted.locator('s').first().textContent(),
      'Personer i jobafklaringsforløb (LAB § 6, nr. 7)',
    );
    const segments = await apiGet(`/persons/${scenario.retractedPerson}/timeline`);
    await eventually(
      () => page.getByRole('region', { name: 'Målgrupper over tid' }).locator('tbody tr').count(),
      segments.length,
    );
    await shot('06-timeline');
  });

  it('sets cap parameters as finance and shows the capped statement', async () => {
    await page.goto(`${base}/app/#/lofter?aar=2025`);
    await page.getByLabel('Loft', { exact: true }).selectOption('integration_raadighedsloft');
    await page.getByLabel('Beløb pr. helårsperson (kr.)').fill('43.363,00');
    await page.getByLabel('Helårspersoner').fill('2');
    await page.getByText('Rådighedsbeløb: 86.726,00 kr.').waitFor(); // 2 × 43,363.00 (seed000 Bilag 1)
    await page.getByRole('button', { name: 'Gem loftsparametre' }).click();
    await page.getByText('Gemt. Opgørelsen er genberegnet.').waitFor();
    // the page asks again once the read models hold the command (minPosition); then so does the test
    await page
      .getByRole('region', { name: 'Lofternes beregning' })
      .getByText('43.363,00 kr. × 2,00 helårspersoner = 86.726,00 kr.')
      .waitFor();
    const statement = await apiGet('/refund-statements/2025');
    expect(statement.caps[0]).toMatchObject({
      cap: 'integration_raadighedsloft',
      status: 'allowance_exceeded',
      allowance: '86726.00',
      cappedRefund: '43363.00',
    });
    const history = page.getByRole('region', { name: 'Loftsparametrenes historik' }).locator('tbody tr');
    await eventually(() => history.count(), 1);
    expect(await history.first().textContent()).toContain(
      'Rådighedsloft, program efter integrationsloven43.363,00 kr.2,0086.726,00 kr.',
    );
    await shot('07-caps');
    await page.goto(`${base}/app/#/opgoerelse?aar=2025`);
    await eventually(() => page.getByTestId('total-refund').textContent(), kr(statement.totals.refund));
    // VEJ 9584 Bilag 1 names no dranst-2 grouping for the rådighedsloft: the adjustment's line says so
    const adjustments = page.getByRole('region', { name: 'Loftsreguleringer (dranst 2)' });
    await adjustments.getByText(/^Ingen regel: kilderne angiver ingen dranst-2-gruppering/).waitFor();
    await shot('07b-statement-capped');
  });

  it('gives an auditor the same figures and no finance forms', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await signIn('auditor');
    await page.goto(`${base}/app/#/lofter?aar=2025`);
    await page.getByText('Som revisor kan du se lofterne').waitFor();
    await eventually(() => page.getByRole('button', { name: 'Gem loftsparametre' }).count(), 0);
    await eventually(() => page.getByRole('button', { name: /Luk regnskabsåret/ }).count(), 0);
  });

  it('replays and verifies as auditor through an audit job, with a dated result', async () => {
    await page.getByRole('link', { name: 'Revision' }).click();
    await page.getByLabel('Til og med registreringstidspunkt').fill(instantField(scenario.beforeRetraction));
    await page.getByRole('button', { name: 'Start genafspilning og kontrol' }).click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.textContent()).toMatch(
      /^Identisk: genafspilning af kommune 101s \d+ hændelser registreret til og med 01\.05\.2025 kl\. 14:00 \(logposition \d+\) gav de samme 2 opgørelser og summer/,
    );
    await shot('08-audit');
  });

  it('closes the year as finance only after its consequences are confirmed, and the statement is frozen', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await signIn('finance');
    await page.goto(`${base}/app/#/lofter?aar=2025`);
    const close = page.getByRole('button', { name: 'Luk regnskabsåret 2025' });
    await page.getByText('låses opgørelsen for 2025').waitFor();
    const before = await apiGet('/refund-statements/2025');
    const consequences = page.getByRole('listitem');
    await consequences
      .filter({
        hasText: `som nu en refusion på ${kr(before.totals.refund)} af udgifter på ${kr(before.totals.cost)}`,
      })
      .waitFor();
    await consequences
      .filter({
        hasText: `står årets ${before.totals.unresolvedEntries} uafklarede posteringer (${kr(before.totals.unresolvedCost)}) uden refusion`,
      })
      .waitFor();
    expect(await close.isDisabled()).toBe(true);
    await page.getByLabel('Jeg har læst konsekvenserne og vil lukke regnskabsåret 2025').check();
    await close.click();
    await page.getByText(/^Regnskabsåret 2025 blev lukket/).waitFor();
    const statement = await apiGet('/refund-statements/2025');
    expect(statement).toMatchObject({ frozen: true, closedAt: expect.any(String) });
    await page.goto(`${base}/app/#/opgoerelse?aar=2025`);
    await page.getByRole('note').filter({ hasText: 'Regnskabsåret 2025 er lukket' }).waitFor();
    await eventually(() => page.getByTestId('total-refund').textContent(), kr(statement.totals.refund));
    await shot('09-frozen');
    // the README's picture (docs/web-app-statement.png): the top of the closed year's statement at 1280 px
    await shot('readme-statement', { fullPage: false });
  });

  it("shows a project's participants, its expense and each participant's share of it", async () => {
    await send('RegisterProject', {
      projectId: 'projekt-lager',
      name: 'Lager og logistik',
      offerKind: 'ordinary_education',
      startDate: '2026-03-01',
      endDate: '2026-03-31',
    });
    for (const [person, start] of [
      ['borger-eva', '2026-03-01'],
      ['borger-finn', '2026-03-11'],
    ]) {
      await send('ChangeTargetGroup', {
        personId: person,
        targetGroup: 'jobafklaring',
        effectiveFrom: '2026-01-01',
      });
      await send('RegisterOffer', {
        offerId: `tilbud-${person}`,
        personId: person,
        projectId: 'projekt-lager',
        offerKind: 'ordinary_education',
        startDate: start,
        endDate: '2026-03-31',
      });
    }
    const position = await send('RecordProjectExpense', {
      expenseId: 'lager-faktura-1',
      projectId: 'projekt-lager',
      expenseType: 'course_fee',
      amount: '10000.00',
      activityFrom: '2026-03-01',
      activityTo: '2026-03-31',
      invoiceRef: 'F-2026-77',
    });
    // 4 × 0.5 h and 1 × 2 h of caseworker time at the DUT standard price of 451 kr (2025-pl, VEJ 9584 3.1)
    const carvedAt = await send('RecordAdministrativeShare', {
      shareId: 'adm-lager-marts',
      projectId: 'projekt-lager',
      activityFrom: '2026-03-01',
      activityTo: '2026-03-31',
      method: 'standard_price',
      lines: [
        { activity: 'job_interview', count: 4, hoursEach: '0.5', hourlyRate: '451.00' },
        { activity: 'project_administration', count: 1, hoursEach: '2', hourlyRate: '451.00' },
      ],
      priceLevelYear: 2025,
      methodReference: 'Metode 1a (DUT-standard 451 kr./time), notat af 15.01.2026',
    });
    expect(BigInt(carvedAt)).toBeGreaterThan(BigInt(position));
    const project = await apiGet('/projects/projekt-lager', { minPosition: carvedAt });
    await page.getByRole('link', { name: 'Projekter' }).click();
    await page.getByLabel('Projekt-id').fill('projekt-lager');
    await page.getByRole('button', { name: 'Vis projekt' }).click();
    await page.getByRole('heading', { name: 'Lager og logistik' }).waitFor();
    const participants = page.getByRole('region', { name: 'Deltagere' }).locator('tbody tr');
    await eventually(() => participants.count(), 2);
    const expense = page.getByRole('article', { name: 'Udgift lager-faktura-1: 10.000,00 kr.' });
    await expense.getByText('faktura F-2026-77').waitFor();
    // 31 + 21 participant-days: the shares the api computed, shown in kroner and percent
    const shares = expense.locator('tbody tr');
    await eventually(
      () => shares.allTextContents(),
      project.expenses[0].shares.map(
        (s: {
          personId: string;
          offerId: string;
          participantDays: number;
          percentage: string;
          amount: string;
        }) =>
          `${s.personId}${s.offerId}${s.personId === 'borger-eva' ? '01.03.2026' : '11.03.2026'} – 31.03.2026${s.participantDays}${s.percentage.replace('.', ',')} %${kr(s.amount)}`,
      ),
    );
    expect(project.expenses[0].shares.map((s: { participantDays: number }) => s.participantDays)).toEqual([
      31, 21,
    ]);

    // the carve-out: 902,00 + 902,00 kr. on 6.45.53, deducted from the two shares by their amounts
    const carveOut = page.getByRole('article', { name: 'Administrativ andel adm-lager-marts: 1.804,00 kr.' });
    await carveOut.getByText('Metode 1a (DUT-standard 451 kr./time), notat af 15.01.2026').waitFor();
    await carveOut.getByText('902,00 kr. + 902,00 kr. = 1.804,00 kr.').waitFor();
    expect(await carveOut.locator('table').first().locator('tbody tr').allTextContents()).toEqual([
      'Jobsamtale40,50451,00 kr.902,00 kr.',
      'Projektadministration12,00451,00 kr.902,00 kr.',
    ]);
    const deductions = project.administrativeShares[0].deductions as { personId: string; amount: string }[];
    // shares 5,961.54 and 4,038.46 kr. (31 and 21 of 52 participant-days); round(1,804.00 × 5,961.54 / 10,000.00)
    expect(deductions.map((d) => d.amount)).toEqual(['-1075.46', '-728.54']);
    await eventually(
      () => carveOut.locator('table').nth(1).locator('tbody tr td:last-child').allTextContents(),
      deductions.map((d) => kr(d.amount)),
    );
    await shot('13-project');

    // the drill-down by project: its participants' postings, the deductions included
    await page.getByRole('link', { name: 'Deltagernes posteringer af projektet' }).click();
    const ofProject = await apiGet('/ledger/entries', { projectId: 'projekt-lager' });
    expect(ofProject.entries.length).toBe(4); // two shares and their two deductions
    await eventually(() => page.locator('table.postings tbody tr').count(), ofProject.entries.length);
    expect(await page.getByLabel('Projekt').inputValue()).toBe('projekt-lager');

    // a share's posting tells how the project's expense was divided
    const { entries } = await apiGet('/ledger/entries', { offerId: 'tilbud-borger-eva' });
    const share = entries.find((e: { amount: string }) => e.amount === '5961.54');
    await page.goto(`${base}/app/#/postering/${encodeURIComponent(share.entryId)}`);
    await page
      .getByRole('region', { name: 'Beregningen' })
      .getByText(
        'Projekt projekt-lagers udgift lager-faktura-1 på 10.000,00 kr. deles efter deltagerdage: tilbud tilbud-borger-eva har 31 af 52 deltagerdage (59,62 %), og andelen er 5.961,54 kr.',
      )
      .waitFor();

    // a share's deduction tells its story with the carve-out behind it
    const deduction = entries.find((e: { amount: string }) => e.amount === deductions[0].amount);
    await page.goto(`${base}/app/#/postering/${encodeURIComponent(deduction.entryId)}`);
    const story = page.getByRole('region', { name: 'Administrativ andel' });
    await story.getByText(/^Posteringen er et fradrag for den administrative andel/).waitFor();
    await story.getByRole('article', { name: 'Administrativ andel adm-lager-marts: 1.804,00 kr.' }).waitFor();
    await story.getByRole('link', { name: 'projekt-lager' }).waitFor();
    // and so does the carve-out's own posting on 6.45.53
    await page.goto(`${base}/app/#/posteringer?konto=6.45.53`);
    const rows = page.locator('table.postings tbody tr');
    await eventually(() => rows.count(), 1);
    await rows
      .first()
      .getByRole('link', { name: /forklaring/ })
      .click();
    await story.getByText(/^Posteringen er selve den administrative andel, udskilt til 6\.45\.53/).waitFor();
    await shot('14-carve-out-story');

    // a Bilag 2 timesheet: 5 of the week's 7.5 hours on the project, the rest administration
    const timesheetAt = await send('RecordStaffTimesheet', {
      timesheetId: 'ts-lager-w11',
      revision: 1,
      staffId: 'medarbejder-7',
      staffCategory: 'Jobkonsulent',
      week: '2026-W11',
      salaryCost: '3000.00',
      days: [
        {
          date: '2026-03-09',
          hoursWorked: '7.5',
          offerHours: [{ projectId: 'projekt-lager', hours: '5' }],
          administrationHours: '2.5',
        },
      ],
      approvedBy: { employee: 'Anne Jensen', manager: 'Lars Holm' },
    });
    const withSalary = await apiGet('/projects/projekt-lager', { minPosition: timesheetAt });
    const salary = withSalary.expenses.find((e: { timesheet?: object }) => e.timesheet);
    expect([salary.amount, salary.timesheet.percentage]).toEqual(['2000.00', '66.67']); // 3,000.00 × 5 / 7.5
    await page.goto(`${base}/app/#/projekt/projekt-lager`);
    await page.reload(); // the app keeps answers 30 s; the timesheet came from a jobcentre system just now
    await page
      .getByText(
        `Løn efter tidsregistrering ts-lager-w11 (Bilag 2, revision 1): medarbejder medarbejder-7 brugte ${salary.timesheet.hours.replace('.', ',')} af ugens ${salary.timesheet.totalHours.replace('.', ',')} timer i uge 2026-W11 på projektet (66,67 %).`,
      )
      .waitFor();
    const salaryShare = salary.shares[0];
    await page.goto(`${base}/app/#/posteringer?tilbud=${salaryShare.offerId}`);
    const { entries: ofOffer } = await apiGet('/ledger/entries', { offerId: salaryShare.offerId });
    const salaryPosting = ofOffer.find(
      (e: { costItemId: string }) => e.costItemId === salaryShare.costItemId,
    );
    await page.goto(`${base}/app/#/postering/${encodeURIComponent(salaryPosting.entryId)}`);
    const timesheet = page.getByRole('region', { name: 'Tidsregistreringen (Bilag 2)' });
    const mine = timesheet.locator('tbody tr.highlight');
    await mine.getByText('← denne postering').waitFor();
    expect(await mine.textContent()).toContain('Projekt projekt-lager');
    expect(await mine.textContent()).toContain('66,67 %2.000,00 kr.');
    await eventually(() => timesheet.locator('tbody tr').count(), 2);
    await shot('15-timesheet-story');
  });

  it("shows an offer's own carve-out on Projekter: what it comes out of and the deductions from the offer's expenses", async () => {
    await send('RegisterOffer', {
      offerId: 'tilbud-eva-kursus',
      personId: 'borger-eva',
      offerKind: 'ordinary_education',
      startDate: '2026-04-01',
      endDate: '2026-04-30',
    });
    await send('RecordOfferExpense', {
      expenseId: 'eva-kursus-faktura',
      offerId: 'tilbud-eva-kursus',
      expenseType: 'course_fee',
      amount: '3000.00',
      activityFrom: '2026-04-01',
      activityTo: '2026-04-30',
    });
    // 2 h of caseworker time at the DUT standard of 451 kr (VEJ 9584 3.1): 902.00 out of the 3,000.00
    const carvedAt = await send('RecordAdministrativeShare', {
      shareId: 'adm-eva-april',
      offerId: 'tilbud-eva-kursus',
      activityFrom: '2026-04-01',
      activityTo: '2026-04-30',
      method: 'time_registration',
      hours: '2',
      hourlyCost: '451.00',
      priceLevelYear: 2025,
      methodReference: 'Metode 2, tidsregistrering april 2026',
    });
    await apiGet('/offers/tilbud-eva-kursus', { minPosition: carvedAt });
    await page.goto(`${base}/app/#/projekt`);
    await page.getByLabel('Tilbud uden for projekt').fill('tilbud-eva-kursus');
    await page.getByRole('button', { name: 'Vis tilbuddets administrative andele' }).click();
    const carveOut = page.getByRole('article', { name: 'Administrativ andel adm-eva-april: 902,00 kr.' });
    await carveOut.getByText('Tilbud tilbud-eva-kursuss egne udgifter').waitFor();
    await carveOut.getByRole('table', { name: /Fradrag i tilbuddets udgifter/ }).waitFor();
    expect(await carveOut.locator('tbody tr').last().textContent()).toContain('−902,00 kr.');
  });
});

describe('the web app is usable by keyboard and screen reader (labels)', () => {
  it('gives every form field on every page a label and every table its column or row headings', async () => {
    const { entries } = await apiGet('/ledger/entries', { limit: '1' });
    for (const path of [
      'opgoerelse?aar=2025',
      'posteringer',
      `postering/${encodeURIComponent(entries[0].entryId)}`,
      `borger/${scenario.retractedPerson}`,
      'aendringer',
      'uafklarede?aar=2025',
      'projekt/projekt-lager',
      'lofter?aar=2026',
    ]) {
      await page.goto(`${base}/app/#/${path}`);
      await page.locator('main h1').first().waitFor();
      await eventually(() => page.getByRole('status').filter({ hasText: 'Henter' }).count(), 0);
      // run in the page (as text: the tests compile without the DOM's types)
      const unlabelled = await page.evaluate<string[]>(`
        [...document.querySelectorAll('input, select, textarea, button')]
          .filter((el) => !(el.labels && el.labels.length > 0)
            && !(el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? el.textContent).trim())
          .map((el) => el.outerHTML.slice(0, 80))`);
      const headless = await page.evaluate<number>(
        `[...document.querySelectorAll('table')].filter((t) => !t.querySelector('th')).length`,
      );
      expect({ path, unlabelled, headless }).toEqual({ path, unlabelled: [], headless: 0 });
    }
  });
});
