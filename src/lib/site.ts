// Site-wide facts shown in the header, footer, metadata and the report kit: all from the edition
// file (content/cau-hinh.yaml), so another organisation's edition renames them in one place.
import { loadEdition } from './edition/load.ts';

const edition = loadEdition();

export const site = {
  name: edition.review.title,
  shortName: edition.review.shortTitle,
  publisher: edition.organisation.name,
  /** The publisher's parent body, printed above it in official header blocks. */
  parentBody: edition.organisation.parentBody,
  /** Where units send their reports ("Nơi nhận" of their drafts). */
  reportRecipient: edition.organisation.reportRecipient,
  description: edition.review.description,
  url: edition.site.url,
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
