import { nameKey } from '$lib/forms/name-key';

/**
 * Which plan objective a tavolo's proposal most likely belongs to (SPEC PO2b):
 * the inbox preselects it in the "Unisci…" list, the UdP still chooses. Pure.
 */
export interface Comparable {
	title: string;
	/** Macro-area codes ("A", "F"...). */
	macroAreas: readonly string[];
}

/** Italian words differ in their endings ("anziano", "anziani"): six letters are the stem. */
const STEM_LENGTH = 6;
// Words that say nothing about what an objective is about, as stems.
const stopStems = new Set(
	(
		'all dall dell nell sull alla alle agli dalla dalle dagli della delle degli dello nella nelle negli nello sulla ' +
		'sulle sugli con per tra fra che non piu come anche loro sono una uno del dei dal nel nei ' +
		'sul sui gli interventi potenziamento rafforzamento promozione sviluppo attivazione ' +
		'promuovere sostenere consolidare favorire facilitare incrementare migliorare ampliare ' +
		'implementare contrastare garantire rafforzare sviluppare'
	)
		.split(' ')
		.map((w) => w.slice(0, STEM_LENGTH))
);
/** The title says more than the macro-areas, which many objectives share. */
const TITLE_WEIGHT = 0.75;

function stems(title: string): Set<string> {
	return new Set(
		nameKey(title)
			.split(' ')
			.filter((w) => w.length > 2)
			.map((w) => w.slice(0, STEM_LENGTH))
			.filter((w) => !stopStems.has(w))
	);
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	let shared = 0;
	for (const x of a) if (b.has(x)) shared++;
	return shared;
}

/** Words: how much of the shorter title the other holds (plan titles run long). */
function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 || b.size === 0) return 0;
	return sharedCount(a, b) / Math.min(a.size, b.size);
}

/** Macro-areas: shared ÷ both together. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 || b.size === 0) return 0;
	const shared = sharedCount(a, b);
	return shared / (a.size + b.size - shared);
}

/** How alike two objectives are, from 0 (nothing shared) to 1. */
export function similarity(a: Comparable, b: Comparable): number {
	const titles = containment(stems(a.title), stems(b.title));
	const areas = jaccard(new Set(a.macroAreas), new Set(b.macroAreas));
	return TITLE_WEIGHT * titles + (1 - TITLE_WEIGHT) * areas;
}

/**
 * The id of the objective most like the proposal; among equals the first in
 * the list (the lowest number). Null when none shares a word or a macro-area:
 * then nothing is preselected and the UdP must choose.
 */
export function suggestMergeTarget<T extends Comparable & { id: number }>(
	proposal: Comparable,
	objectives: readonly T[]
): number | null {
	let best: { id: number; score: number } | null = null;
	for (const objective of objectives) {
		const score = similarity(proposal, objective);
		if (score > 0 && (!best || score > best.score)) best = { id: objective.id, score };
	}
	return best?.id ?? null;
}
