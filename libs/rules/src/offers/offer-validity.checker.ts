// checkOfferValidity: is an (afholdelseskategori, bevillingsramme) pair valid for an offer of a kind, starting and
// registered on the given dates? Data: seed 002 tables 10a/10b (data/offer-validity.json) with the frames' date rules
// and the frames that finance only certain offer kinds (sections 4.1-4.8).
import { OFFER_KINDS, type IsoDate, type OfferKind, isIsoDate } from '@app/domain';
import type { Citation, OfferValidity, OfferValidityQuery } from '../rulebook.types';
import offerDocument from '../data/offer-validity.json';

interface OfferCode {
  id: string;
  name: string;
  source: Citation;
}

interface StartWindow {
  from: IsoDate | null;
  to: IsoDate | null;
}

interface FrameDateRule {
  fundingFrame: string;
  startWindows: StartWindow[];
  registeredBefore: IsoDate | null;
  sources: Citation[];
}

interface PairRow {
  offerCategory: string;
  fundingFrame: string;
  source: Citation;
}

/** A frame that finances only these offer kinds. */
interface FrameOfferKinds {
  fundingFrame: string;
  offerKinds: OfferKind[];
  source: Citation;
}

/** An offer kind that may only be financed from these frames. */
interface OfferKindFrames {
  offerKind: OfferKind;
  fundingFrames: string[];
  source: Citation;
}

interface OfferValidityDocument {
  version: string;
  offerCategories: OfferCode[];
  fundingFrames: OfferCode[];
  validPairs: PairRow[];
  contradictions: (PairRow & { reason: string })[];
  frameDateRules: FrameDateRule[];
  frameOfferKinds: FrameOfferKinds[];
  offerKindFrames: OfferKindFrames[];
}

const DOCUMENT = Object.freeze(offerDocument as OfferValidityDocument);

/** Problems in the offer-validity data (empty when valid). */
export function validateOfferValidityDocument(document: OfferValidityDocument): string[] {
  const categories = new Set(document.offerCategories.map((c) => c.id));
  const frames = new Set(document.fundingFrames.map((f) => f.id));
  const errors: string[] = [];
  for (const pair of [...document.validPairs, ...document.contradictions]) {
    if (!categories.has(pair.offerCategory) || !frames.has(pair.fundingFrame))
      errors.push(`pair ${pair.offerCategory}/${pair.fundingFrame}: unknown id`);
    if (!pair.source?.source || !pair.source.section)
      errors.push(`pair ${pair.offerCategory}/${pair.fundingFrame}: missing source`);
  }
  for (const rule of document.frameDateRules) {
    if (!frames.has(rule.fundingFrame)) errors.push(`date rule: unknown frame ${rule.fundingFrame}`);
    const dates = [rule.registeredBefore, ...rule.startWindows.flatMap((w) => [w.from, w.to])];
    if (dates.some((d) => d !== null && !isIsoDate(d)))
      errors.push(`date rule ${rule.fundingFrame}: bad date`);
    if (rule.sources.length === 0) errors.push(`date rule ${rule.fundingFrame}: missing source`);
  }
  const kinds: readonly string[] = OFFER_KINDS;
  for (const row of document.frameOfferKinds) {
    if (!frames.has(row.fundingFrame) || row.offerKinds.some((k) => !kinds.includes(k)))
      errors.push(`frame kinds ${row.fundingFrame}: unknown id`);
    if (!row.source?.source || !row.source.section)
      errors.push(`frame kinds ${row.fundingFrame}: missing source`);
  }
  for (const row of document.offerKindFrames) {
    if (!kinds.includes(row.offerKind) || row.fundingFrames.some((f) => !frames.has(f)))
      errors.push(`kind frames ${row.offerKind}: unknown id`);
    if (!row.source?.source || !row.source.section)
      errors.push(`kind frames ${row.offerKind}: missing source`);
  }
  return errors;
}

const LOAD_ERRORS = validateOfferValidityDocument(DOCUMENT);
if (LOAD_ERRORS.length > 0) throw new Error(`offer-validity.json is invalid:\n${LOAD_ERRORS.join('\n')}`);

const pairKey = (category: string, frame: string) => `${category}/${frame}`;
const VALID_PAIRS = new Map(DOCUMENT.validPairs.map((p) => [pairKey(p.offerCategory, p.fundingFrame), p]));
const CONTRADICTIONS = new Map(
  DOCUMENT.contradictions.map((p) => [pairKey(p.offerCategory, p.fundingFrame), p]),
);
const DATE_RULES = new Map(DOCUMENT.frameDateRules.map((r) => [r.fundingFrame, r]));
const FRAME_OFFER_KINDS = new Map(DOCUMENT.frameOfferKinds.map((r) => [r.fundingFrame, r]));
const OFFER_KIND_FRAMES = new Map(DOCUMENT.offerKindFrames.map((r) => [r.offerKind, r]));
const CATEGORY_IDS = new Set(DOCUMENT.offerCategories.map((c) => c.id));
const FRAME_IDS = new Set(DOCUMENT.fundingFrames.map((f) => f.id));
const MATRIX_CITATION: Citation = {
  source: DOCUMENT.validPairs[0].source.source,
  section: '10 (tabel 10a/10b: samlet oversigt)',
};

