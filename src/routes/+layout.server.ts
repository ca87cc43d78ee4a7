import { access } from '$lib/auth/access';
import type { LayoutServerLoad } from './$types';

/** What the header needs to know about the visitor; nothing else leaves the server. */
export const load: LayoutServerLoad = ({ locals }) => {
	const actor = locals.actor;
	return {
		viewer: actor
			? {
					displayName: actor.displayName,
					role: actor.role,
					canManageSetup: access.manageSetup(actor),
					canViewDirectory: access.viewDirectory(actor)
				}
			: null
	};
};
