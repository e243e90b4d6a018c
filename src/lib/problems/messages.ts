// What each rule says, written here once: a check raises a problem by naming its catalogue entry
// with its values — problem('tep-qua-lon', { size, limit }, { file }) — and this catalogue writes the
// message, as Astro's errors-data.ts does, so that no check words a rule on its own (the rules
// themselves, their names and examples, are in rules.ts). tests/problem-messages.test.ts lists the
// checks that still word their messages themselves, and fails on any new one.
import type { Problem } from './problem.ts';
import type { RuleId } from './rules.ts';
import { DATA_MESSAGES } from './messages-data.ts';
import { fileTooLargeText, FORM_MESSAGES, unreadableText, type FileTooLarge, type Unreadable } from './messages-forms.ts';

const MB = 1024 * 1024;

/** "10 MB", "256 KB": a limit as the messages and the README give it. */
export function sizeText(bytes: number): string {
  const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} byte`;
  return bytes >= MB ? `${number(bytes / MB)} MB` : `${number(bytes / 1024)} KB`;
}

/** What a path is when it is not what it should be (a regular file, or a folder). */
export type PathKind = 'dir' | 'fifo' | 'socket' | 'device' | 'other';

const KINDS: Record<PathKind, string> = {
  dir: 'là thư mục, không phải tệp',
  fifo: 'là đường ống (FIFO), không phải tệp thường',
  socket: 'là socket, không phải tệp thường',
  device: 'là thiết bị, không phải tệp thường',
  other: 'không phải tệp thường',
};

export const MESSAGES = {
  ...DATA_MESSAGES,
  'khong-phai-tep': (v: { kind: PathKind; fix?: boolean }) => (v.fix ? `${KINDS[v.kind]}; hãy xoá hoặc đổi tên để trang không đọc nhầm` : KINDS[v.kind]),
  'khong-phai-thu-muc': (v: { kind: PathKind | null }) => `phải là thư mục nhưng ${v.kind ? KINDS[v.kind] : 'là một tệp'}`,
  'lien-ket-ngoai': () => 'liên kết tượng trưng trỏ ra ngoài thư mục content/; trang chỉ đọc tệp nằm trong content/ (hãy chép tệp vào đây)',
  'lien-ket-hong': (v: { loop: boolean }) =>
    v.loop ? 'liên kết tượng trưng vòng quanh chính nó; hãy thay bằng tệp thật' : 'liên kết tượng trưng trỏ tới tệp không tồn tại; hãy thay bằng tệp thật hoặc xoá liên kết',
  /** `reason`: the system's reason, as content-dir.ts systemReason words it; or a form or Word file that opens but cannot be read (messages-forms.ts). */
  'khong-doc-duoc': (v: { reason: string; folder?: boolean } | Unreadable) => ('reason' in v ? `không đọc được${v.folder ? ' thư mục' : ''}: ${v.reason}` : unreadableText(v)),
  /** A form or a Word file is worded by its kind (`of`, messages-forms.ts). */
  /** `yaml`: a YAML file over the bounded loader's limit, in bytes (before decoding) or characters. */
  'tep-qua-lon': (v: { size: number; limit: number } | FileTooLarge | { size: number; limit: number; yaml: 'bytes' | 'chars' }) => ('of' in v ? fileTooLargeText(v) :
    'yaml' in v
      ? v.yaml === 'bytes'
        ? `tệp quá lớn: ${v.size.toLocaleString('vi-VN')} byte, tối đa ${v.limit.toLocaleString('vi-VN')} cho một tệp YAML`
        : `nội dung YAML quá lớn: ${v.size.toLocaleString('vi-VN')} ký tự, tối đa ${v.limit.toLocaleString('vi-VN')}` :
    `tệp quá lớn (${sizeText(v.size)}); giới hạn cho loại tệp này là ${sizeText(v.limit)}, gấp nhiều lần số liệu thật, nên tệp này nhiều khả năng bị lỗi khi lưu hoặc đặt nhầm chỗ`),
  'tep-la': () => 'tệp không thuộc loại được đọc ở thư mục này (chỉ .yaml hoặc .csv); xoá hoặc chuyển tệp đi để không bị bỏ sót',
  'thieu-tep': () => 'chưa có tệp ấn bản; chép từ một ấn bản mẫu và sửa theo tổ chức của mình',
  'nhap-do-dang': () => 'một lần nhập biểu mẫu bị ngắt khi đang ghi các tệp số liệu; chạy "npm run import:form -- --hoan-tat" để ghi nốt (hoặc trả lại như cũ) trước khi kiểm tra hay dựng trang',
  /** The scope's slug taken by a unit (`unitFile`), or (`reserved`) by the whole site's files. */
  'ma-pham-vi-trung': (v: { slug: string; unitFile: string } | { slug: string; reserved: true }) =>
    'reserved' in v
      ? `mã phạm vi "${v.slug}" trùng tên các tệp chung của cả trang (/lich/${v.slug}.ics, /so-lieu/${v.slug}.csv); hãy chọn mã khác, thường là \`word\` viết không dấu`
      : `mã phạm vi "${v.slug}" trùng mã đơn vị ${v.unitFile}: dự thảo báo cáo và biểu mẫu chung của cả tổ chức sẽ thay mất của đơn vị đó; hãy chọn mã khác, thường là \`word\` viết không dấu`,
  'lien-ket-noi-bo': () => 'liên kết trỏ tới văn bản không có trên trang',
  'neo-lich': (v: { id: string; anchor: string }) => `mốc "${v.id}" trỏ tới neo "${v.anchor}" không có trong văn bản`,
  ...FORM_MESSAGES,
} as const satisfies Partial<Record<RuleId, (values: never) => string>>;

export type WordedRule = keyof typeof MESSAGES;
export type MessageValues<R extends WordedRule> = Parameters<(typeof MESSAGES)[R]> extends [] ? Record<string, never> : Parameters<(typeof MESSAGES)[R]>[0];

/** The message of rule `rule` with these values. */
export function messageOf<R extends WordedRule>(rule: R, values: MessageValues<R>): string {
  return (MESSAGES[rule] as (v: MessageValues<R>) => string)(values);
}

/** A problem of rule `rule` at `where` (file, line, field…), its message written by the catalogue. */
export function problem<R extends WordedRule, W extends Omit<Problem, 'rule' | 'message'>>(rule: R, values: MessageValues<R>, where: W): W & { rule: R; message: string } {
  return { ...where, rule, message: messageOf(rule, values) };
}