/** Known afholdelseskategori ids (seed 002 table 10). */
export const OFFER_CATEGORY_IDS: readonly string[] = Object.freeze(DOCUMENT.offerCategories.map((c) => c.id));
/** Known bevillingsramme ids (seed 002 sections 4.1-4.13). */
export const FUNDING_FRAME_IDS: readonly string[] = Object.freeze(DOCUMENT.fundingFrames.map((f) => f.id));

function invalid(reason: string, citations: Citation[]): OfferValidity {
  return { valid: false, reason, citations };
}

function dateProblem(rule: FrameDateRule, query: OfferValidityQuery): string | null {
  const inWindow = rule.startWindows.some(
    (w) => (w.from === null || w.from <= query.startDate) && (w.to === null || query.startDate <= w.to),
  );
  if (!inWindow) {
    const windows = rule.startWindows.map((w) => `${w.from ?? '…'} to ${w.to ?? '…'}`).join(' or ');
    return `funding frame ${rule.fundingFrame} may only be used for activities starting ${windows}; this one starts ${query.startDate}`;
  }
  if (rule.registeredBefore !== null && query.registrationDate >= rule.registeredBefore) {
    return `funding frame ${rule.fundingFrame} expired for new registrations on ${rule.registeredBefore}; registered ${query.registrationDate}`;
  }
  return null;
}

function frameName(id: string): string {
  return `${id} (${DOCUMENT.fundingFrames.find((f) => f.id === id)!.name})`;
}

/** Why the offer kind and the frame contradict each other, with the passage that says so; null when they agree. */
function kindProblem(offerKind: OfferKind, fundingFrame: string): OfferValidity | null {
  const byFrame = FRAME_OFFER_KINDS.get(fundingFrame);
  if (byFrame && !byFrame.offerKinds.includes(offerKind)) {
    return invalid(
      `bevillingsramme ${frameName(fundingFrame)} finances only offers of kind ${byFrame.offerKinds.join(' or ')}, not ${offerKind}`,
      [byFrame.source],
    );
  }
  const byKind = OFFER_KIND_FRAMES.get(offerKind);
  if (byKind && !byKind.fundingFrames.includes(fundingFrame)) {
    return invalid(
      `an offer of kind ${offerKind} is registered on bevillingsramme ${byKind.fundingFrames.map(frameName).join(' or ')}, not ${fundingFrame}`,
      [byKind.source],
    );
  }
  return null;
}

/**
 * Whether the category × frame pair is valid for an activity starting on startDate and registered on registrationDate,
 * and, when the offer kind is given, whether the frame admits it.
 */
export function checkOfferValidity(query: OfferValidityQuery): OfferValidity {
  if (!isIsoDate(query.startDate) || !isIsoDate(query.registrationDate))
    return invalid('startDate and registrationDate must be YYYY-MM-DD', []);
  if (!CATEGORY_IDS.has(query.offerCategory))
    return invalid(`unknown afholdelseskategori '${query.offerCategory}'`, [MATRIX_CITATION]);
  if (!FRAME_IDS.has(query.fundingFrame))
    return invalid(`unknown bevillingsramme '${query.fundingFrame}'`, [MATRIX_CITATION]);
  const contradictingKind =
    query.offerKind === undefined ? null : kindProblem(query.offerKind, query.fundingFrame);
  if (contradictingKind) return contradictingKind;
  const key = pairKey(query.offerCategory, query.fundingFrame);
  const contradiction = CONTRADICTIONS.get(key);
  if (contradiction) return invalid(contradiction.reason, [contradiction.source]);
  const pair = VALID_PAIRS.get(key);
  if (!pair)
    return invalid(
      `afholdelseskategori ${query.offerCategory} cannot be financed from bevillingsramme ${query.fundingFrame}`,
      [MATRIX_CITATION],
    );
  const dateRule = DATE_RULES.get(query.fundingFrame);
  const problem = dateRule ? dateProblem(dateRule, query) : null;
  if (problem !== null) return invalid(problem, dateRule!.sources);
  return { valid: true, citations: dateRule ? [pair.source, ...dateRule.sources] : [pair.source] };
}
