import type { APIRoute } from 'astro';
import { calendarFor, timeline } from '../../data/calendars';
import { indicatorData } from '../../data/indicators';

export function getStaticPaths() {
  return indicatorData().dataset.units.map((unit) => ({ params: { unit: unit.id } }));
}

/** The tasks that fall to one unit (schedule entries' appliesTo). */
export const GET: APIRoute = async ({ params, site }) =>
  new Response(calendarFor(await timeline(), site, indicatorData().unit(params.unit as string)), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
