// The picture a chat app shows for a shared link (og:image): 1200 × 630, drawn at build time
// (src/lib/views/share-draw.ts) with the chart images' canvas and font.
import type { APIRoute } from 'astro';
import { shareImagePng, shareImages } from '../../../data/share-images';
import type { ShareCard } from '../../../lib/views/share-cards';

export async function getStaticPaths() {
  const { cards } = await shareImages();
  return cards.map((card) => ({ params: { name: card.name }, props: { card } }));
}

export const GET: APIRoute = async ({ props }) => {
  const png = await shareImagePng((props as { card: ShareCard }).card);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
