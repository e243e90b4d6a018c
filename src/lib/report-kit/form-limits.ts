// The rules a form meets before it is read (its type and size), apart from the reader so the check
// page's first script can apply them without loading the reader: the reader runs in a Web Worker
// started when a file is chosen (src/scripts/form-check-worker.ts). The page loads this module
// only for a file over the limit (form-size.ts), since its message brings the whole catalogue.
import type { Problem } from '../problems/problem.ts';
import { problem } from '../problems/messages.ts';
import { MAX_FORM_BYTES } from './form-size.ts';

/** A problem in a form: a Problem placed by sheet and cell (or CSV line) instead of a line. */
export type FormProblem = Problem & { place: string };

export { MAX_FORM_BYTES };

/** The size rule of scripts/import-form.ts, worded as it words it, for checks that get the size before the bytes (the browser's). */
export function formTooLarge(file: string, size: number): FormProblem | null {
  if (size <= MAX_FORM_BYTES) return null;
  return problem('tep-qua-lon', { size, limit: MAX_FORM_BYTES, of: 'form' }, { file, place: 'tệp' });
}

/** The type rule, for the command, which checks the name before reading the file. */
export function formWrongType(file: string): FormProblem | null {
  return /\.(xlsx|csv)$/i.test(file) ? null : problem('loai-tep', {}, { file, place: 'tệp' });
}
