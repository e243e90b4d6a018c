// The form's size limit alone, importing nothing: the check page's first script compares a chosen
// file's size with it and loads the size message (form-limits.ts, worded by the message catalogue)
// only for a file over it, so the page does not carry the catalogue for one message.

/** Forms are a few hundred KB; anything far larger is not a form (and must not be read whole). */
export const MAX_FORM_BYTES = 20 * 1024 * 1024;
