// What `astro build` logs of the report kit's worker (src/integrations/report-kit.ts).

/** The counts line of a build that started the worker; null when there is none. */
export interface KitLog {
  total: number;
  taken: number;
  made: number;
  claimed: number;
  unlisted: number;
  failed: number;
  /** The warning of a worker that broke (its message), or null. */
  workerError: string | null;
}

const COUNTS = /Bộ tài liệu báo cáo: (\d+) tệp; luồng riêng làm sẵn (\d+), trang tự làm (\d+) \(luồng riêng chưa tới (\d+), không có trong danh sách (\d+), luồng riêng lỗi (\d+)\)\./;
const BROKE = /Bộ tài liệu báo cáo: luồng riêng dừng vì lỗi \((.*)\); các trang đã tự làm mọi tệp nó chưa gửi\./;

export function kitLog(output: string): KitLog | null {
  const counts = COUNTS.exec(output);
  if (!counts) return null;
  const [total, taken, made, claimed, unlisted, failed] = counts.slice(1).map(Number) as [number, number, number, number, number, number];
  return { total, taken, made, claimed, unlisted, failed, workerError: BROKE.exec(output)?.[1] ?? null };
}

/**
 * A build's kit as it must be whatever the machine's load: every file (27 charts, 19 drafts, 19
 * forms) accounted for, none the worker left unlisted or failed, and a worker that did not break.
 * How many it made before the pages got to them is a race: on a busy machine its low-priority
 * thread may not have listed anything when the first page asks, and is then stopped.
 */
export const WHOLE_KIT = { total: 27 + 19 + 19, unlisted: 0, failed: 0, workerError: null };

/** The part of a kit log that WHOLE_KIT fixes; null without a counts line. */
export function kitOutcome(output: string): Pick<KitLog, 'total' | 'unlisted' | 'failed' | 'workerError'> | null {
  const kit = kitLog(output);
  return kit && { total: kit.total, unlisted: kit.unlisted, failed: kit.failed, workerError: kit.workerError };
}
