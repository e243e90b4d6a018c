// The accessible name of a heading's "§" link: it names the section, so a screen-reader user
// hearing the list of links knows which section each one leads to.

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of a heading's rendered HTML: tags dropped (a <br> is a space), entities decoded, spaces collapsed. */
export function headingText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}

export function sectionLinkLabel(html: string): string {
  const text = headingText(html);
  return text ? `Liên kết đến mục: ${text}` : 'Liên kết đến mục này';
}
