/// <reference types="vite/client" />
// /kiem-tra-bieu-mau/: reads the chosen file in the browser and checks it with the import's own
// code (form-check.ts → import.ts), in a Web Worker (form-check-worker.ts) started when a file is
// chosen: this script, loaded with the page, carries no reader, so the page is light and its main
// thread is never held by a large file. The only request is the published dataset, fetched when
// the page opens; the file never leaves the device. Everything is written with textContent.
import type { CheckDataset, CheckResult } from '../lib/report-kit/form-check';
import { MAX_FORM_BYTES } from '../lib/report-kit/form-size';
import type { CheckRequest, CheckResponse } from './form-check-worker';
// The worker's built URL (a separate bundle), which the service worker keeps for offline use.
import workerUrl from './form-check-worker?worker&url';

/**
 * The size message for a file over the limit, or null. Its words come from the message catalogue,
 * which is loaded here only for such a file (a chunk the site's service worker keeps with the page,
 * so the message also shows offline): the page's own script stays a few KB.
 */
async function tooLargeMessage(name: string, size: number): Promise<string | null> {
  if (size <= MAX_FORM_BYTES) return null;
  const [{ formTooLarge }, { formatProblem }] = await Promise.all([import('../lib/report-kit/form-limits'), import('../lib/problems/problem')]);
  const tooLarge = formTooLarge(name, size);
  return tooLarge ? formatProblem(tooLarge) : null;
}

let worker: Worker | null = null;
let requests = 0;

