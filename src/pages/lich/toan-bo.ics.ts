import type { APIRoute } from 'astro';
import { calendarFor, timeline } from '../../data/calendars';

/** Every dated task of every document, for any officer's calendar. */
export const GET: APIRoute = async ({ site }) =>
  new Response(calendarFor(await timeline(), site), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
