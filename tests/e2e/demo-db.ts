import Database from 'better-sqlite3';

/**
 * Read-only look at the database of the server under test, to find demo ids by
 * name instead of assuming insertion order.
 */
export function openDemoDatabase() {
	const port = process.env.E2E_PORT ?? '4173';
	return new Database(`test-results/e2e-db-${port}/tavoli.db`, {
		readonly: true,
		fileMustExist: true
	});
}

export function demoIds() {
	const db = openDemoDatabase();
	const one = (sql: string, ...params: unknown[]) => {
		const row = db.prepare(sql).get(...params) as { id: number } | undefined;
		if (!row) throw new Error(`Demo row not found: ${sql} ${params.join(',')}`);
		return row.id;
	};
	const tavolo = (name: string) => one('select id from tavoli where name = ?', name);
	const firstMeeting = (tavoloId: number) =>
		one('select id from meetings where tavolo_id = ? order by date limit 1', tavoloId);
	const own = tavolo('Domiciliarità e Terza Età');
	const sitsIn = tavolo('Famiglia e genitorialità');
	const other = tavolo('Lavoro, inclusione sociale e contrasto alla povertà');
	const ids = {
		planId: one('select id from plans limit 1'),
		ambitoId: one('select id from ambiti limit 1'),
		policyAreaId: one('select id from policy_areas limit 1'),
		planObjectiveId: one('select id from plan_objectives where number = 1 limit 1'),
		organizationId: one('select id from organizations where name = ?', 'Cooperativa Universiis'),
		personId: one('select id from people where full_name = ?', 'Elena Bonetti'),
		tavolo: { own, sitsIn, other },
		subgroup: {
			own: one('select id from subgroups where tavolo_id = ?', own),
			sitsIn: one('select id from subgroups where tavolo_id = ?', sitsIn),
			other: one('select id from subgroups where tavolo_id = ?', other)
		},
		meeting: { own: firstMeeting(own), sitsIn: firstMeeting(sitsIn), other: firstMeeting(other) },
		/** An incontro of the facilitator's own tavolo whose verbale is approved: a record. */
		approvedMeeting: one(
			"select id from meetings where tavolo_id = ? and status = 'minutes_approved' order by date limit 1",
			own
		),
		/** The demo incontro dated today, in the facilitator's own tavolo. */
		todayMeeting: one(
			'select id from meetings where tavolo_id = ? and date = ? order by id limit 1',
			own,
			new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date())
		)
	};
	db.close();
	return ids;
}
export type DemoIds = ReturnType<typeof demoIds>;

/** The board of an incontro, once someone opened it. */
export function boardOfMeeting(meetingId: number): string | undefined {
	const db = openDemoDatabase();
	const row = db.prepare('select id from boards where meeting_id = ?').get(meetingId) as
		{ id: string } | undefined;
	db.close();
	return row?.id;
}
