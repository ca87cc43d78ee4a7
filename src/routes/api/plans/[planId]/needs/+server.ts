import { error, json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { filterMatrix, matrixFilterFrom, matrixTable } from '$lib/plan-objectives/needs-matrix';
import { loadNeedsMatrix } from '$lib/plan-objectives/needs-matrix.server';
import { tablesXlsx } from '$lib/plan-objectives/plan-documents.server';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The needs matrix, filtered as the query says: JSON rows or an XLSX sheet. */
export const GET: RequestHandler = async (event) => {
	const planId = Number(event.params.planId);
	requireAccess(event, (a) => Number.isSafeInteger(planId) && access.viewPlan(a, planId));
	const { db } = getRuntime().database;
	if (!getPlan(db, planId)) error(404, 'Not found');
	const rows = filterMatrix(loadNeedsMatrix(db, planId), matrixFilterFrom(event.url.searchParams));
	if (event.url.searchParams.get('format') !== 'xlsx') return json(rows);
	const body = await tablesXlsx([matrixTable(rows)]);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="matrice-dei-bisogni.xlsx"'
		}
	});
};
