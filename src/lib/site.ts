// Site-wide facts shown in the header, footer and metadata.
export const site = {
  name: 'Sơ kết giữa nhiệm kỳ Đại hội X Công đoàn tỉnh Đồng Nai',
  shortName: 'Sơ kết giữa nhiệm kỳ',
  publisher: 'Liên đoàn Lao động tỉnh Đồng Nai',
  /** The publisher's parent body, printed above it in official header blocks. */
  parentBody: 'Tổng Liên đoàn Lao động Việt Nam',
  /** Where units send their reports ("Nơi nhận" of their drafts). */
  reportRecipient: 'Văn phòng Liên đoàn Lao động tỉnh Đồng Nai',
  description:
    'Kế hoạch, Đề cương báo cáo và văn bản xin ý kiến về sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội X Công đoàn tỉnh Đồng Nai (2018 – 2023).',
} as const;

export const docTypeLabels = {
  'ke-hoach': 'Kế hoạch',
  'de-cuong': 'Đề cương',
  'cong-van': 'Công văn',
} as const;

export const statusLabels = {
  'ban-hanh': 'Đã ban hành',
  'du-thao': 'Dự thảo',
} as const;

/** Number formatting for every figure the site shows. */
export const numberFormat = new Intl.NumberFormat('vi-VN');
