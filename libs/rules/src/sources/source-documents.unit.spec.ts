import genesis from '../data/2026.12-2/refund-rules.json';
import integrationSupport from '../data/2026.12-3/refund-rules.json';
import current from '../data/2026.12-4/refund-rules.json';
import { citationReference, SOURCE_DOCUMENTS, sourceDocument } from './source-documents';

describe('the source documents', () => {
  it('know every document the rulebooks cite', () => {
    const cited = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.source === 'string' && typeof o.section === 'string') cited.add(o.source);
        Object.values(o).forEach(walk);
      }
    };
    walk([genesis, integrationSupport, current]);
    expect(cited.size).toBeGreaterThan(3);
    expect([...cited].filter((file) => sourceDocument(file) === null)).toEqual([]);
  });

  it('are the five seed files, each once', () => {
    expect(SOURCE_DOCUMENTS.map((d) => d.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it('cite by document and section', () => {
    expect(citationReference({ source: '000_140518b2c182b2de.txt', section: 'Bilag 3' })).toBe(
      'STAR, VEJ nr. 9584 af 30/06/2025, Bilag 3',
    );
    expect(citationReference({ source: 'x.txt', section: '2' })).toBe('x.txt, 2');
  });
});
