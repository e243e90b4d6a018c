// Site-wide facts shown in the header, footer, metadata and the report kit: all from the edition
// file (content/cau-hinh.yaml), so another organisation's edition renames them in one place.
import { loadEdition } from '../edition/load.ts';
import { upperFirst } from '../text/vietnamese.ts';

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
  /** The place of a document's "…, ngày … tháng … năm …" line. */
  place: edition.organisation.place,
  /** The congress as the documents name it, as in "thực hiện Nghị quyết …". */
  congress: edition.congress.name,
  /** The word for the whole, its capitalised form (first letter) and its file name. */
  scope: { word: edition.organisation.scope.word, label: upperFirst(edition.organisation.scope.word), slug: edition.organisation.scope.slug },
  /** Ids of the plan and of the report outline in content/van-ban/. */
  plan: edition.review.plan,
  outline: edition.review.outline,
  /** The evaluated years and the last month evaluated (YYYY-MM). */
  evaluation: edition.review.evaluation,
  /** The edition's vocabularies: kinds of unit, units of measure, indicator groups, programme levels. */
  vocabularies: edition.vocabularies,
} as const;


/** Number formatting for every figure the site shows. */
export const numberFormat = new Intl.NumberFormat('vi-VN');
