import { expect, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

/**
 * A plan made for monitoring tests through the public API: created, then given two
 * approved objectives with indicators by `POST /api/plans/:id/import` (the demo plan's
 * objectives have no indicators). `post` is the caller's HTTP client, logged in as the UdP.
 */
type Post = (path: string, body: unknown) => Promise<{ status: number; json: unknown }>;

/** The `post` of `createMonitoredPlan` through a Playwright request context (its cookies are the login). */
export function apiPost(request: APIRequestContext): Post {
	return async (path, data) => {
		const response = await request.post(path, { data });
		return { status: response.status(), json: await response.json() };
	};
}

export const monitoredIndicators = [
	{
		level: 'output',
		kind: 'count',
		description: 'Famiglie prese in carico',
		baseline: '40',
		target: '60'
	},
	{
		level: 'outcome',
		kind: 'ratio',
		description: 'Quota di rientri in comunità',
		baseline: '30%',
		target: '10%'
	}
] as const;

const objective = (number: number, title: string) => ({
	number,
	title,
	policyArea: null,
	fields: {},
	verbatim: {},
	macroAreas: ['A'],
	keyPoints: {},
	leps: [],
	indicators: monitoredIndicators,
	status: 'approved',
	approvedAt: '2025-12-15'
});

export async function createMonitoredPlan(post: Post, title: string) {
	const created = await post('/api/plans', {
		title,
		period: '2025-2027',
		taxonomyVersion: '2025-2027'
	});
	if (created.status !== 201) throw new Error(`plan not created: ${created.status}`);
	const planId = (created.json as { id: number }).id;
	const imported = await post(`/api/plans/${planId}/import`, {
		format: 'tavoli-plan-objectives',
		version: 1,
		plan: { title, period: '2025-2027', taxonomyVersion: '2025-2027' },
		policyAreas: [],
		objectives: [objective(1, 'Casa e abitare'), objective(2, 'Lavoro e inclusione')]
	});
	if (imported.status !== 200)
		throw new Error(`objectives not imported: ${JSON.stringify(imported.json)}`);
	return planId;
}

/** The template's columns the tests fill (monitoring SPEC M25): value, numerator, denominator. */
export const templateColumns = { value: 12, numerator: 13, denominator: 14 } as const;

/**
 * The period's XLSX template downloaded as the UdP would, with `values` typed into the
 * value column of its first rows (exceljs standing in for the UdP's spreadsheet).
 */
export async function filledTemplate(
	origin: string,
	cookie: string,
	plan: number,
	period: string,
	values: (number | null)[]
): Promise<Buffer> {
	const response = await fetch(
		`${origin}/plans/${plan}/monitoring/template.xlsx?period=${period}`,
		{
			headers: { cookie }
		}
	);
	if (response.status !== 200) throw new Error(`template: ${response.status}`);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(await response.arrayBuffer());
	const sheet = book.getWorksheet('Monitoraggio')!;
	values.forEach((v, n) => (sheet.getRow(n + 2).getCell(templateColumns.value).value = v));
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** The UdP publishes the plan's results from its page (SPEC M13); resolves with the public page's path. */
export async function publishResults(page: Page, planId: number): Promise<string> {
	await page.goto(`/plans/${planId}`);
	const control = page.getByRole('region', { name: 'Pagina pubblica dei risultati' });
	await control.getByRole('button', { name: 'Pubblica i risultati' }).click();
	const link = control.getByRole('link', { name: /\/public\/plans\// });
	await expect(link).toBeVisible();
	return new URL((await link.textContent())!.trim()).pathname;
}
