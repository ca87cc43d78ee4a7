/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
 * presentation forms): a name written in them, set into an Italian line, pulls
 * the punctuation around it (" · ", «») to the wrong side.
 */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

/**
 * Text people named (a tavolo, a plan, an incontro) set into a line of ours:
 * wrapped in first-strong isolates (FSI…PDI) when it holds right-to-left
 * letters, as `<bdi>` would in HTML, so a DOCX or a plain-text line keeps its
 * order too. Left-to-right text comes back unchanged.
 */
export function isolated(text: string): string {
	return RTL.test(text) ? `\u2068${text}\u2069` : text;
}
