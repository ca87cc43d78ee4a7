import type { FieldValue, TemplateField } from '$lib/objectives/objective-template';
import { isTextType } from './template-form';

const isEmpty = (v: FieldValue | undefined) =>
	v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '');

/**
 * The starting point of the side-by-side merge editor (SPEC PO2): texts are
 * joined (the plan's first, the tavolo's after), a choice keeps the plan's
 * answer unless it has none, sets are united. The UdP edits from there.
 */
export function proposeMerge(
	fields: readonly TemplateField[],
	current: Record<string, FieldValue>,
	proposal: Record<string, FieldValue>
): Record<string, FieldValue> {
	const merged: Record<string, FieldValue> = {};
	for (const f of fields) {
		const a = current[f.key] ?? null;
		const b = proposal[f.key] ?? null;
		if (isEmpty(b) || JSON.stringify(a) === JSON.stringify(b)) merged[f.key] = a;
		else if (isEmpty(a)) merged[f.key] = b;
		else if (f.type === 'enumSet')
			merged[f.key] = [...new Set([...(a as string[]), ...(b as string[])])];
		else if (isTextType(f.type)) merged[f.key] = `${a}\n\n${b}`;
		else merged[f.key] = a;
	}
	return merged;
}
