import { directoryContext } from '$lib/directory/directory-context.server';
import { listOrganizations } from '$lib/directory/directory-repo.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { ambiti, ambito, db, canManage } = directoryContext(event);
	return {
		ambiti,
		ambito,
		canManage,
		organizations: ambito ? listOrganizations(db, ambito.id) : []
	};
};
