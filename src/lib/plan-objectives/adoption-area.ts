/**
 * The policy area an adopted objective starts in (SPEC PO2a): the area of the
 * tavolo that proposed it. Pure: the caller hands over the tavolo's areas.
 */
export interface TavoloArea {
	id: number;
	/** Macro-area codes the plan maps the area to ("D", "E"...). */
	macroAreas: readonly string[];
}

function overlap(a: ReadonlySet<string>, b: readonly string[]): number {
	const shared = b.filter((x) => a.has(x)).length;
	const union = a.size + b.length - shared;
	return union === 0 ? 0 : shared / union;
}

/**
 * A tavolo with one policy area gives it. With several, the area whose
 * macro-areas are most like the card's (shared ÷ together), when exactly one is
 * best; a tie, a card naming no macro-area or none shared give null, and the
 * UdP picks the area in the objective's form. A tavolo with no area gives null.
 */
export function adoptedPolicyArea(
	tavoloAreas: readonly TavoloArea[],
	cardMacroAreas: readonly string[]
): number | null {
	if (tavoloAreas.length === 1) return tavoloAreas[0]!.id;
	const card = new Set(cardMacroAreas);
	const scored = tavoloAreas
		.map((area) => ({ id: area.id, score: overlap(card, area.macroAreas) }))
		.sort((a, b) => b.score - a.score);
	const [best, second] = scored;
	if (!best || best.score === 0 || best.score === second?.score) return null;
	return best.id;
}
