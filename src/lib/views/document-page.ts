// What a document's page shows around its text, computed here so that the page only renders it
// (the text itself is the MDX Content the page renders): the header block of the issued
// document, the contents list, the information box, the timeline and the neighbours in reading
// order. Nothing here scans the other documents: the review's timeline and the neighbours come in
// already computed once per build (src/data/navigation.ts), as a 10,000-document site needs.
import type { z } from 'zod';
import { docTypeLabels, statusLabels, type documentSchema } from '../documents/content-schemas.ts';
import { formatPartialDate, mustParsePartialDate } from '../documents/dates.ts';
import { docHeader, type Issuer } from '../documents/doc-header.ts';
import { editorNotes } from '../documents/editor-notes.ts';
import { assertScheduleAnchors, documentAliases, timelineOf } from '../documents/documents.ts';
import { UNKNOWN_UPDATE, type LastUpdated } from '../documents/last-updated.ts';
import type { TimelineEntry } from '../documents/schedule.ts';
import type { Neighbours } from '../documents/sequence.ts';
import { timelineView } from './timeline-view.ts';
import { buildToc, headingLines, type HeadingLike } from '../documents/toc.ts';
import { routes } from '../site/routes.ts';
import { nameCase, sentenceCase } from '../text/vietnamese.ts';

export type DocumentData = z.output<typeof documentSchema>;

export interface DocumentPageInput {
  doc: { id: string; filePath?: string | undefined; body?: string | undefined; data: DocumentData };
  /** The headings Astro collected while rendering the document. */
  headings: readonly HeadingLike[];
  /** The content file's last commit, or null when git cannot say. */
  updated: LastUpdated | null;
  /** The review's whole timeline: the plan's page carries it (its own deadlines and the memo's). */
  reviewTimeline: readonly TimelineEntry[];
  neighbours: Neighbours<{ id: string; title: string }>;
  issuer: Issuer;
  /**
   * The edition's plan and outline (`review.plan`, `review.outline`): only they carry the review's
   * timeline and the report kit. Another document of the same kind (a plan imported from Word)
   * shows its own dates. Absent: decided by the kind, as before there could be two.
   */
  review?: { plan: string; outline: string };
}

const TIMELINE_ANCHOR = 'moc-thoi-gian';

export function documentPageModel(input: DocumentPageInput) {
  const { doc } = input;
  const d = doc.data;
  assertScheduleAnchors({ ...doc, data: d }, input.headings.map((h) => h.slug));
  const typeLabel = docTypeLabels[d.docType];
  const isPlan = input.review ? doc.id === input.review.plan : d.docType === 'ke-hoach';
  const entries = isPlan ? input.reviewTimeline : timelineOf([{ ...doc, data: d }]);
  const timelineTitle = isPlan ? 'Mốc thời gian sơ kết: ai làm gì, khi nào' : 'Mốc thời gian trong văn bản này';
  // Aliases equal to the short name (up to case and diacritics) are shown once.
  const otherNames = documentAliases(d.shortTitle, d.aliases);
  const { previous, next } = input.neighbours;
  return {
    title: d.title,
    description: d.summary,
    pageType: `Văn bản – ${typeLabel}`,
    breadcrumb: [{ label: 'Trang chủ', href: routes.home() }, { label: 'Văn bản', href: routes.documents() }, { label: d.shortTitle }],
    updated: input.updated,
    unknownUpdate: UNKNOWN_UPDATE,
    toc: buildToc([...input.headings], {
      lines: headingLines(doc.body ?? ''),
      extra: entries.length > 0 && input.headings.length > 0 ? [{ slug: TIMELINE_ANCHOR, text: timelineTitle }] : [],
    }),
    /** The outline's page offers the report kit's files. */
    reportKit: input.review ? doc.id === input.review.outline : d.docType === 'de-cuong',
    // A document imported from another body's Word file prints that body's header block.
    header: docHeader(d, d.header ? { parentBody: d.header.parentBody ?? '', name: d.header.issuingBody ?? input.issuer.name, place: d.header.place ?? input.issuer.place } : input.issuer),
    /** The editor's notes, in text order: printed as numbered notes after the document. */
    notes: editorNotes(doc.body ?? ''),
    signature: d.signer || d.recipients.length > 0 ? { signer: d.signer, recipients: d.recipients } : null,
    /** The information box under the text. */
    info: {
      typeLabel,
      shortTitle: d.shortTitle,
      otherNames: otherNames.length > 0 ? otherNames.join('; ') : null,
      number: d.number ?? 'Bản nguồn không ghi số, ký hiệu',
      issuer: d.issuer,
      issueDate: d.issueDate ? formatPartialDate(mustParsePartialDate(d.issueDate)) : 'Bản nguồn không ghi ngày',
      signer: d.signer ? `${sentenceCase(d.signer.position)} ${nameCase(d.signer.name)}` : 'Không có (văn bản kèm theo Kế hoạch)',
      status: statusLabels[d.status],
      summary: d.summary,
    },
    timeline: entries.length > 0 ? { anchor: TIMELINE_ANCHOR, title: timelineTitle, view: timelineView(entries, { currentDocumentId: doc.id }) } : null,
    previous: previous ? { href: routes.document(previous.id), title: previous.title } : null,
    next: next ? { href: routes.document(next.id), title: next.title } : null,
  };
}

export type DocumentPageModel = ReturnType<typeof documentPageModel>;
