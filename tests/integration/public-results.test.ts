import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance } from '$lib/attendance/attendance.schema';
import { users } from '$lib/auth/auth.schema';
import { people } from '$lib/directory/directory.schema';
import { publicResults, publicResultsTable } from '$lib/monitoring/public-results.server';
import { publishedPlanId, setPublished } from '$lib/monitoring/publication.server';
import { setObjectiveText } from '$lib/objectives/objective-doc';
import { decideOnCard } from '$lib/plan-objectives/plan-objective-commands.server';
import { tableCsv } from '$lib/plan-objectives/plan-documents.server';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { eq } from 'drizzle-orm';
import { submittedOutcome } from './plan-outcome';
import { removeDir, startTestServer, type TestServer } from './sync-server';

/** [M13] The public results of the demo plan: the tavoli a card came from, and nobody. */
let server: TestServer;
let planId: number;
let tavoloName: string;

beforeAll(async () => {
	server = await startTestServer();
	const texts = ['Anziani soli a casa'];
	const outcome = submittedOutcome(server, texts, (doc, objectiveOf) =>
		setObjectiveText(doc, objectiveOf(texts[0]!), 'objectives', 'Custodia sociale serale')
	);
	const { db } = server.services;
	const adopted = decideOnCard(
		db,
		outcome.outcomeId,
		outcome.cards[0]!,
		{ decision: 'adopted', reason: '' },
		outcome.udp,
		1
	);
	expect(adopted.ok).toBe(true);
	planId = outcome.planId;
	tavoloName = db.select().from(tavoli).where(eq(tavoli.id, outcome.tavoloId)).get()!.name;
	expect(setPublished(db, planId, true, { userId: outcome.udp, now: 2 }).ok).toBe(true);
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

/** Every name, e-mail and organisation of a person the demo and the outcome seeded. */
function peopleWords(): string[] {
	const { db } = server.services;
	const words = [
		...db.select({ a: users.displayName, b: users.email }).from(users).all(),
		...db.select({ a: people.fullName, b: people.email }).from(people).all(),
		...db.select({ a: attendance.name, b: attendance.organizationName }).from(attendance).all()
	].flatMap((r) => [r.a, r.b]);
	return [...new Set(words.filter((w): w is string => typeof w === 'string' && w.length > 2))];
}

describe('[M13] public results', () => {
	it('names the tavolo an adopted card came from, with its status and indicators', () => {
		const results = publicResults(server.services.db, planId)!;
		const objectives = results.areas.flatMap((a) => a.objectives);
		const adopted = objectives.find((o) => o.tavoli.includes(tavoloName));
		expect(adopted).toBeDefined();
		expect(adopted!.statusLabel).toBe('bozza');
		expect(publishedPlanId(server.services.db, 'nessun-piano')).toBeUndefined();
	});

	it('carries nothing about people in its JSON or CSV', () => {
		const results = publicResults(server.services.db, planId)!;
		const words = peopleWords();
		expect(words).toContain('Luca Neri');
		expect(words).toContain('admin@demo.local');
		const json = JSON.stringify(results);
		const csv = tableCsv(publicResultsTable(results));
		expect(words.filter((w) => json.includes(w))).toEqual([]);
		expect(words.filter((w) => csv.includes(w))).toEqual([]);
	});
});