/** Checks the file in the worker (started on first use; restarted if it died). */
function checkInWorker(name: string, bytes: ArrayBuffer, dataset: CheckDataset, expectedUnit: string | undefined): Promise<{ result: CheckResult; digest: string; counts: string }> {
  worker ??= new Worker(workerUrl, { name: 'kiem-tra-bieu-mau' });
  const current = worker;
  const id = (requests += 1);
  return new Promise((resolve, reject) => {
    const done = () => {
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<CheckResponse>) => {
      if (event.data.id !== id) return;
      done();
      if ('failed' in event.data) reject(new Error('check failed'));
      else resolve(event.data);
    };
    const onError = () => {
      done();
      // A worker that failed to start or crashed is replaced at the next check.
      current.terminate();
      if (worker === current) worker = null;
      reject(new Error('worker failed'));
    };
    current.addEventListener('message', onMessage);
    current.addEventListener('error', onError);
    const request: CheckRequest = { id, name, bytes, dataset, ...(expectedUnit ? { expectedUnit } : {}) };
    current.postMessage(request, [bytes]);
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** "a1b2c3d4 e5f6…": the digest in groups of eight, easier to read aloud and compare. */
const grouped = (hex: string) => hex.match(/.{1,8}/g)!.join(' ');

const timeText = (ms: number) => `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;

function renderProblems(output: HTMLElement, name: string, messages: string[]): void {
  output.append(
    element('p', `Biểu mẫu ${name} có ${messages.length.toLocaleString('vi-VN')} lỗi; Văn phòng sẽ không nhập được tệp này. Sửa các ô dưới đây rồi kiểm tra lại:`, { class: 'check-verdict check-bad' }),
  );
  const list = element('ul', undefined, { class: 'check-problems', 'data-problems': '' });
  for (const message of messages) list.append(element('li', message));
  output.append(list);
}

function renderSummary(output: HTMLElement, name: string, result: Extract<CheckResult, { ok: true }>, digest: string, counts: string): void {
  output.append(element('p', `Biểu mẫu ${name} của ${result.unitName} hợp lệ: ${counts}.`, { class: 'check-verdict check-good', 'data-verdict': 'ok' }));
  const code = element('p', undefined, { class: 'check-digest' });
  code.append('Mã SHA-256 của tệp (ghi khi gửi biểu mẫu): ', element('code', grouped(digest), { 'data-sha256': digest }));
  output.append(code);
  if (result.deletions.length > 0) {
    output.append(element('p', `Lưu ý: biểu mẫu để trống ${result.deletions.length.toLocaleString('vi-VN')} ô đang có số liệu trên trang; khi nhập, các số liệu đó sẽ bị xoá (chuyển thành "chưa báo cáo") và Văn phòng sẽ hỏi lại đơn vị. Nếu không định xoá, hãy điền lại:`, { class: 'check-warning', 'data-deletions': '' }));
    const list = element('ul');
    for (const d of result.deletions) list.append(element('li', d));
    output.append(list);
  }
  // Wider than a phone: a scroll region reachable by keyboard.
  const wrap = element('div', undefined, { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Bảng số liệu trong biểu mẫu (cuộn ngang)' });
  const table = element('table', undefined, { class: 'data-table check-summary', 'data-check-summary': '' });
  table.append(element('caption', `Số liệu trong biểu mẫu, so với số đang công bố và phân bổ năm (${result.scope})`));
  const head = element('tr');
  head.append(element('th', 'Chỉ tiêu', { scope: 'col' }), ...result.periods.map((p) => element('th', p.label, { scope: 'col' })));
  const thead = element('thead');
  thead.append(head);
  table.append(thead);
  const body = element('tbody');
  for (const line of result.lines) {
    const row = element('tr', undefined, { 'data-indicator': line.indicatorId });
    row.append(element('th', `${line.name} (${line.unitOfMeasure})`, { scope: 'row' }));
    for (const cell of line.cells) {
      const td = element('td', undefined, { 'data-state': cell.state, 'data-period': cell.period });
      td.append(element('strong', cell.figure), element('br'), element('span', cell.published ? `${cell.stateLabel} (trên trang: ${cell.published})` : cell.stateLabel, { class: `check-state check-${cell.state}` }));
      if (cell.allocation) td.append(element('br'), element('span', `phân bổ năm: ${cell.allocation}`, { class: 'check-allocation' }));
      row.append(td);
    }
    body.append(row);
  }
  table.append(body);
  wrap.append(table);
  output.append(wrap);
}

/**
 * Marks the page once the site's service worker (registered on every page: src/scripts/offline.ts)
 * is active: it keeps this page, its script, worker and data, so the page also opens without a
 * connection next time. Without service workers the page still works offline while it stays open.
 */
function markKeptOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.ready.then(() => {
    document.documentElement.dataset.formCheckOffline = 'true';
  }).catch(() => undefined);
}

export function startFormCheck(): void {
  const form = document.querySelector<HTMLElement>('[data-form-check]');
  const input = document.querySelector<HTMLInputElement>('#tep-bieu-mau');
  const unitSelect = document.querySelector<HTMLSelectElement>('#don-vi-cua-ban');
  const status = document.querySelector<HTMLElement>('[data-check-status]');
  const section = document.querySelector<HTMLElement>('[data-check-result]');
  const output = document.querySelector<HTMLElement>('[data-check-output]');
  if (!form || !input || !unitSelect || !status || !section || !output) return;

  const preset = new URLSearchParams(location.search).get('don-vi');
  if (preset && [...unitSelect.options].some((o) => o.value === preset)) unitSelect.value = preset;

  // Fetched once, at load: afterwards a check needs no network at all.
  const data: Promise<CheckDataset | null> = fetch(form.dataset.checkData!)
    .then((response) => (response.ok ? (response.json() as Promise<CheckDataset>) : null))
    .catch(() => null);
  data.then((dataset) => {
    if (!dataset) {
      status.textContent = 'Không tải được dữ liệu để kiểm tra (mất mạng?). Hãy tải lại trang khi có mạng.';
      return;
    }
    input.disabled = false;
    status.textContent = 'Sẵn sàng: chọn tệp biểu mẫu để kiểm tra.';
    document.documentElement.dataset.formCheckReady = 'true';
    markKeptOffline();
  });

  let run = 0;
  const check = async () => {
    const file = input.files?.[0];
    const dataset = await data;
    if (!file || !dataset) return;
    const mine = (run += 1);
    const started = performance.now();
    status.textContent = `Đang kiểm tra ${file.name}…`;
    section.hidden = true;
    output.replaceChildren();
    // A file far larger than any form is refused from its size, without reading it.
    const tooLarge = await tooLargeMessage(file.name, file.size);
    let result: CheckResult;
    let digest = '';
    let counts = '';
    if (tooLarge) result = { ok: false, messages: [tooLarge] };
    else {
      ({ result, digest, counts } = await checkInWorker(file.name, await file.arrayBuffer(), dataset, unitSelect.value || undefined));
    }
    if (mine !== run) return;
    const ms = performance.now() - started;
    if (result.ok) renderSummary(output, file.name, result, digest, counts);
    else renderProblems(output, file.name, result.messages);
    section.dataset.state = result.ok ? 'ok' : 'loi';
    section.dataset.ms = String(Math.round(ms));
    section.hidden = false;
    status.textContent = `Đã kiểm tra ${file.name} trong ${timeText(ms)}: ${result.ok ? 'hợp lệ' : `${result.messages.length.toLocaleString('vi-VN')} lỗi`}.`;
    section.querySelector<HTMLElement>('h2')?.focus();
  };
  const guarded = () => {
    check().catch(() => {
      status.textContent = 'Không kiểm tra được tệp này do một lỗi không lường trước; hãy gửi tệp cho Văn phòng kèm ghi chú.';
    });
  };
  input.addEventListener('change', guarded);
  unitSelect.addEventListener('change', () => {
    if (input.files?.length) guarded();
  });
}
