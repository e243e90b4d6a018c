import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchemaFor, noticeSchema, programmeSchemaFor } from './lib/documents/content-schemas';
import { indicatorSchemaFor, unitSchemaFor } from './lib/indicators/schemas';
import { loadEdition } from './lib/edition/load';
import { contentPaths } from './lib/content/paths';
import { sharedDocumentsLoader } from './plugins/documents-bridge';

// Kinds of unit, units of measure, groups and programme levels are the edition's (content/cau-hinh.yaml).
const { vocabularies } = loadEdition();

// The schemas live in src/lib/documents/content-schemas.ts: the pre-build check (which reports the line of
// a bad field) and the tests validate with the very same objects.
// Each document rendered to HTML as it loads, kept between builds (src/plugins/documents-loader.ts),
// by the loader astro.config.mjs made (src/plugins/documents-bridge.ts).
const vanBan = defineCollection({
  loader: sharedDocumentsLoader(),
  schema: documentSchemaFor(vocabularies),
});

const chuongTrinh = defineCollection({
  loader: glob({ base: `./${contentPaths.programmes}`, pattern: '**/*.mdx' }),
  schema: programmeSchemaFor(vocabularies),
});

// Indicator definitions and reporting units. Pages read them, with the results, through
// src/data/indicators.ts, which cross-checks the files (programme references, CSV rows) first.
const chiTieu = defineCollection({
  loader: glob({ base: `./${contentPaths.indicators}`, pattern: '*.yaml' }),
  schema: indicatorSchemaFor(vocabularies),
});

const donVi = defineCollection({
  loader: glob({ base: `./${contentPaths.units}`, pattern: '*.yaml' }),
  schema: unitSchemaFor(vocabularies),
});

// The office's notices: a banner on the home page while current, a list at /thong-bao/, the feed.
const thongBao = defineCollection({
  loader: glob({ base: `./${contentPaths.notices}`, pattern: '*.mdx' }),
  schema: noticeSchema,
});

export const collections = { 'van-ban': vanBan, 'chuong-trinh': chuongTrinh, 'chi-tieu': chiTieu, 'don-vi': donVi, 'thong-bao': thongBao };
