import { json } from '@sveltejs/kit';
import { directoryContext } from '$lib/directory/directory-context.server';
import { exportPersonData } from '$lib/privacy/person-privacy.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Everything Tavoli holds about one person, for the UdP to hand over (SPEC D4). */
export const GET: RequestHandler = (event) => {
	const { db } = directoryContext(event, true);
	const personId = idParam(event.params.personId);
	const data = found(exportPersonData(db, getRuntime().boards, personId));
	return json(
		{ exportedAt: new Date().toISOString(), ...data },
		{ headers: { 'Content-Disposition': `attachment; filename="persona-${personId}.json"` } }
	);
};
