// The timeline as a page lists it: each entry with its link to the source (in the page on the
// document's own page) and, with the "Việc của đơn vị tôi" choices, the classes the stylesheet
// shows or hides it by. The home page and the document pages render this.
import { routes } from '../site/routes.ts';
import type { TimelineEntry } from '../documents/schedule.ts';
import type { TimelineFilter } from '../documents/unit-tasks.ts';

export interface TimelineView {
  /** The choices, when the list is filterable. */
  filters?: TimelineFilter[];
  items: (Pick<TimelineEntry, 'id' | 'datetime' | 'label' | 'task' | 'who' | 'documentTitle' | 'asIssued' | 'editorNote'> & {
    href: string;
    /** viec-<key> and loc-<position> of each choice the entry falls to; absent without choices. */
    classes?: string[] | undefined;
  })[];
}

export function timelineView(
  entries: readonly TimelineEntry[],
  options: { currentDocumentId?: string; filter?: { filters: TimelineFilter[]; keysOf: Map<string, string[]> } } = {},
): TimelineView {
  const { currentDocumentId, filter } = options;
  const positions = new Map(filter?.filters.map((f) => [f.key, f.position]));
  return {
    ...(filter ? { filters: filter.filters } : {}),
    items: entries.map((entry) => ({
      id: entry.id,
      datetime: entry.datetime,
      label: entry.label,
      task: entry.task,
      who: entry.who,
      documentTitle: entry.documentTitle,
      asIssued: entry.asIssued,
      editorNote: entry.editorNote,
      href: entry.documentId === currentDocumentId ? `#${entry.anchor}` : routes.document(entry.documentId, entry.anchor),
      classes: filter?.keysOf.get(entry.id)?.flatMap((key) => [`viec-${key}`, `loc-${positions.get(key)}`]),
    })),
  };
}
