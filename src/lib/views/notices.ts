// The office's notices (content/thong-bao/) and the Atom feed of what is new or changed: which
// notices are current on the day of the build, the list page's entries newest first, and the
// feed's entries — documents by their last change, notices by their date — with absolute links.
// The feed's XML is written by the `feed` library (Atom 1.0), not by hand.
import { Feed } from 'feed';
import { routes } from '../site/routes.ts';
import { formatPartialDate, mustParsePartialDate } from '../documents/dates.ts';
import { docTypeLabels, type Notice } from '../documents/content-schemas.ts';

export interface NoticeLike {
  id: string;
  data: Notice;
}

/** A notice is current from its date to its `until`, both days included (YYYY-MM-DD compare as text). */
export function isCurrent(notice: Notice, today: string): boolean {
  return notice.date <= today && (notice.until === undefined || today <= notice.until);
}

/**
 * The day of the build in Vietnam (UTC+7), YYYY-MM-DD: the home page shows the notices current on
 * that day, until the next build. SOKET_TODAY (YYYY-MM-DD) sets it, for tests and for a build
 * prepared ahead of its publication day.
 */
export function buildDay(env: Readonly<Record<string, string | undefined>> = process.env, now = new Date()): string {
  const set = env.SOKET_TODAY;
  if (set !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(set)) throw new Error(`SOKET_TODAY phải có dạng YYYY-MM-DD (đang là "${set}")`);
    return set;
  }
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export interface NoticeView {
  id: string;
  title: string;
  /** dd/mm/yyyy. */
  date: string;
  iso: string;
  /** "Hiện ở trang chủ đến hết ngày dd/mm/yyyy", or null without `until`. */
  until: string | null;
  current: boolean;
  href: string;
  document: { href: string; title: string } | null;
}

const day = (iso: string) => formatPartialDate(mustParsePartialDate(iso));

/** Newest first; on one day, by title. */
export function noticeViews(notices: readonly NoticeLike[], today: string, documentTitle: (id: string) => string | undefined): NoticeView[] {
  return [...notices]
    .sort((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.data.title.localeCompare(b.data.title, 'vi')))
    .map((n) => {
      const title = n.data.document ? documentTitle(n.data.document) : undefined;
      return {
        id: n.id,
        title: n.data.title,
        date: day(n.data.date),
        iso: n.data.date,
        until: n.data.until ? `Hiện ở trang chủ đến hết ngày ${day(n.data.until)}` : null,
        current: isCurrent(n.data, today),
        href: routes.notices(n.id),
        document: n.data.document && title ? { href: routes.document(n.data.document), title } : null,
      };
    });
}

export interface FeedDocument {
  id: string;
  title: string;
  /** The document's issue date (YYYY-MM-DD or YYYY-MM), when it has one. */
  issueDate?: string;
  /** Its content file's last commit day (YYYY-MM-DD), when git knows it. */
  updated?: string;
  summary: string;
}

export interface FeedInput {
  /** The site's address, without a trailing slash: every link of the feed is absolute. */
  siteUrl: string;
  title: string;
  publisher: string;
  documents: readonly FeedDocument[];
  notices: readonly (NoticeLike & { updated?: string; summary: string })[];
}

interface Entry { title: string; link: string; published: string; updated: string; summary: string; category: string }

/** A notice's Markdown as one plain line for the feed's summary: links keep their words, marks go. */
export function plainSummary(markdown: string, max = 300): string {
  const text = markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A document in the feed: "Kế hoạch số 56/KH-LĐLĐ: <title>". */
export function documentFeedEntry(d: { id: string; data: { title: string; docType: keyof typeof docTypeLabels; number?: string | undefined; issueDate?: string | undefined } }, updated: string | undefined): FeedDocument {
  const kind = docTypeLabels[d.data.docType];
  return {
    id: d.id,
    title: d.data.title,
    ...(d.data.issueDate ? { issueDate: d.data.issueDate } : {}),
    ...(updated ? { updated } : {}),
    // "Công văn …" says its kind already; "Kế hoạch sơ kết …" too.
    summary: `${d.data.number ? `${kind} số ${d.data.number}: ` : d.data.title.startsWith(kind) ? '' : `${kind}: `}${d.data.title}`,
  };
}

/** A day as the feed's timestamp: midnight in Vietnam. */
const stamp = (iso: string) => new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00+07:00`);

/**
 * How many entries the feed holds: the most recently changed. A reader polls the feed for what is
 * new; 10,000 documents would make every poll download megabytes of old entries (and the build
 * write them), while the document list stays the place to see everything.
 */
export const FEED_LIMIT = 50;

/** The feed's entries, most recently changed first: documents and notices, the newest `limit`. */
export function feedEntries(input: FeedInput, limit = FEED_LIMIT): Entry[] {
  const absolute = (path: string) => new URL(path, `${input.siteUrl}/`).href;
  const documents = input.documents.map((d): Entry => {
    const published = d.issueDate ?? d.updated ?? '1970-01-01';
    const updated = d.updated && d.updated > published ? d.updated : published;
    return { title: d.title, link: absolute(routes.document(d.id)), published, updated, summary: d.summary, category: 'Văn bản' };
  });
  const notices = input.notices.map((n): Entry => ({
    title: n.data.title,
    link: absolute(routes.notices(n.id)),
    published: n.data.date,
    updated: n.updated && n.updated > n.data.date ? n.updated : n.data.date,
    summary: n.summary,
    category: 'Thông báo',
  }));
  return [...documents, ...notices].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.title.localeCompare(b.title, 'vi'))).slice(0, limit);
}

/** The Atom 1.0 document of the feed. */
export function atomFeed(input: FeedInput): string {
  const entries = feedEntries(input);
  const absolute = (path: string) => new URL(path, `${input.siteUrl}/`).href;
  const feed = new Feed({
    id: absolute(routes.feed()),
    title: input.title,
    description: `Văn bản mới, văn bản được sửa và thông báo của ${input.publisher}.`,
    link: absolute(routes.home()),
    language: 'vi',
    feedLinks: { atom: absolute(routes.feed()) },
    author: { name: input.publisher, link: absolute(routes.home()) },
    copyright: input.publisher,
    // The newest entry's day, not the build's: an unchanged site gives an unchanged feed.
    updated: stamp(entries[0]?.updated ?? '1970-01-01'),
    generator: 'congdoan-soket',
  });
  for (const e of entries) {
    feed.addItem({
      title: e.title, id: e.link, link: e.link, date: stamp(e.updated), published: stamp(e.published),
      description: e.summary, category: [{ name: e.category }], author: [{ name: input.publisher }],
    });
  }
  return feed.atom1();
}
