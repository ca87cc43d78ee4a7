import type { Attachment } from 'svelte/attachments';
import { largestFitting, MIN_TYPE_PX } from './projector';

/**
 * The projector's fit step (issue 13): the box gets the largest type size, in
 * `--fit`, at which its content fits without scrolling; past the smallest, it
 * tries again `compact` (details such as authors hidden); past that, the items
 * (`data-fit-item`) that do not fit are hidden, and `onfit` says how many were
 * shown, so the view can turn to the next page. Groups (`data-fit-group`) that
 * start outside the box are hidden with them. Runs again when the box is resized
 * or its content changes.
 */
export interface FitOutcome {
	size: number;
	compact: boolean;
	/** Items shown, counted from the first; `total` when all fit. */
	shown: number;
	total: number;
}

export interface FitOptions {
	max: number;
	min?: number;
	onfit?: (outcome: FitOutcome) => void;
}

export function fitToBox(options: FitOptions): Attachment<HTMLElement> {
	return (box) => {
		let frame = 0;
		const run = () => {
			cancelAnimationFrame(frame);
			// A hidden tab or box has no size: nothing to fit, and no reason to turn pages.
			frame = requestAnimationFrame(() => {
				if (box.clientWidth && box.clientHeight) options.onfit?.(fit(box, options));
			});
		};
		const resized = new ResizeObserver(run);
		resized.observe(box);
		// Content only: the fit step itself changes attributes, never children or text.
		const changed = new MutationObserver(run);
		changed.observe(box, { childList: true, subtree: true, characterData: true });
		void document.fonts?.ready.then(run);
		run();
		return () => {
			cancelAnimationFrame(frame);
			resized.disconnect();
			changed.disconnect();
		};
	};
}

function fit(box: HTMLElement, { max, min = MIN_TYPE_PX }: FitOptions): FitOutcome {
	const items = [...box.querySelectorAll<HTMLElement>('[data-fit-item]')];
	const groups = [...box.querySelectorAll<HTMLElement>('[data-fit-group]')];
	for (const el of [...items, ...groups]) el.hidden = false;
	const fitsAt = (px: number, compact: boolean) => {
		box.style.setProperty('--fit', `${px}px`);
		box.classList.toggle('compact', compact);
		return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
	};
	for (const compact of [false, true]) {
		const size = largestFitting(min, max, (px) => fitsAt(px, compact));
		if (size !== null) {
			fitsAt(size, compact);
			return { size, compact, shown: items.length, total: items.length };
		}
	}
	fitsAt(min, true);
	const edge = box.getBoundingClientRect();
	const outside = (r: DOMRect) => r.right > edge.right + 1 || r.bottom > edge.bottom + 1;
	const startsOutside = (r: DOMRect) => r.left >= edge.right - 1 || r.top >= edge.bottom - 1;
	const first = items.findIndex((el) => outside(el.getBoundingClientRect()));
	const shown = first === -1 ? items.length : Math.max(1, first);
	const lateGroups = groups.filter((g) => startsOutside(g.getBoundingClientRect()));
	for (const el of [...items.slice(shown), ...lateGroups]) el.hidden = true;
	return { size: min, compact: true, shown, total: items.length };
}
