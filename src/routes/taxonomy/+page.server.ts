import { requireActor } from '$lib/auth/guard.server';
import { found } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { currentTaxonomyVersionId } from '$lib/taxonomy/taxonomy';
import { listTaxonomyVersions, loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireActor(event);
	const { db } = getRuntime().database;
	const versionId = event.url.searchParams.get('version') ?? currentTaxonomyVersionId;
	return { versions: listTaxonomyVersions(db), taxonomy: found(loadTaxonomy(db, versionId)) };
};
