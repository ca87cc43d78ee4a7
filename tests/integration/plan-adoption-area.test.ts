import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setObjectivePart } from '$lib/objectives/objective-doc';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import { getPlanObjective } from '$lib/plan-objectives/plan-inbox.server';
import { decideOnCard } from '$lib/plan-objectives/plan-objective-commands.server';
import { tavoloPolicyAreas } from '$lib/tavolo/tavolo.schema';
import { submittedOutcome } from './plan-outcome';
import { removeDir, startTestServer, type TestServer } from './sync-server';

/**
 * [PO2a] An adopted objective keeps the policy area of its tavolo, on the demo's
 * Domiciliarità tavolo: two areas, "Politiche per la terza età" (macro-area E)
 * and "Domiciliarità" (D, E).
 */
let server: TestServer;
let outcomeId: number;
let planId: number;
let tavoloId: number;
let udp: number;
let cardOf: (text: string) => string;
const macroAreas: Record<string, string[]> = {
	'Anziani soli la sera': ['E'],
	'Assistenza a casa': ['D', 'E'],
	'Nessuna macroarea': [],
	'Ancora anziani soli': ['E']
};

beforeAll(async () => {
	server = await startTestServer();
	({ outcomeId, planId, tavoloId, udp, cardOf } = submittedOutcome(
		server,
		Object.keys(macroAreas),
		(doc, objectiveOf) => {
			for (const [text, codes] of Object.entries(macroAreas))
				setObjectivePart(doc, objectiveOf(text), 'macroAreas', codes);
		}
	));
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

function adopt(text: string): string | null {
	const { db } = server.services;
	const result = decideOnCard(
		db,
		outcomeId,
		cardOf(text),
		{ decision: 'adopted', reason: '' },
		udp,
		1
	);
	if (!result.ok) throw new Error(result.reason);
	const objective = getPlanObjective(db, planId, result.value.planObjectiveId!)!;
	const areas = listPolicyAreas(db, planId);
	return areas.find((a) => a.id === objective.policyAreaId)?.name ?? null;
}

describe('[PO2a] the policy area of an adopted objective', () => {
	it('of a tavolo with several areas: the one the card’s macro-areas match', () => {
		expect(adopt('Anziani soli la sera')).toBe('Politiche per la terza età');
		expect(adopt('Assistenza a casa')).toBe('Domiciliarità');
	});

	it('of a tavolo with several areas, a card naming no macro-area: none, the UdP picks', () => {
		expect(adopt('Nessuna macroarea')).toBeNull();
	});

	it('of a tavolo with one area: that one', () => {
		const { db } = server.services;
		const domiciliarita = listPolicyAreas(db, planId).find((a) => a.name === 'Domiciliarità')!;
		db.delete(tavoloPolicyAreas).where(eq(tavoloPolicyAreas.tavoloId, tavoloId)).run();
		db.insert(tavoloPolicyAreas).values({ tavoloId, policyAreaId: domiciliarita.id }).run();
		expect(adopt('Ancora anziani soli')).toBe('Domiciliarità');
	});
});
