// The form check's Web Worker (started by src/scripts/form-check.ts when a file is chosen): runs
// the import's own reading and checks (form-check.ts → import.ts → xlsx-reader.ts) off the page's
// main thread, so the page stays responsive whatever the file, and the reader's code is loaded
// only when there is a form to read.
// First: Node's Buffer, which the shared CSV code uses, before any of that code is evaluated.
import './buffer-global';
import { z } from 'zod';
import { checkForm, countsText, sha256Hex, type CheckDataset, type CheckResult } from '../lib/report-kit/form-check';

// zod (in the shared dataset code) may probe for eval with Function(''), which the site's CSP
// refuses and reports; its interpreted path is all the worker needs.
z.config({ jitless: true });

export interface CheckRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
  dataset: CheckDataset;
  expectedUnit?: string;
}

export type CheckResponse = { id: number; result: CheckResult; digest: string; counts: string } | { id: number; failed: true };

const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage: (message: CheckResponse) => void };

scope.onmessage = (event) => {
  const { id, name, dataset, expectedUnit } = event.data;
  const bytes = new Uint8Array(event.data.bytes);
  Promise.all([checkForm(name, bytes, dataset, expectedUnit), sha256Hex(bytes)])
    .then(([result, digest]) => scope.postMessage({ id, result, digest, counts: result.ok ? countsText(result.counts) : '' }))
    .catch(() => scope.postMessage({ id, failed: true }));
};
