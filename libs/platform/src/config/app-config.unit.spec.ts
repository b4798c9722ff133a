import { byteSize, loadConfig } from './app-config';

describe('BODY_LIMIT', () => {
  it('reads sizes in units of 1024, as body-parser did', () => {
    expect(byteSize('BODY_LIMIT', '2kb')).toBe(2048);
    expect(byteSize('BODY_LIMIT', '5MB')).toBe(5 * 1024 * 1024);
    expect(byteSize('BODY_LIMIT', '1.5kb')).toBe(1536);
    expect(byteSize('BODY_LIMIT', '2048')).toBe(2048);
    expect(loadConfig({}).bodyLimit).toBe(5 * 1024 * 1024);
  });

  it('refuses what is not a size, naming the variable', () => {
    for (const bad of ['', 'lots', '5 parsecs', '0', '-1kb'])
      expect(() => byteSize('BODY_LIMIT', bad)).toThrow(/^BODY_LIMIT must be a size/);
  });
});
