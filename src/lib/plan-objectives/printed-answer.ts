import data20212023 from '$lib/taxonomy/data/2021-2023.json' with { type: 'json' };
import data20252027 from '$lib/taxonomy/data/2025-2027.json' with { type: 'json' };
import type { FieldValue, TemplateField } from '$lib/objectives/objective-template';
import { fieldChoices, isTextType } from './template-form';

/**
 * What a plan's document prints for an objective's field (SPEC PO5, PO6): the
 * template's own words for a choice (never an internal code such as
 * `IN_CONTINUITA`), and the imported plan's answer as it printed it when there is
 * one — marks included («SI*», «Sì, è trasversale all'Area …», a co-progettato
 * answer without Sì/No). Every rendering (DOCX, XLSX, CSV) prints through here.
 */

/** Where a field's footnote is kept in `verbatim`: `<field key>.footnote`, the note printed under the grid. */
export const FOOTNOTE_SUFFIX = '.footnote';
export const footnoteKey = (fieldKey: string) => `${fieldKey}${FOOTNOTE_SUFFIX}`;

/** The template field a `verbatim` key belongs to: the key itself, or the field of a footnote. */
export const verbatimField = (key: string) =>
	key.endsWith(FOOTNOTE_SUFFIX) ? key.slice(0, -FOOTNOTE_SUFFIX.length) : key;

/**
 * The 2021-2023 form prints its answers as words ("Sì", "Obiettivo in continuità")
 * that Tavoli stores as codes; the domain file lists the printed words in the
 * order of the codes the template offers.
 */
const printedWords20212023 = new Map(
	data20212023.objectiveTemplate.fields
		.filter((f): f is typeof f & { values: string[] } => 'values' in f && Array.isArray(f.values))
		.map((f) => [f.key, f.values])
);

/** The template's printed words for a stored choice; the choice itself when it has none. */
export function choiceLabel(version: string, field: TemplateField, value: string): string {
	if (version !== '2021-2023') return value;
	const words = printedWords20212023.get(field.key);
	const codes = fieldChoices(field.type, field.values);
	const at = codes.indexOf(value);
	return words && words.length === codes.length && at >= 0 ? words[at]! : value;
}

/** A printed cell's text without the converter's tags, radio markers and bullets. */
export function plainPrinted(verbatim: string): string {
	return verbatim
		.replace(/<[^>]+>/g, ' ')
		.replace(/[☉⊙○◉➢]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A field's value as a cell prints it: lists one item a line, choices in the template's words. */
export function printedValue(
	version: string,
	field: TemplateField,
	value: FieldValue | undefined,
	verbatim?: string
): string {
	if (isTextType(field.type)) {
		if (value === null || value === undefined) return verbatim ? plainPrinted(verbatim) : '';
		return Array.isArray(value) ? value.join('\n') : value;
	}
	// A choice the source printed keeps its printed words: the mark, the areas named, the partners.
	const printed = verbatim ? plainPrinted(verbatim) : '';
	if (printed) return printed;
	if (value === null || value === undefined) return '';
	const values = Array.isArray(value) ? value : [value];
	return values.map((v) => choiceLabel(version, field, v)).join(', ');
}

/** The footnotes printed under an objective's grid, once each, in the template's order. */
export function footnotes(
	fields: readonly Pick<TemplateField, 'key'>[],
	verbatim: Readonly<Record<string, string>>
): string[] {
	const notes = fields.map((f) => verbatim[footnoteKey(f.key)]).filter((n): n is string => !!n);
	return [...new Set(notes)];
}

/** A choice read back from a cell: the stored value, and the cell's own words when they say more. */
export interface ReadChoice {
	value: FieldValue;
	/** Kept as the field's verbatim text: a mark (SI*), a sentence around the answer. */
	printed?: string;
}

const bare = (text: string) =>
	text
		.toLowerCase()
		.replace(/[\s.;:*]+$/, '')
		.trim();

/** Spellings a plan printed for a choice, by field: «SERVIZIO GIÀ ESISTENTE» is «… PRESENTE». */
const variants20252027 = new Map(
	data20252027.objectiveTemplate.fields.flatMap((f) =>
		'valueVariants' in f && Array.isArray(f.valueVariants)
			? [[f.key, new Map(f.valueVariants.map((v) => [bare(v.text), v.normalized]))] as const]
			: []
	)
);

/**
 * The inverse of printedValue for a spreadsheet cell (SPEC PO6): the code a
 * choice's words stand for, whether the cell holds the code (`IN_CONTINUITA`),
 * the template's words (`Obiettivo in continuità.`), a mark (`SI*`) or a
 * sentence that opens with the answer (`Sì, è trasversale all'Area …`), so an
 * exported sheet imports back with nothing lost. A 2021-2023 answer in prose
 * without Sì/No (a co-progettato answer naming the partners), and «n/d» where the
 * template offers no such answer, keep their text with no value; a spelling the
 * plan printed for a choice («SERVIZIO GIÀ ESISTENTE») is that choice. Anything else comes back upper-cased, for the template check to
 * refuse by name.
 */
export function readChoice(version: string, field: TemplateField, cell: string): ReadChoice {
	const text = plainPrinted(cell);
	const codes = fieldChoices(field.type, field.values);
	const variants = version === '2025-2027' ? variants20252027.get(field.key) : undefined;
	const codeOf = (part: string) =>
		codes.find(
			(c) => bare(c) === bare(part) || bare(choiceLabel(version, field, c)) === bare(part)
		) ?? variants?.get(bare(part));
	const withText = (value: FieldValue): ReadChoice => {
		const plain = Array.isArray(value) ? value.join(', ') : value;
		return text === plain ? { value } : { value, printed: cell.trim() };
	};
	// «n/d» is an answer only where the template offers it; elsewhere no answer, as printed.
	if (['n/d', 'nd'].includes(bare(text)))
		return codes.includes('n/d') ? { value: 'n/d' } : { value: null, printed: cell.trim() };
	if (field.type === 'enumSet') {
		const parts = text.split(/\s*[,;/]\s*/).filter(Boolean);
		const found = parts.map(codeOf);
		return found.every((c) => c !== undefined)
			? withText(found as string[])
			: { value: parts.map((p) => p.toUpperCase()) };
	}
	const whole = codeOf(text);
	if (whole !== undefined) return withText(whole);
	const opening = /^(sì|si|no)(?=$|[\s,.;:*!-])/i.exec(text);
	const answer = opening ? codeOf(opening[1]!) : undefined;
	if (answer !== undefined) return withText(answer);
	if (version === '2021-2023' && field.type === 'siNo' && text) return withText(null);
	return { value: text.toUpperCase() };
}
