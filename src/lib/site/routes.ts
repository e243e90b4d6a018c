// Every address of the site, built in one place: pages, components, the calendar and the Word
// drafts link through these functions, so a route renamed here is renamed everywhere, and
// tests/routes.test.ts keeps pages and components from writing an internal address by hand.
// Each function returns a root-relative path ending in "/" for a page, or the file's name.

const fragment = (anchor?: string) => (anchor ? `#${anchor}` : '');

export const routes = {
  home: (anchor?: string) => `/${fragment(anchor)}`,
  search: () => '/tim-kiem/',

  documents: () => '/van-ban/',
  document: (id: string, anchor?: string) => `/van-ban/${id}/${fragment(anchor)}`,
  programmes: () => '/chuong-trinh/',
  programme: (id: string) => `/chuong-trinh/${id}/`,
  /** Every place citing a published programme. */
  programmeCitations: (id: string) => `/chuong-trinh/${id}/dan-chieu/`,
  /** The register of cited documents, at a row when given. */
  citationRegister: (rowId?: string) => `/van-ban-dan-chieu/${fragment(rowId)}`,
  /** Every place citing one register row, by the row's slug (citation-register.ts registerListSlug). */
  citationList: (slug: string) => `/van-ban-dan-chieu/${slug}/`,

  indicators: () => '/chi-tieu/',
  indicator: (id: string, anchor?: string) => `/chi-tieu/${id}/${fragment(anchor)}`,
  indicatorSummaryCsv: (id: string) => `/chi-tieu/${id}/tong-hop.csv`,
  indicatorRowsCsv: (id: string) => `/chi-tieu/${id}/so-lieu-goc.csv`,
  allRowsCsv: () => '/so-lieu/toan-bo.csv',
  /** Every published figure, target and indicator's metadata as a Frictionless Data Package. */
  dataPackage: () => '/so-lieu/goi-du-lieu.zip',
  /** Folder of the pictures shown when a page is shared (og:image): `${shareImages()}<name>.png`. */
  shareImages: () => '/tai-ve/chia-se/',
  /** Folder of the chart PNGs; one image is `${chartImages()}<indicator>-<chart>.png`. */
  chartImages: () => '/tai-ve/bieu-do/',

  units: () => '/don-vi/',
  unit: (id: string, anchor?: string) => `/don-vi/${id}/${fragment(anchor)}`,
  unitRowsCsv: (id: string) => `/don-vi/${id}/so-lieu.csv`,

  reporting: (anchor?: string) => `/tinh-hinh-bao-cao/${fragment(anchor)}`,
  /** The office's notices, at one notice when given. */
  notices: (id?: string) => `/thong-bao/${fragment(id)}`,
  /** The Atom feed of new and changed documents and notices. */
  feed: () => '/thong-bao/atom.xml',
  /** Every unit's progress against its own targets. */
  progress: (anchor?: string) => `/tien-do/${fragment(anchor)}`,
  reportingMissingCsv: () => '/tinh-hinh-bao-cao/con-thieu.csv',
  /** The form check, with its unit chosen when given. */
  formCheck: (unitId?: string) => `/kiem-tra-bieu-mau/${unitId ? `?don-vi=${encodeURIComponent(unitId)}` : ''}`,
  formCheckData: () => '/kiem-tra-bieu-mau/du-lieu.json',

  /** Every schedule entry (unitId absent), or the entries that fall to one unit. */
  calendar: (unitId?: string) => `/lich/${unitId ?? 'toan-bo'}.ics`,
  outlineTemplate: () => '/tai-ve/de-cuong-bao-cao.docx',
  /** A unit's draft report, or the whole edition's (named after the edition's scope, organisation.scope.slug). */
  draftReport: (unitId: string) => `/tai-ve/bao-cao/${unitId}.docx`,
  /** A unit's prefilled form, or the blank one (named after the edition's scope, organisation.scope.slug). */
  form: (unitId: string, format: 'xlsx' | 'csv') => `/tai-ve/bieu-mau/${unitId}.${format}`,

  /** The page a reader offline gets for anything the service worker has not kept (src/lib/site/offline.ts). */
  offline: () => '/ngoai-tuyen/',
  /** The site's service worker, at the root so that its scope is the whole site. */
  serviceWorker: () => '/sw.js',
  /** The web app manifest (installing the site on a phone). */
  webManifest: () => '/manifest.webmanifest',
  /** An icon of the installed site: `app-<size>` or `app-<size>-maskable` (src/lib/site/app-icon.ts). */
  appIcon: (name: string) => `/bieu-tuong/${name}.png`,
} as const;
