// Afholdelseskategori × bevillingsramme (002_4983c5daf0fb88e9.txt, tables 10a/10b and sections 4.1-4.13).
import { checkOfferValidity, FUNDING_FRAME_IDS, OFFER_CATEGORY_IDS } from './offer-validity.checker';

const q = (offerCategory: string, fundingFrame: string, startDate = '2022-05-01', registrationDate = startDate) => ({ offerCategory, fundingFrame, startDate, registrationDate });

describe('checkOfferValidity', () => {
  it('exports the 25 categories and 14 frames', () => {
    expect(OFFER_CATEGORY_IDS).toHaveLength(25);
    expect(FUNDING_FRAME_IDS).toEqual(expect.arrayContaining(['2', '3', '5', '6', '7', '9', '11', '12', '13', '14', '15', '16', '17', '18']));
  });

  it.each([
    ['AMU (26) under seks ugers jobrettet uddannelse (7) — 4.1', '26', '7', true],
    ['Almen voksenuddannelse (25) under seks ugers (7) — not in table 10a', '25', '7', false],
    ['Erhvervsuddannelser (27) under Øvrig indsats (11) — table 10b kap. 14', '27', '11', true],
    ['Mentor, individuel (34) under Øvrig indsats (11) — table 10b kap. 26', '34', '11', true],
    ['Danskuddannelse, integrationsprogram (48) under 11 — Integrations- og danskuddannelseslov', '48', '11', true],
    ['Socialt tilbud (50) under Aktiviteter uden refusion (14) — 4.8', '50', '14', true],
    ['Andet (38) only under Andet (9) — 4.9', '38', '11', false],
    ['A-kasse aktivitet (52) under 16 — 4.11', '52', '16', true],
  ])('%s → %s', (_label, category, frame, valid) => {
    expect(checkOfferValidity(q(category, frame)).valid).toBe(valid);
  });

  it.each([
    ['frames 2/3/13 not for activities starting 1/1-2021 or later (4.12, 4.13)', q('26', '3', '2021-01-01', '2021-01-05'), false],
    ['frame 3: start 2020-12-31, registered 2021-03-14 (before release 2021-1)', q('26', '3', '2020-12-31', '2021-03-14'), true],
    ['frame 3: start 2020-11-02, registered 2021-03-15 (code expired for new registrations)', q('26', '3', '2020-11-02', '2021-03-15'), false],
    ['frame 13: start 2020-06-01, registered 2020-06-01', q('30', '13', '2020-06-01'), true],
    ['frame 12: registered 2021-03-15 → expired', q('27', '12', '2020-12-01', '2021-03-15'), false],
    ['frame 17: start 2020-07-31 (before 1/8-2020)', q('27', '17', '2020-07-31'), false],
    ['frame 17: start 2020-08-01', q('27', '17', '2020-08-01'), true],
    ['frame 17: start 2023-03-01 (H1-2023 gap of § 97 a)', q('27', '17', '2023-03-01'), false],
    ['frame 17: start 2024-02-01 (permanent from 2024, VEJ 9584 2 A)', q('27', '17', '2024-02-01'), true],
    ['frame 18: start 2021-03-22 (before LAB § 97 b)', q('26', '18', '2021-03-22'), false],
    ['frame 18: start 2023-03-31', q('26', '18', '2023-03-31'), true],
    ['frame 18: start 2023-04-01 (must start before 1/4-2023)', q('26', '18', '2023-04-01'), false],
  ])('%s', (_label, query, valid) => {
    const result = checkOfferValidity(query);
    expect(result.valid).toBe(valid);
    expect(result.citations.length).toBeGreaterThan(0);
  });

  it('the prose/table contradiction (30 under the mink pool 18) is rejected with its reason', () => {
    expect(checkOfferValidity(q('30', '18', '2022-01-10'))).toMatchObject({ valid: false, reason: expect.stringMatching(/table 10b/) });
  });

  it('unknown ids and malformed dates are rejected', () => {
    expect(checkOfferValidity(q('99', '11'))).toMatchObject({ valid: false, reason: expect.stringMatching(/unknown afholdelseskategori/) });
    expect(checkOfferValidity(q('26', '99'))).toMatchObject({ valid: false, reason: expect.stringMatching(/unknown bevillingsramme/) });
    expect(checkOfferValidity(q('26', '11', '2022-02-30')).valid).toBe(false);
  });
});
