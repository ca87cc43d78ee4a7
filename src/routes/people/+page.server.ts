import { directoryContext } from '$lib/directory/directory-context.server';
import { listPeople } from '$lib/directory/directory-repo.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { ambiti, ambito, db, canManage } = directoryContext(event);
	const people = ambito ? listPeople(db, ambito.id) : [];
	return {
		ambiti,
		ambito,
		canManage,
		// Contact details are for the UdP; facilitators see who is who.
		people: people.map((p) => ({
			id: p.id,
			fullName: p.fullName,
			organizationName: p.organizationName,
			jobTitle: p.jobTitle,
			roleLevel: p.roleLevel,
			email: canManage ? p.email : null
		}))
	};
};
