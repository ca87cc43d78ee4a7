import { expect, request as playwrightRequest, test } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { logInThroughApi, uniqueSuffix } from './helpers';
import { apiPost, createMonitoredPlan } from './monitoring-plan';

/**
 * The monitoring API of docs/API.md over HTTP (monitoring SPEC M1–M10): the UdP measures
 * indicators and fills the evaluation grid; every bad request is a 400 with its reason
 * and saves nothing; a facilitator reads but may not write.
 */

interface Objective {
	id: number;
	number: number;
	indicators: { id: string; name: string; unit: string | null }[];
}
interface Monitored {
	objectives: {
		id: number;
		indicators: {
			id: string;
			latest: { period: string; value: number } | null;
			progress: number | null;
		}[];
		missing: string[];
	}[];
}

test('[M1-M10] the UdP measures indicators and evaluates objectives; bad input saves nothing', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const post = apiPost(request);
	const planId = await createMonitoredPlan(post, `Piano monitorato ${uniqueSuffix()}`);
	const api = `/api/plans/${planId}`;

	const listed = await request.get(`${api}/objectives`);
	expect(listed.status()).toBe(200);
	const [casa, lavoro] = (await listed.json()) as Objective[];
	expect(casa).toMatchObject({ number: 1, title: 'Casa e abitare', status: 'approved' });
	expect(casa!.indicators).toEqual([
		expect.objectContaining({
			name: 'Famiglie prese in carico',
			level: 'output',
			baseline: '40',
			target: '60',
			unit: null
		}),
		expect.objectContaining({ name: 'Quota di rientri in comunità', unit: '%' })
	]);
	const [families, ratio] = casa!.indicators.map((i) => i.id);
	const measure = (body: unknown, objectiveId = casa!.id) =>
		request.post(`${api}/objectives/${objectiveId}/measurements`, { data: body });

	const refused: [unknown, string][] = [
		[{ indicatorId: 'i00000000', period: '2026-S1', value: 5 }, 'unknown-indicator'],
		[{ indicatorId: families, period: '2028-S1', value: 5 }, 'period-outside-plan'],
		[{ indicatorId: families, period: '2026-1', value: 5 }, 'period-malformed'],
		[{ indicatorId: families, period: '2026-S1' }, 'value-required'],
		[{ indicatorId: ratio, period: '2026-S1', numerator: 3, denominator: 0 }, 'denominator-zero']
	];
	for (const [body, reason] of refused) {
		const response = await measure(body);
		expect(response.status(), reason).toBe(400);
		expect(await response.json()).toEqual({ error: reason });
	}
	const notNumber = await measure({ indicatorId: families, period: '2026-S1', value: '45' });
	expect(notNumber.status()).toBe(400);
	expect(await notNumber.json()).toEqual({
		error: 'invalid-input',
		fields: { value: 'not_a_number' }
	});
	const unknownKey = await measure({
		indicatorId: families,
		period: '2026-S1',
		value: 4,
		unit: 'x'
	});
	expect(await unknownKey.json()).toMatchObject({ fields: { unit: 'unknown_field' } });
	expect(
		(await measure({ indicatorId: families, period: '2026-S1', value: 4 }, 999999)).status()
	).toBe(404);

	const before = (await (
		await request.get(`${api}/monitoring?period=2027-S2`)
	).json()) as Monitored;
	expect(before.objectives.flatMap((o) => o.indicators.map((i) => i.latest))).toEqual([
		null,
		null,
		null,
		null
	]);

	expect((await measure({ indicatorId: families, period: '2025-S2', value: 44 })).status()).toBe(
		201
	);
	const first = await measure({
		indicatorId: families,
		period: '2026-S1',
		value: 48,
		note: 'Dati SIUSS'
	});
	expect(first.status()).toBe(201);
	expect(await first.json()).toMatchObject({ replaced: false });
	const again = await measure({ indicatorId: families, period: '2026-S1', value: 50 });
	expect(await again.json()).toMatchObject({ replaced: true });
	expect(
		(
			await measure({ indicatorId: ratio, period: '2026-S1', numerator: 12, denominator: 60 })
		).status()
	).toBe(201);

	const s1 = await request.get(`${api}/monitoring?period=2026-S1`);
	expect(s1.status()).toBe(200);
	const monitored = (await s1.json()) as Monitored;
	const c = monitored.objectives.find((o) => o.id === casa!.id)!;
	expect(c.indicators.map((i) => [i.latest?.value, i.progress])).toEqual([
		[50, 50],
		[20, 50]
	]);
	expect(c.missing).toEqual([]);
	expect(monitored.objectives.find((o) => o.id === lavoro!.id)!.missing).toHaveLength(2);
	const s2 = (await (await request.get(`${api}/monitoring?period=2026-S2`)).json()) as Monitored;
	expect(s2.objectives[0]!.missing).toEqual([families, ratio]);
	expect(s2.objectives[0]!.indicators[0]!.latest).toMatchObject({ period: '2026-S1', value: 50 });
	for (const period of ['', '2030-S1', 'S1-2026'])
		expect((await request.get(`${api}/monitoring?period=${period}`)).status()).toBe(400);

	const evaluate = (body: unknown) =>
		request.put(`${api}/objectives/${casa!.id}/evaluation`, { data: body });
	const grid = {
		actionsPlanned: 10,
		actionsDone: 8,
		budgetPlanned: 20000,
		budgetPaid: 20000,
		userEvaluation: 'Non pertinente',
		resourceAdequacy: 'Adeguato',
		notes: 'Avvio in ritardo'
	};
	const badGrid = await evaluate({ ...grid, resourceAdequacy: 'Adeguito' });
	expect(badGrid.status()).toBe(400);
	expect(await badGrid.json()).toEqual({
		error: 'invalid-input',
		fields: { resourceAdequacy: 'not_in_scale' }
	});
	expect((await evaluate({ ...grid, actionsDone: -1 })).status()).toBe(400);
	expect((await evaluate({ ...grid, notes: undefined })).status()).toBe(400);
	const unsaved = await (await request.get(`${api}/evaluation?format=json`)).json();
	expect(unsaved.objectives.map((o: { evaluation: unknown }) => o.evaluation)).toEqual([
		null,
		null
	]);

	const saved = await evaluate(grid);
	expect(saved.status()).toBe(200);
	const rows = (await saved.json()).grid as {
		key: string;
		value: string | null;
		percent?: number;
	}[];
	expect(rows.map((r) => [r.key, r.value])).toEqual([
		['achievementDegree', 'buono'],
		['userEvaluation', 'Non pertinente'],
		['resourceAdequacy', 'Adeguato'],
		['resourceCoincidence', 'ottimo'],
		['criticalIssues', 'Avvio in ritardo']
	]);
	const report = await (await request.get(`${api}/evaluation`)).json();
	expect(report.objectives[0]).toMatchObject({ id: casa!.id, evaluation: grid });
	expect((await request.get(`${api}/evaluation?format=docx`)).status()).toBe(200);
	expect((await request.get(`${api}/evaluation?format=pdf`)).status()).toBe(400);

	// A facilitator reads the demo plan's monitoring but may not write to it.
	const facilitator = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL }
	});
	await logInThroughApi(facilitator, 'facilitator');
	const plans = (await (await facilitator.get('/api/plans')).json()) as { id: number }[];
	const demoPlan = plans[0]!.id;
	expect((await facilitator.get(`/api/plans/${demoPlan}/monitoring?period=2026-S1`)).status()).toBe(
		200
	);
	const forbidden = await facilitator.post(`/api/plans/${demoPlan}/objectives/1/measurements`, {
		data: { indicatorId: 'x', period: '2026-S1', value: 1 }
	});
	expect(forbidden.status()).toBe(403);
	expect(
		(await facilitator.put(`${api}/objectives/${casa!.id}/evaluation`, { data: grid })).status()
	).toBe(403);
	await facilitator.dispose();
});
