import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { parseForm } from '$lib/forms/form-data';
import { formFailure, readEmptyForm, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { subgroupInput } from '$lib/tavolo/tavolo';
import { deleteSubgroup, saveSubgroup } from '$lib/tavolo/tavolo-commands.server';
import { tavoloContext } from '$lib/tavolo/tavolo-context.server';
import { listMembers, listSubgroups } from '$lib/tavolo/tavolo-repo.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function context(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const ctx = tavoloContext(event, access.manageTavolo);
	const subgroupId = idParam(event.params.subgroupId);
	const subgroup = found(listSubgroups(ctx.db, ctx.tavolo.id).find((g) => g.id === subgroupId));
	return { ...ctx, subgroup };
}

export const load: PageServerLoad = (event) => {
	const { tavolo, db, subgroup } = context(event);
	return { tavolo, subgroup, members: listMembers(db, tavolo.id) };
};

export const actions: Actions = {
	save: async (event) => {
		const { tavolo, db, subgroup } = context(event);
		const parsed = parseForm(subgroupInput, await event.request.formData(), ['personIds']);
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveSubgroup(db, tavolo.id, subgroup.id, parsed.data);
		if (!result.ok) return reasonFailure('personIds', result.reason, parsed.data);
		redirect(303, `/tavoli/${tavolo.id}`);
	},
	delete: async (event) => {
		const { tavolo, db, subgroup } = context(event);
		await readEmptyForm(event.request);
		deleteSubgroup(db, tavolo.id, subgroup.id);
		redirect(303, `/tavoli/${tavolo.id}`);
	}
};
