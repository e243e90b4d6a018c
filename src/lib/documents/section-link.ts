// The accessible name of a heading's "§" link: it names the section, so a screen-reader user
// hearing the list of links knows which section each one leads to.
import { decodeEntities } from '../text/html-entities.ts';

/** The text of a heading's rendered HTML: tags dropped (a <br> is a space), entities decoded, spaces collapsed. */
export function headingText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

export function sectionLinkLabel(html: string): string {
  const text = headingText(html);
  return text ? `Liên kết đến mục: ${text}` : 'Liên kết đến mục này';
}

/** An attribute value escaped as Astro escapes it (`&` and `"`), so the page is unchanged byte for byte. */
function attribute(value: string): string {
  return value.includes('&') || value.includes('"') ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : value;
}

// A heading of the rendered text: MDX gives each one its id and nothing else (the anchors plugin).
const HEADING = /<h([234]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;

/**
 * The rendered text of a document with a plain "§" link at the end of each h2–h4 that has an id,
 * so a reader can copy the section's address (long-press or right-click) with no JavaScript.
 * Ignored by search, hidden in print (global.css). Added to the page's HTML once, rather than by an
 * MDX component per heading (two component renders each) or by a Markdown
 * plugin (which wrote the link into every compiled document and cost the bundler 8 s and about
 * 550 MB on the 10,000-document benchmark; docs/benchmarks.md).
 */
export function addSectionLinks(html: string): string {
  return html.replace(HEADING, (_whole, level: string, id: string, content: string) => {
    const label = sectionLinkLabel(content);
    const link = `<a class="section-link" href="#${id}" aria-label="${attribute(label)}" title="${attribute(`${label} (nhấn giữ hoặc chuột phải để sao chép địa chỉ)`)}" data-pagefind-ignore>§</a>`;
    return `<h${level} id="${id}">${content}${link}</h${level}>`;
  });
}
