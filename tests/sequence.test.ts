import { expect, test } from 'vitest';
import { sequenceOf } from '../src/lib/documents/sequence';

test('previous and next follow the documents\' order, with nothing past the ends', () => {
  const docs = [{ id: 'cong-van', order: 3 }, { id: 'ke-hoach', order: 1 }, { id: 'de-cuong', order: 2 }];
  const all = sequenceOf(docs);
  expect(all.get('ke-hoach')).toEqual({ previous: undefined, next: { id: 'de-cuong', order: 2 } });
  expect(all.get('de-cuong')).toEqual({ previous: { id: 'ke-hoach', order: 1 }, next: { id: 'cong-van', order: 3 } });
  expect(all.get('cong-van')).toEqual({ previous: { id: 'de-cuong', order: 2 }, next: undefined });
  expect(all.get('khac')).toBeUndefined();
  expect([...all.keys()]).toEqual(['ke-hoach', 'de-cuong', 'cong-van']);
});
