import { expect, test } from 'vitest';
import { neighbours } from '../src/lib/documents/sequence';

test('previous and next follow the documents\' order, with nothing past the ends', () => {
  const docs = [{ id: 'cong-van', order: 3 }, { id: 'ke-hoach', order: 1 }, { id: 'de-cuong', order: 2 }];
  expect(neighbours(docs, 'ke-hoach')).toEqual({ previous: undefined, next: { id: 'de-cuong', order: 2 } });
  expect(neighbours(docs, 'de-cuong')).toEqual({ previous: { id: 'ke-hoach', order: 1 }, next: { id: 'cong-van', order: 3 } });
  expect(neighbours(docs, 'cong-van').next).toBeUndefined();
  expect(neighbours(docs, 'khac')).toEqual({});
});

test('the whole sequence from one sort gives each document the same neighbours', async () => {
  const { sequenceOf } = await import('../src/lib/documents/sequence');
  const docs = [{ id: 'cong-van', order: 3 }, { id: 'ke-hoach', order: 1 }, { id: 'de-cuong', order: 2 }];
  const all = sequenceOf(docs);
  for (const d of docs) expect(all.get(d.id)).toEqual(neighbours(docs, d.id));
  expect(all.get('khac')).toBeUndefined();
});
