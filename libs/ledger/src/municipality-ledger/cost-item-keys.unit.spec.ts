import { itemKey, keyParts } from './cost-item-keys';

it('ids with colons make distinct keys that read back as given', () => {
  const a = itemKey('project', 'a', 'b:c', 'd');
  const b = itemKey('project', 'a:b', 'c', 'd');
  expect(a).not.toBe(b);
  expect(keyParts(a)).toEqual(['project', 'a', 'b:c', 'd']);
  expect(keyParts(b)).toEqual(['project', 'a:b', 'c', 'd']);
  expect(itemKey('expense', 'e1')).toBe('expense:e1');
});
