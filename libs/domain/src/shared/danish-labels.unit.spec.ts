import { TARGET_GROUPS } from './vocabulary';
import {
  capLabel,
  capStatusLabel,
  lab6Number,
  municipalityName,
  outcomeLabel,
  postingKindLabel,
  targetGroupLabel,
} from './danish-labels';

describe('Danish labels', () => {
  it('names target groups with their LAB § 6 number (seed000.md §2)', () => {
    expect(targetGroupLabel('jobafklaring')).toBe('Personer i jobafklaringsforløb (LAB § 6, nr. 7)');
    expect(targetGroupLabel('kontanthjaelp')).toBe('Kontanthjælpsmodtagere (LAB § 6, nr. 2-3)');
    expect(targetGroupLabel('integration_programme')).toBe('Program efter integrationsloven');
    expect(targetGroupLabel(null)).toBe('Ukendt målgruppe');
    expect(lab6Number('foertidspension')).toBe('11');
    expect(lab6Number('none')).toBeNull();
    expect(TARGET_GROUPS.every((g) => targetGroupLabel(g) !== g)).toBe(true);
  });

  it('names caps, statuses and outcomes in Danish, and leaves an unknown code as it is', () => {
    expect(capLabel('mentorramme')).toBe('Mentorramme');
    expect(capStatusLabel('allowance_exceeded')).toBe('Rådighedsbeløbet er overskredet');
    expect(outcomeLabel('no_rule')).toBe('Ingen regel');
    expect(outcomeLabel('ambiguous')).toBe('Tvetydig regel');
    expect(postingKindLabel('reversal')).toBe('Tilbageførsel');
    expect(capLabel('something_else')).toBe('something_else');
  });

  it('names the 98 municipalities from kommunekoder.csv', () => {
    expect(municipalityName('101')).toBe('København');
    expect(municipalityName('751')).toBe('Aarhus');
    expect(municipalityName('860')).toBe('Hjørring');
    expect(municipalityName('999')).toBeNull();
  });
});
