// The import's CSV reading (csv-parse, csv-records.ts) uses Node's Buffer. Browsers have none, so
// the form check page provides the standard polyfill — the one csv-parse's own browser build
// bundles — before that code runs, instead of keeping a browser copy of the rules.
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
