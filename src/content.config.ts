import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema, programmeSchema } from './lib/content-schemas';
import { indicatorSchema, unitSchema } from './lib/data/schemas';

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

// Indicator definitions and reporting units. Pages read them, with the results, through
// src/data/indicators.ts, which cross-checks the files (programme references, CSV rows) first.
const chiTieu = defineCollection({
  loader: glob({ base: './content/chi-tieu', pattern: '*.yaml' }),
  schema: indicatorSchema,
});

const donVi = defineCollection({
  loader: glob({ base: './content/don-vi', pattern: '*.yaml' }),
  schema: unitSchema,
});

export const collections = { 'van-ban': vanBan, 'chuong-trinh': chuongTrinh, 'chi-tieu': chiTieu, 'don-vi': donVi };
