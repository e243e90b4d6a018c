import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema, programmeSchema } from './lib/content-schemas';

// The schemas live in src/lib/content-schemas.ts: the pre-build check (which reports the line of
// a bad field) and the tests validate with the very same objects.
const vanBan = defineCollection({
  loader: glob({ base: './content/van-ban', pattern: '**/*.mdx' }),
  schema: documentSchema,
});

const chuongTrinh = defineCollection({
  loader: glob({ base: './content/chuong-trinh', pattern: '**/*.mdx' }),
  schema: programmeSchema,
});

export const collections = { 'van-ban': vanBan, 'chuong-trinh': chuongTrinh };
