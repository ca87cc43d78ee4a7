import { error, fail } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { todayInRome } from '$lib/meeting/meeting';
import { recordMeasurements } from '$lib/monitoring/monitoring-commands.server';
import { monitoringContext, uploadedFile } from '$lib/monitoring/monitoring-context.server';
import { defaultPeriod, deskSummary } from '$lib/monitoring/monitoring-desk';
import {
	checkDeskPeriod,
	deskPeriods,
	deskRefusals,
	deskView,
	readDeskForm
} from '$lib/monitoring/monitoring-desk.server';
import { importMonitoringSheet } from '$lib/monitoring/monitoring-sheet.server';
import { formFailure } from '$lib/server/form-failure';
import type { Actions, PageServerLoad } from './$types';

/** [M20, M23] The desk of a period: `?period=` or the current one; 400 for a period not of the plan. */
export const load: PageServerLoad = (event) => {
	const { db, plan, actor, now } = monitoringContext(event, 'read');
	const periods = deskPeriods(plan);
	const asked = event.url.searchParams.get('period');
	const checked = asked === null ? null : checkDeskPeriod(asked, plan);
	if (checked && !checked.ok) error(400, checked.reason);
	const period =
		checked?.period ?? defaultPeriod(periods, todayInRome(now), plan.monitoringCadence);
	const objectives = period ? deskView(db, plan, period) : [];
	return {
		plan: { id: plan.id, title: plan.title, period: plan.period },
		periods,
		period,
		objectives,
		summary: deskSummary(objectives),
		canWrite: access.manageSetup(actor)
	};
};

export const actions: Actions = {
	/** [M24] The grid, all rows or none; a refused row keeps every value typed. */
	save: async (event) => {
		const { db, plan, actor, now } = monitoringContext(event, 'write');
		const form = await event.request.formData();
		const period = checkDeskPeriod(String(form.get('period') ?? ''), plan);
		if (!period.ok) return formFailure({ _form: period.reason.replaceAll('-', '_') }, {}, 'grid');
		const view = deskView(db, plan, period.period);
		const read = readDeskForm(form, view, period.period);
		if (!read.ok) return formFailure(read.errors, read.values, 'grid');
		const done = recordMeasurements(db, plan.id, read.rows, { userId: actor.userId, now });
		if (!done.ok)
			return formFailure(deskRefusals(done.refusals, read.rows), Object.fromEntries(form), 'grid');
		return { saved: done.saved, unchanged: done.unchanged };
	},
	/** [M27] A filled template, all rows or none; the problems name their rows. */
	import: async (event) => {
		const { db, plan, actor, now } = monitoringContext(event, 'write');
		const upload = await uploadedFile(await event.request.formData());
		if (!upload.ok) return fail(400, { importError: upload.reason, problems: [] });
		const done = await importMonitoringSheet(db, plan.id, upload.bytes, {
			userId: actor.userId,
			now
		});
		if (!done.ok) return fail(400, { importError: done.reason, problems: done.problems ?? [] });
		return { imported: { saved: done.saved, unchanged: done.unchanged, skipped: done.skipped } };
	}
};
