import { tick } from 'svelte';

/**
 * Where the keyboard focus goes after an action re-drew the page (issue 13).
 * A pressed button that a re-render removes or disables leaves the focus on the
 * page's body, and the next Tab starts again from the top of a board of thirty
 * cards; these functions put it somewhere meaningful instead.
 */

/** True while the focus is in a text field, a select or an editable region: someone is typing. */
export function isTyping(): boolean {
	const active = document.activeElement;
	return !!active?.closest(
		'input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"]), textarea, select, [contenteditable]:not([contenteditable="false"])'
	);
}

/**
 * After Svelte applies the pending changes, focuses the first element of `ids`
 * that exists (see focusFirst), so a caller may name fallbacks after the target.
 * It never takes the focus from someone who moved on meanwhile: it acts only while
 * the focus is on the body, or still on `from` (the control that started the
 * action). False when it did nothing.
 */
export async function focusAfterUpdate(
	ids: string | readonly (string | null)[],
	from?: Element | null
): Promise<boolean> {
	await tick();
	const active = document.activeElement;
	const lost = !active || active === document.body;
	if (!lost && !(from && active === from)) return false;
	return focusFirst(typeof ids === 'string' ? [ids] : ids);
}

/**
 * Focuses the first element of `ids` that exists and takes the focus (one hidden
 * or disabled does not); null entries are skipped. False when none did.
 */
export function focusFirst(ids: readonly (string | null)[]): boolean {
	for (const id of ids) {
		const element = id ? document.getElementById(id) : null;
		if (!element) continue;
		element.focus();
		if (document.activeElement === element) return true;
	}
	return false;
}

/**
 * The id of the element after `element` among those matching `selector` (the
 * previous one at the end), for the focus to land on after `element` goes away.
 */
export function neighbourId(element: Element | null, selector: string): string | null {
	if (!element) return null;
	const all = [...document.querySelectorAll(selector)];
	const at = all.indexOf(element);
	if (at < 0) return null;
	return (all[at + 1] ?? all[at - 1])?.id || null;
}
