// Afholdelseskategori × bevillingsramme (002_4983c5daf0fb88e9.txt, tables 10a/10b and sections 4.1-4.13).
import { checkOfferValidity, FUNDING_FRAME_IDS, OFFER_CATEGORY_IDS } from './offer-validity.checker';

const q = (
  offerCategory: string,
  fundingFrame: string,
  startDate = '2022-05-01',
  registrationDate = startDate,
) => ({ offerCategory, fundingFrame, startDate, registrationDate });

describe('checkOfferValidity', () => {
  it('exports the 25 categories and 14 frames', () => {
    expect(OFFER_CATEGORY_IDS).toHaveLength(25);
    expect(FUNDING_FRAME_IDS).toEqual(
      expect.arrayContaining(['2', '3', '5', '6', '7', '9', '11', '12', '13', '14', '15', '16', '17', '18']),
    );
  });

  it.each([
    ['AMU (26) under seks ugers jobrettet uddannelse (7) — 4.1', '26', '7', true],
    ['Almen voksenuddannelse (25) under seks ugers (7) — not in table 10a', '25', '7', false],
    ['Erhvervsuddannelser (27) under Øvrig indsats (11) — table 10b kap. 14', '27', '11', true],
    ['Mentor, individuel (34) under Øvrig indsats (11) — table 10b kap. 26', '34', '11', true],
    [
      'Danskuddannelse, integrationsprogram (48) under 11 — Integrations- og danskuddannelseslov',
      '48',
      '11',
      true,
    ],
    ['Socialt tilbud (50) under Aktiviteter uden refusion (14) — 4.8', '50', '14', true],
    ['Andet (38) only under Andet (9) — 4.9', '38', '11', false],
    ['A-kasse aktivitet (52) under 16 — 4.11', '52', '16', true],
  ])('%s → %s', (_label, category, frame, valid) => {
    expect(checkOfferValidity(q(category, frame)).valid).toBe(valid);
  });

  it.each([
    [
      'frames 2/3/13 not for activities starting 1/1-2021 or later (4.12, 4.13)',
      q('26', '3', '2021-01-01', '2021-01-05'),
      false,
    ],
    [
      'frame 3: start 2020-12-31, registered 2021-03-14 (before release 2021-1)',
      q('26', '3', '2020-12-31', '2021-03-14'),
      true,
    ],
    [
      'frame 3: start 2020-11-02, registered 2021-03-15 (code expired for new registrations)',
      q('26', '3', '2020-11-02', '2021-03-15'),
      false,
    ],
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
    expect(checkOfferValidity(q('30', '18', '2022-01-10'))).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/table 10b/),
    });
  });

  it('unknown ids and malformed dates are rejected', () => {
    expect(checkOfferValidity(q('99', '11'))).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/unknown afholdelseskategori/),
    });
    expect(checkOfferValidity(q('26', '99'))).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/unknown bevillingsramme/),
    });
    expect(checkOfferValidity(q('26', '11', '2022-02-30')).valid).toBe(false);
  });
});

describe('checkOfferValidity: offer kind × bevillingsramme (seed 002 4.1-4.8)', () => {
  const withKind = (
    offerKind: Parameters<typeof checkOfferValidity>[0]['offerKind'],
    offerCategory: string,
    fundingFrame: string,
    startDate = '2024-02-01',
  ) => ({
    ...q(offerCategory, fundingFrame, startDate),
    offerKind,
  });

  it.each([
    ['a § 97 a education on frame 17 (4.5)', withKind('education_97a', '27', '17'), true],
    [
      'guidance_upskilling on frame 17: frame 17 is the § 97 a scheme (4.5, 000 L174-L179)',
      withKind('guidance_upskilling', '27', '17'),
      false,
    ],
    [
      'a § 97 a education on Øvrig indsats (11): must be registered on frame 17 (4.5 L405-L407)',
      withKind('education_97a', '27', '11'),
      false,
    ],
    ['a social activity (kind other) on frame 14 (4.8)', withKind('other', '50', '14'), true],
    [
      'a company internship on frame 14: frame 14 is for activities that are no LAB kap. 10-14 offer (4.8)',
      withKind('company_internship', '50', '14'),
      false,
    ],
    ['six weeks job education on frame 7 (4.1)', withKind('six_weeks_job_education', '26', '7'), true],
    [
      'six weeks job education on Øvrig indsats (11) (4.1: "skal i så fald bruge denne bevillingsramme")',
      withKind('six_weeks_job_education', '26', '11'),
      false,
    ],
    [
      'mentor on the regional uddannelsespulje (5): the pool finances vejlednings- og opkvalificeringsforløb (4.2)',
      withKind('mentor', '26', '5', '2019-03-01'),
      false,
    ],
    [
      'ordinary education on the regional uddannelsespulje (5)',
      withKind('ordinary_education', '26', '5', '2019-03-01'),
      true,
    ],
    [
      'guidance_upskilling on Øvrig indsats (11): no frame-kind rule',
      withKind('guidance_upskilling', '27', '11'),
      true,
    ],
  ])('%s → valid %s', (_label, query, valid) => {
    const result = checkOfferValidity(query);
    expect(result.valid).toBe(valid);
    expect(result.citations[0].source).toBe('002_4983c5daf0fb88e9.txt');
  });

  it('the refusal names both the frame and the kind, and cites the section', () => {
    expect(checkOfferValidity(withKind('guidance_upskilling', '27', '17'))).toEqual({
      valid: false,
      reason:
        'bevillingsramme 17 (Uddannelse med 110 pct. dagpenge til dp.modtagere, herunder grundforløb og hovedforløb) finances only offers of kind education_97a, not guidance_upskilling',
      citations: [expect.objectContaining({ section: expect.stringMatching(/^4\.5 \(L396-L420\)/) })],
    });
  });
});
