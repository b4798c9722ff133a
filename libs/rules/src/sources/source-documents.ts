// The documents the rulebook cites (../shared/seeds), by file name: how a reader cites each one
// (issuer and identity as the document gives them), its title and kind. Where the text gives no
// identity, the reference says so rather than inventing one.
import type { Citation } from '../rulebook.types';

/** vejledning: an authority's guidance; kontoplan: the authorised chart of accounts; analyse: a study; udspil: a policy proposal. */
export const SOURCE_KINDS = ['vejledning', 'kontoplan', 'analyse', 'udspil'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface SourceDocument {
  file: string;
  /** How a person cites it: "STAR, VEJ nr. 9584 af 30/06/2025". */
  reference: string;
  title: string;
  kind: SourceKind;
  /** Where title and identity were read (digests in ../shared/domain). */
  basis: string;
}

export const SOURCE_DOCUMENTS: readonly SourceDocument[] = [
  {
    file: '000_140518b2c182b2de.txt',
    reference: 'STAR, VEJ nr. 9584 af 30/06/2025',
    title: 'Vejledning om kommunernes dokumentation af driftsudgifter til tilbud m.v.',
    kind: 'vejledning',
    basis:
      'seed000.md lines 1-4 (the title on seed line 1, the identity from the page footer, seed line 406)',
  },
  {
    file: '001_fcfd66b91da6fb8d.txt',
    reference: 'Budget- og regnskabssystem for kommuner, juli 2020',
    title: 'Budget- og regnskabssystem for kommuner, hovedkonto 5 og 7',
    kind: 'kontoplan',
    basis: 'seed001.md line 1 and §1 (page stamps "Dato: Juli 2020 Ikrafttrædelsesår: Regnskab 2020")',
  },
  {
    file: '002_4983c5daf0fb88e9.txt',
    reference: 'STAR, vejledning om afholdelseskategori og bevillingsramme (udateret)',
    title: 'Vejledning om afholdelseskategori, bevillingsramme, jobordretype og aktiveringspulje',
    kind: 'vejledning',
    basis: 'seed002.md lines 1-3 ("The text gives no version or publication date")',
  },
  {
    file: '003_ba212cd929ee8ae7.txt',
    reference: 'mploy for STAR, 2016',
    title: 'Kortlægning og analyse af statens refusion af kommunernes driftsudgifter til aktivering',
    kind: 'analyse',
    basis:
      'seed003.md lines 1-5; seed lines 5-11 ("kortlægning og analyse af … statens refusion af kommunernes driftsudgifter til aktivering")',
  },
  {
    file: '004_7b71a4a1118163a3.txt',
    reference: 'KL, april 2017',
    title: 'En forenklet og mere effektiv beskæftigelsesindsats',
    kind: 'udspil',
    basis: 'seed004.md lines 1-3',
  },
];

const BY_FILE = new Map(SOURCE_DOCUMENTS.map((d) => [d.file, d]));

export function sourceDocument(file: string): SourceDocument | null {
  return BY_FILE.get(file) ?? null;
}

/** "STAR, VEJ nr. 9584 af 30/06/2025, Bilag 3"; a file the catalogue does not know is cited by its name. */
export function citationReference(c: Citation): string {
  return `${sourceDocument(c.source)?.reference ?? c.source}, ${c.section}`;
}
