// Seconds each long test file took in `npm test` on a fresh clone (CI: 2 cores, 2 workers, Vitest's
// own per-file durations), for tests/sequencer.ts to start the longest first when Vitest has no
// results cache. Only the order matters, so the figures need not be current to the second; a file
// that becomes one of the long ones belongs here, and a renamed one must be renamed here (the
// sequencer refuses a name that no longer exists). Files under about 8 s are left out: they go
// after these, larger files first, which is Vitest's own order for files it has not timed.
// The red team's four lists were one file of 249 s; their shares are those of a whole `npm test`
// run after the split (168, 101, 86 and 27 s on a busy machine), scaled to that total.
export const FILE_SECONDS: Record<string, number> = {
  'tests/red-team/import.test.ts': 110,
  'tests/browser/form-check.test.ts': 97,
  'tests/build-atomic.test.ts': 91,
  'tests/browser/phone-paper.test.ts': 91,
  'tests/import-form.test.ts': 74,
  'tests/build-faults.test.ts': 72,
  'tests/red-team/build.test.ts': 66,
  'tests/import-van-ban.test.ts': 63,
  'tests/browser/phone-paper-26.test.ts': 60,
  'tests/browser/quality.test.ts': 57,
  'tests/red-team/data-files.test.ts': 56,
  'tests/edition.test.ts': 32,
  'tests/report-kit.test.ts': 23,
  'tests/scale.test.ts': 23,
  'tests/edition-2/second-edition.test.ts': 23,
  'tests/browser/sample-mark.test.ts': 22,
  'tests/browser/sample-mark-official.test.ts': 21,
  'tests/reporting-site.test.ts': 19,
  'tests/browser/escaping.test.ts': 18,
  'tests/red-team/check.test.ts': 18,
  'tests/precompress.test.ts': 16,
  'tests/browser/site.test.ts': 15,
  'tests/browser/fonts.test.ts': 15,
  'tests/browser/offline.test.ts': 14,
  'tests/csv-formula-safety.test.ts': 12,
  'tests/dev-server.test.ts': 12,
  'tests/processor-parity.test.ts': 12,
  'tests/word-in-build.test.ts': 11,
  'tests/bench-forms.test.ts': 9,
  'tests/import-cli.test.ts': 8,
};
