import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { endpointKey, listEndpoints } from './route-inventory';
import { createMonitoredPlan, filledTemplate } from './monitoring-plan';
import { ServerProcess, todayInRome } from './sync-node';
import { prng } from '../support/prng';

/**
 * The HTTP boundary under fuzz (issue 12, docs/API.md "Refusals"): every
 * state-changing endpoint and form action of src/routes has a case here — a
 * valid request as a user would send it — and the test sends seeded mutants of
 * it: wrong content types, malformed and deep JSON, each field missing, of the
 * wrong type, sent twice, with control characters, lone surrogates or bytes
 * that are not UTF-8, an unknown field, ids of another board. Every mutant must
 * be answered 4xx (never 5xx, never 2xx or a redirect) and leave the database
 * exactly as it was; the valid request must then be accepted, so the mutants
 * were refused for what they changed. The list of endpoints comes from
 * src/routes, so a new one cannot ship without a case.
 */
const server = new ServerProcess(Number(process.env.E2E_PORT ?? 4173) + 90);
const SEED = Number(process.env.HTTP_FUZZ_SEED ?? Date.now() % 100_000);

type Who = 'admin' | 'facilitator' | 'guest' | 'anonymous' | 'fresh-admin';
type Values = Record<string, unknown>;

interface Case {
	who: Who;
	path: string;
	/** How the body travels: JSON, a urlencoded form, multipart (a file), or nothing. */
	kind: 'json' | 'form' | 'multipart' | 'none';
	/** A valid body; form values are strings, or string arrays for `arrays`. */
	body?: Values;
	/** Keys that may be left out (partial updates, defaults of the JSON API). */
	optional?: string[];
	/** Form keys that carry several values (checkbox groups, with their empty sentinel). */
	arrays?: string[];
	/** Valid-looking values that name something elsewhere (another board, plan, incontro). */
	foreign?: Values;
	/** The same body on another path that names something elsewhere. */
	foreignPaths?: string[];
	/** The valid request cannot be sent here (it would end the test's own session, or needs state). */
	skipValid?: string;
}

interface Mutant {
	name: string;
	path: string;
	contentType?: string;
	body?: string | Uint8Array<ArrayBuffer> | FormData | Blob;
}

const cookies: Partial<Record<Who, string>> = {};

async function send(who: Who, method: string, m: Mutant) {
	const cookie = who === 'fresh-admin' ? await login('admin@demo.local') : (cookies[who] ?? '');
	const headers: Record<string, string> = { origin: server.origin, cookie, accept: 'text/html' };
	if (m.contentType) headers['content-type'] = m.contentType;
	const response = await fetch(`${server.origin}${m.path}`, {
		method,
		headers,
		body: m.body as BodyInit | undefined,
		redirect: 'manual'
	});
	const location = response.headers.get('location') ?? '';
	return {
		status: response.status,
		text: `${location} ${await response.text()}`,
		toLogin: location.startsWith('/login')
	};
}

async function login(email: string): Promise<string> {
	const { cookie } = await server.post('/api/session', { email, password: 'tavoli-demo' });
	return cookie;
}

// ---- bodies -------------------------------------------------------------

const formBody = (entries: [string, string][]) =>
	entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

function formEntries(body: Values): [string, string][] {
	return Object.entries(body).flatMap(([k, v]) =>
		Array.isArray(v)
			? [[k, ''], ...v.map((x) => [k, String(x)] as [string, string])]
			: [[k, String(v)]]
	) as [string, string][];
}

function multipart(body: Values): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(body)) form.append(k, v instanceof Blob ? v : String(v));
	return form;
}

function encode(c: Case, body: Values, path = c.path): Mutant {
	if (c.kind === 'json')
		return { name: 'valid', path, contentType: 'application/json', body: JSON.stringify(body) };
	if (c.kind === 'multipart') return { name: 'valid', path, body: multipart(body) };
	if (c.kind === 'form')
		return {
			name: 'valid',
			path,
			contentType: 'application/x-www-form-urlencoded',
			body: formBody(formEntries(body))
		};
	return { name: 'valid', path };
}

/** A value of another type than `v`, that no field of v's type accepts. */
function flipped(v: unknown): unknown {
	if (typeof v === 'string') return 12345;
	if (typeof v === 'number') return 'x1';
	if (typeof v === 'boolean') return 'true';
	if (Array.isArray(v)) return 'x';
	if (v && typeof v === 'object') return ['x'];
	return undefined;
}

function mutants(c: Case): Mutant[] {
	const body = c.body ?? {};
	const out: Mutant[] = [];
	const add = (name: string, m: Omit<Mutant, 'name' | 'path'>, path = c.path) =>
		out.push({ name, path, ...m });
	const keys = Object.keys(body);
	if (c.kind === 'none') {
		add('a JSON body it does not read', {
			contentType: 'application/json',
			body: '{"unexpected":1}'
		});
		add('text it does not read', { contentType: 'text/plain', body: 'x' });
		return out;
	}
	if (c.kind === 'json') {
		const json = (name: string, value: unknown) =>
			add(name, { contentType: 'application/json', body: JSON.stringify(value) });
		add('JSON as text/plain', { contentType: 'text/plain', body: JSON.stringify(body) });
		add('JSON without a content type', { body: new Blob([JSON.stringify(body)]) });
		add('a form instead of JSON', {
			contentType: 'application/x-www-form-urlencoded',
			body: formBody(keys.map((k) => [k, String(body[k])]))
		});
		add('malformed JSON', { contentType: 'application/json', body: '{"a":' });
		add('no body', { contentType: 'application/json', body: '' });
		json('an array', [body]);
		json('null', null);
		add('JSON nested 5000 deep', {
			contentType: 'application/json',
			body: '['.repeat(5000) + ']'.repeat(5000)
		});
		add('bytes that are not UTF-8', {
			contentType: 'application/json',
			body: Uint8Array.from([0x7b, 0x22, 0xe8, 0x22, 0x3a, 0x31, 0x7d])
		});
		json('an unknown field', { ...body, zzUnknown: 1 });
		// Computed keys are own keys: JSON.stringify writes them as any other.
		json('a field named __proto__', { ...body, ['__proto__']: { [keys[0] ?? 'x']: 1 } });
		json('a field named constructor', { ...body, ['constructor']: 1 });
		for (const k of keys) {
			if (!c.optional?.includes(k)) {
				const { [k]: _, ...rest } = body;
				json(`without ${k}`, rest);
			}
			const flip = flipped(body[k]);
			if (flip !== undefined) json(`${k} of the wrong type`, { ...body, [k]: flip });
			if (typeof body[k] === 'string') {
				json(`${k} with a NUL`, { ...body, [k]: `${body[k]}\u0000` });
				json(`${k} with the noncharacter U+FFFF`, { ...body, [k]: `${body[k]}\uffff` });
				add(`${k} with a lone surrogate`, {
					contentType: 'application/json',
					body: JSON.stringify({ ...body, [k]: 'PLACEHOLDER' }).replace(
						'"PLACEHOLDER"',
						'"x\\ud800"'
					)
				});
			}
		}
		for (const [k, v] of Object.entries(c.foreign ?? {}))
			json(`${k} naming something elsewhere`, { ...body, [k]: v });
	} else {
		const entries = c.kind === 'form' ? formEntries(body) : [];
		const form = (name: string, e: [string, string][]) =>
			add(name, { contentType: 'application/x-www-form-urlencoded', body: formBody(e) });
		add('a form as text/plain', { contentType: 'text/plain', body: formBody(entries) });
		add('a form as JSON', { contentType: 'application/json', body: JSON.stringify(body) });
		if (c.kind === 'form') {
			form('an unknown field', [...entries, ['zzUnknown', '1']]);
			form('a field named __proto__', [...entries, ['__proto__', '1']]);
			form('a field named constructor', [...entries, ['constructor', '1']]);
			const action = c.path.match(/\?\/[\w-]+/)?.[0];
			if (action)
				for (const name of ['constructor', 'toString'])
					add(
						`the action ${name}`,
						{
							contentType: 'application/x-www-form-urlencoded',
							body: formBody(entries)
						},
						c.path.replace(action, `?/${name}`)
					);
			add('an escape that is not UTF-8', {
				contentType: 'application/x-www-form-urlencoded',
				body: `${formBody(entries)}&${encodeURIComponent(keys[0] ?? 'x')}=%E8`
			});
		}
		for (const k of keys) {
			if (c.kind === 'multipart') {
				if (c.optional?.includes(k)) continue;
				const rest = { ...body };
				delete rest[k];
				add(`without ${k}`, { body: multipart(rest) });
				continue;
			}
			if (!c.optional?.includes(k))
				form(
					`without ${k}`,
					entries.filter(([e]) => e !== k)
				);
			if (!c.arrays?.includes(k)) {
				form(`${k} sent twice`, [...entries, [k, String(body[k])]]);
				form(`${k} with a NUL`, [
					...entries.filter(([e]) => e !== k),
					[k, `${String(body[k])}\u0000`]
				]);
				form(`${k} with the noncharacter U+FFFF`, [
					...entries.filter(([e]) => e !== k),
					[k, `${String(body[k])}\uffff`]
				]);
			}
		}
		for (const [k, v] of Object.entries(c.foreign ?? {}))
			form(`${k} naming something elsewhere`, [
				...entries.filter(([e]) => e !== k),
				...(Array.isArray(v)
					? v.map((x) => [k, String(x)] as [string, string])
					: [[k, String(v)] as [string, string]])
			]);
	}
	for (const path of c.foreignPaths ?? [])
		out.push({ ...encode(c, body, path), name: `the path ${path} naming something elsewhere` });
	return out;
}

// ---- the database, read-only --------------------------------------------

/** Tables a refused request may still touch: sessions slide, throttles count. */
const VOLATILE = new Set([
	'auth_sessions',
	'guest_sessions',
	'login_throttle',
	'sqlite_sequence',
	'__drizzle_migrations'
]);

/**
 * A board's stored rows change when the server compacts it (its updates folded into
 * the snapshot, on its own timer), with the same document: they are compared as
 * documents, by what the stored state holds (state vector and deletions).
 */
const BOARD_STORAGE = new Set(['board_snapshots', 'board_updates']);

function boardDocuments(db: Database.Database): string {
	const states = new Map<string, Buffer[]>();
	const rows = db
		.prepare(
			`select board_id, state from board_snapshots
			 union all select board_id, "update" from board_updates order by 1`
		)
		.raw()
		.all() as [string, Buffer][];
	for (const [board, update] of rows) states.set(board, [...(states.get(board) ?? []), update]);
	const docs: string[] = [];
	for (const [board, updates] of states) {
		const doc = new Y.Doc({ gc: false });
		for (const update of updates) Y.applyUpdate(doc, update);
		docs.push(`${board}:${Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')}`);
		doc.destroy();
	}
	return docs.join('\n');
}

/** Every table's rows but the volatile ones, by table name; the boards as documents. */
function snapshot(): Map<string, string> {
	const db = new Database(`${server.dir}/tavoli.db`, { readonly: true });
	try {
		const tables = db
			.prepare("select name from sqlite_master where type = 'table' order by name")
			.all() as { name: string }[];
		const parts = new Map<string, string>();
		parts.set('board documents', boardDocuments(db));
		for (const { name } of tables) {
			if (VOLATILE.has(name) || BOARD_STORAGE.has(name)) continue;
			const rows = db.prepare(`select * from "${name}"`).raw().all();
			parts.set(
				name,
				JSON.stringify(rows, (_, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))
			);
		}
		return parts;
	} finally {
		db.close();
	}
}

/** The tables whose rows differ between two snapshots. */
function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
	const names = new Set([...before.keys(), ...after.keys()]);
	return [...names].filter((name) => before.get(name) !== after.get(name));
}

/**
 * Waits until an accepted request's effects have all landed (a board update is stored
 * by a batch a few milliseconds after its answer): two snapshots 100 ms apart agree.
 * Otherwise a late write of the valid request would be blamed on the next mutant.
 */
async function settled(): Promise<Map<string, string>> {
	let last = snapshot();
	for (let i = 0; i < 50; i++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		const next = snapshot();
		if (changedTables(last, next).length === 0) return next;
		last = next;
	}
	return last;
}

function one<T>(sql: string, ...params: unknown[]): T {
	const db = new Database(`${server.dir}/tavoli.db`, { readonly: true });
	try {
		const row = db.prepare(sql).get(...params) as T | undefined;
		if (row === undefined) throw new Error(`no row for ${sql}`);
		return row;
	} finally {
		db.close();
	}
}

// ---- the world the cases act on -----------------------------------------

async function world() {
	cookies.admin = await login('admin@demo.local');
	cookies.facilitator = await login('facilitatore@demo.local');
	const own = await server.openBoard(cookies.facilitator, (m) => m.date === todayInRome());
	const ownBoard = one<{ id: string; meeting_id: number }>(
		'select id, meeting_id from boards where id = ?',
		own.boardId
	);
	const ownTavolo = one<{ name: string }>(
		'select t.name from tavoli t join meetings m on m.tavolo_id = t.id join boards b on b.meeting_id = m.id where b.id = ?',
		own.boardId
	).name;
	// A tavolo the facilitator has nothing to do with: its ids are "elsewhere".
	const strangers = one<{ name: string }>(
		`select t.name from tavoli t where t.id not in (
			select tavolo_id from tavolo_members tm join users u on u.person_id = tm.person_id
			where u.email = 'facilitatore@demo.local') limit 1`
	).name;
	const other = await server.openBoard(
		cookies.admin,
		(m) => m.tavoloName === strangers && m.tavoloName !== ownTavolo
	);
	const otherBoard = one<{ meeting_id: number }>(
		'select meeting_id from boards where id = ?',
		other.boardId
	);
	const guest = await server.join(own.joinCode, 'Ospite del fuzz');
	cookies.guest = guest.cookie;
	// Two more lines on the sheet, to merge into the guest's.
	const twice = (await server.join(own.joinCode, 'Ospite del fuzz')).participantId;
	const thrice = (await server.join(own.joinCode, 'Ospite del fuzz')).participantId;
	const card = async (boardId: string, cookie: string, text: string) =>
		(await server.post(`/api/boards/${boardId}/cards`, { kind: 'need', text }, cookie)).json
			.id as string;
	const ownCard = await card(own.boardId, cookies.facilitator, 'Trasporti per le visite');
	await card(own.boardId, cookies.facilitator, 'Sollievo per chi assiste');
	const otherCard = await card(other.boardId, cookies.admin, 'Una scheda di un altro tavolo');
	const round = async (boardId: string, cookie: string) =>
		(
			await server.post(
				`/api/boards/${boardId}/rounds`,
				{ method: 'dot', targets: 'cards', anonymous: false },
				cookie
			)
		).json.roundId as number;
	const ownRound = await round(own.boardId, cookies.facilitator);
	const otherRound = await round(other.boardId, cookies.admin);
	const otherLine = (await server.join(other.joinCode, 'Altra persona')).participantId;
	const generated = await fetch(
		`${server.origin}/meetings/${ownBoard.meeting_id}/minutes?/generate`,
		{
			method: 'POST',
			headers: {
				origin: server.origin,
				cookie: cookies.facilitator,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: ''
		}
	);
	expect(generated.status).toBe(200);
	const ids = {
		plan: one<{ id: number }>('select id from plans limit 1').id,
		objective: one<{ id: number }>('select id from plan_objectives order by number limit 1').id,
		objectiveCount: one<{ n: number }>('select count(*) n from plan_objectives').n,
		ambito: one<{ id: number }>('select id from ambiti limit 1').id,
		comune: one<{ id: number }>('select id from comuni limit 1').id,
		policyArea: one<{ id: number }>('select id from policy_areas limit 1').id,
		macroArea: one<{ id: number }>(
			'select m.id from macro_areas m join plans p on p.taxonomy_version_id = m.version_id limit 1'
		).id,
		organization: one<{ id: number }>('select id from organizations limit 1').id,
		person: one<{ id: number }>(
			'select id from people where id not in (select person_id from users where person_id is not null) limit 1'
		).id,
		tavolo: one<{ tavolo_id: number }>(
			'select tavolo_id from meetings where id = ?',
			ownBoard.meeting_id
		).tavolo_id
	};
	const monitored = await monitoredPlan();
	const member = one<{ id: number; person_id: number }>(
		'select id, person_id from tavolo_members where tavolo_id = ? limit 1',
		ids.tavolo
	);
	const subgroup = one<{ id: number }>(
		'select id from subgroups where tavolo_id = ?',
		ids.tavolo
	).id;
	const nonMember = one<{ id: number }>(
		'select id from people where id not in (select person_id from tavolo_members where tavolo_id = ?) limit 1',
		ids.tavolo
	).id;
	return {
		own: { ...own, meetingId: ownBoard.meeting_id, card: ownCard, round: ownRound },
		other: {
			...other,
			meetingId: otherBoard.meeting_id,
			card: otherCard,
			round: otherRound,
			line: otherLine
		},
		guest,
		twice,
		thrice,
		member,
		subgroup,
		nonMember,
		monitored,
		...ids
	};
}

/** A plan with indicators to measure (the demo's objectives have none), made through the API. */
async function monitoredPlan() {
	const post = (path: string, body: unknown) => server.post(path, body, cookies.admin);
	const plan = await createMonitoredPlan(post, 'Piano monitorato del fuzz');
	const list = (await server.get(`/api/plans/${plan}/objectives`, cookies.admin!)).json as {
		id: number;
		indicators: { id: string; unit: string | null }[];
	}[];
	const template = await filledTemplate(server.origin, cookies.admin!, plan, '2027-S1', [61]);
	return {
		plan,
		objective: list[0]!.id,
		indicator: list[0]!.indicators[0]!.id,
		objectives: list,
		template
	};
}

/** The desk's grid as the browser sends it (monitoring M24): every cell, one value typed. */
function deskGrid(w: World): Values {
	const body: Values = { period: '2027-S1' };
	for (const o of w.monitored.objectives)
		for (const i of o.indicators) {
			const cells =
				i.unit === '%'
					? ['value', 'numerator', 'denominator', 'note', 'source']
					: ['value', 'note', 'source'];
			for (const c of cells) body[`${c}:${o.id}:${i.id}`] = '';
		}
	body[`value:${w.monitored.objective}:${w.monitored.indicator}`] = '1.234,5';
	return body;
}

const templateFile = (w: World) =>
	new File([new Uint8Array(w.monitored.template)], 'monitoraggio.xlsx', {
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	});
type World = Awaited<ReturnType<typeof world>>;

// ---- the cases ----------------------------------------------------------

function cases(w: World): Record<string, Case[]> {
	const board = `/api/boards/${w.own.boardId}`;
	const meetingApi = `/api/meetings/${w.own.meetingId}`;
	const meeting = `/meetings/${w.own.meetingId}`;
	const plan = `/plans/${w.plan}`;
	const tavolo = `/tavoli/${w.tavolo}`;
	const command = (name: string, body: Values, extra: Partial<Case> = {}): Case => ({
		who: 'facilitator',
		path: `${board}/commands/${name}`,
		kind: 'json',
		body,
		foreignPaths: [`/api/boards/${w.other.boardId}/commands/${name}`].filter(
			() => extra.foreignPaths === undefined
		),
		...extra
	});
	const meetingForm = {
		title: 'Incontro di verifica',
		subgroupId: '',
		date: '2027-03-15',
		startTime: '17:00',
		endTime: '19:00',
		mode: 'in_person',
		place: 'Sala consiliare',
		onlineUrl: '',
		agenda: ''
	};
	const tavoloForm = {
		name: 'Tavolo di prova',
		workThemes: '',
		scope: '',
		status: 'active',
		policyAreaIds: [String(w.policyArea)]
	};
	return {
		// Voting
		'PUT /api/rounds/[roundId]/ballot': [
			{
				who: 'guest',
				path: `/api/rounds/${w.own.round}/ballot`,
				kind: 'json',
				body: { allocations: [{ targetId: w.own.card, points: 1 }] },
				foreign: { allocations: [{ targetId: w.other.card, points: 1 }] },
				foreignPaths: [`/api/rounds/${w.other.round}/ballot`]
			}
		],
		'POST /api/rounds/[roundId]/done': [
			{
				who: 'guest',
				path: `/api/rounds/${w.own.round}/done`,
				kind: 'json',
				body: { done: true },
				foreignPaths: [`/api/rounds/${w.other.round}/done`]
			}
		],
		'POST /api/rounds/[roundId]/paper-ballots': [
			{
				who: 'facilitator',
				path: `/api/rounds/${w.own.round}/paper-ballots`,
				kind: 'json',
				body: {
					attendanceId: w.guest.participantId,
					ballot: { allocations: [{ targetId: w.own.card, points: 2 }] }
				},
				foreign: { attendanceId: w.other.line }
			}
		],
		'POST /api/rounds/[roundId]/status/[action]': [
			{
				who: 'facilitator',
				path: `/api/rounds/${w.own.round}/status/close`,
				kind: 'none',
				foreignPaths: [`/api/rounds/${w.other.round}/status/close`],
				skipValid: 'the round stays open for the ballot cases'
			}
		],
		// Board
		'POST /api/boards/[boardId]/commands/[command]': [
			command('phase', { phase: 'collect' }),
			command('settings', { locked: false }, { optional: ['locked'] }),
			command('timer', { seconds: 600 }),
			command('spotlight', { cardId: w.own.card }, { foreign: { cardId: w.other.card } }),
			command('follow', { target: null }),
			command('card-limit', { limit: 200 }),
			command('open-fields', { fields: [] }),
			{ ...command('reveal', {}), kind: 'json' },
			{
				...command('close', {}),
				skipValid: 'closing the board ends the other cases'
			}
		],
		'POST /api/boards/[boardId]/cards': [
			{
				who: 'guest',
				path: `${board}/cards`,
				kind: 'json',
				body: { kind: 'need', text: 'Un bisogno', target: '', policyAreaId: null },
				optional: ['target', 'policyAreaId'],
				foreign: { policyAreaId: 999_999 }
			}
		],
		'POST /api/boards/[boardId]/moderation/[pendingId]': [
			{
				who: 'facilitator',
				path: `${board}/moderation/pnothing`,
				kind: 'json',
				body: { approve: true },
				skipValid: 'needs a card waiting for moderation'
			}
		],
		'POST /api/boards/[boardId]/objectives': [
			{
				who: 'facilitator',
				path: `${board}/objectives`,
				kind: 'json',
				body: { type: 'card', id: w.own.card },
				foreign: { id: w.other.card }
			}
		],
		'POST /api/boards/[boardId]/priorities': [
			{
				who: 'facilitator',
				path: `${board}/priorities`,
				kind: 'json',
				body: { type: 'card', id: w.own.card, roundId: null },
				optional: ['roundId'],
				foreign: { id: w.other.card, roundId: w.other.round }
			}
		],
		'DELETE /api/boards/[boardId]/priorities': [
			{
				who: 'facilitator',
				path: `${board}/priorities`,
				kind: 'json',
				body: { type: 'card', id: w.own.card },
				foreign: { id: w.other.card }
			}
		],
		'POST /api/boards/[boardId]/rounds': [
			{
				who: 'facilitator',
				path: `${board}/rounds`,
				kind: 'json',
				body: { method: 'dot', targets: 'cards', targetIds: [w.own.card] },
				optional: ['targetIds'],
				foreign: { targetIds: [w.other.card], runOffOf: w.other.round },
				foreignPaths: [`/api/boards/${w.other.boardId}/rounds`]
			}
		],
		// Incontro, foglio firme, outcome
		'POST /api/join': [
			{
				who: 'anonymous',
				path: '/api/join',
				kind: 'json',
				body: { code: w.own.joinCode, name: 'Persona nuova', organization: '', consent: true },
				optional: ['organization'],
				foreign: { code: 'ZZZZZZ' }
			}
		],
		'POST /api/meetings/[meetingId]/attendance': [
			{
				who: 'facilitator',
				path: `${meetingApi}/attendance`,
				kind: 'json',
				body: { name: 'Firmato su carta', organization: 'Parrocchia' },
				optional: ['organization']
			}
		],
		'PATCH /api/meetings/[meetingId]/attendance/[attendanceId]': [
			{
				who: 'facilitator',
				path: `${meetingApi}/attendance/${w.guest.participantId}`,
				kind: 'json',
				body: { name: 'Ospite del fuzz', organization: 'Cooperativa Prova' },
				optional: ['name', 'organization'],
				foreignPaths: [`${meetingApi}/attendance/${w.other.line}`]
			}
		],
		'DELETE /api/meetings/[meetingId]/attendance/[attendanceId]': [
			{
				who: 'facilitator',
				path: `${meetingApi}/attendance/${w.guest.participantId}`,
				kind: 'none',
				foreignPaths: [`${meetingApi}/attendance/${w.other.line}`],
				skipValid: 'the guest is needed by later cases'
			}
		],
		'POST /api/meetings/[meetingId]/attendance/[attendanceId]/merge': [
			{
				who: 'facilitator',
				path: `${meetingApi}/attendance/${w.twice}/merge`,
				kind: 'json',
				body: { into: w.guest.participantId },
				foreign: { into: w.other.line },
				foreignPaths: [`${meetingApi}/attendance/${w.other.line}/merge`]
			}
		],
		'PUT /api/meetings/[meetingId]/attendance/[attendanceId]/delegate': [
			{
				who: 'facilitator',
				path: `${meetingApi}/attendance/${w.guest.participantId}/delegate`,
				kind: 'none',
				foreignPaths: [`${meetingApi}/attendance/${w.other.line}/delegate`]
			}
		],
		'DELETE /api/meetings/[meetingId]/attendance/[attendanceId]/delegate': [
			{
				who: 'facilitator',
				path: `${meetingApi}/attendance/${w.guest.participantId}/delegate`,
				kind: 'none',
				foreignPaths: [`${meetingApi}/attendance/${w.other.line}/delegate`]
			}
		],
		'POST /meetings/[meetingId] ?/mergeAttendance': [
			{
				who: 'facilitator',
				path: `${meeting}?/mergeAttendance`,
				kind: 'form',
				body: { id: w.thrice, into: w.guest.participantId },
				foreign: { into: w.other.line }
			}
		],
		'POST /meetings/[meetingId] ?/delegateAttendance': [
			{
				who: 'facilitator',
				path: `${meeting}?/delegateAttendance`,
				kind: 'form',
				body: { id: w.guest.participantId, confirmed: 'yes' },
				foreign: { id: w.other.line }
			}
		],
		'POST /api/meetings/[meetingId]/attendance/[attendanceId]/erase': [
			{
				who: 'admin',
				path: `${meetingApi}/attendance/${w.guest.participantId}/erase`,
				kind: 'none',
				foreignPaths: [`${meetingApi}/attendance/${w.other.line}/erase`],
				skipValid: 'the guest is needed by later cases'
			}
		],
		'POST /api/meetings/[meetingId]/board': [
			{ who: 'facilitator', path: `${meetingApi}/board`, kind: 'none' }
		],
		'POST /api/meetings/[meetingId]/outcome': [
			{ who: 'facilitator', path: `${meetingApi}/outcome`, kind: 'none' }
		],
		'POST /meetings/[meetingId] ?/openBoard': [
			{ who: 'facilitator', path: `${meeting}?/openBoard`, kind: 'form', body: {} }
		],
		'POST /meetings/[meetingId] ?/status': [
			{
				who: 'facilitator',
				path: `${meeting}?/status`,
				kind: 'form',
				body: { status: 'held' },
				skipValid: 'a held incontro changes what later cases may do'
			}
		],
		'POST /meetings/[meetingId] ?/addAttendance': [
			{
				who: 'facilitator',
				path: `${meeting}?/addAttendance`,
				kind: 'form',
				body: { name: 'Firma su carta', organization: '' }
			}
		],
		'POST /meetings/[meetingId] ?/correctAttendance': [
			{
				who: 'facilitator',
				path: `${meeting}?/correctAttendance`,
				kind: 'form',
				body: {
					id: w.guest.participantId,
					name: 'Ospite del fuzz',
					organization: 'Cooperativa Prova'
				},
				foreign: { id: w.other.line }
			}
		],
		'POST /meetings/[meetingId] ?/removeAttendance': [
			{
				who: 'facilitator',
				path: `${meeting}?/removeAttendance`,
				kind: 'form',
				body: { id: w.guest.participantId },
				foreign: { id: w.other.line },
				skipValid: 'the guest is needed by later cases'
			}
		],
		'POST /meetings/[meetingId] ?/addMonitoring': [
			{
				who: 'facilitator',
				path: `${meeting}?/addMonitoring`,
				kind: 'form',
				body: { objectiveId: String(w.objective) },
				foreign: { objectiveId: String(w.monitored.objective) },
				foreignPaths: [`/meetings/${w.other.meetingId}?/addMonitoring`]
			}
		],
		'POST /meetings/[meetingId] ?/removeMonitoring': [
			{
				who: 'facilitator',
				path: `${meeting}?/removeMonitoring`,
				kind: 'form',
				body: { objectiveId: String(w.objective) },
				foreign: { objectiveId: String(w.monitored.objective) },
				foreignPaths: [`/meetings/${w.other.meetingId}?/removeMonitoring`]
			}
		],
		'POST /meetings/[meetingId]/edit ?/default': [
			{ who: 'facilitator', path: `${meeting}/edit`, kind: 'form', body: meetingForm }
		],
		'POST /tavoli/[tavoloId]/meetings/new ?/default': [
			{ who: 'facilitator', path: `${tavolo}/meetings/new`, kind: 'form', body: meetingForm }
		],
		// Verbale
		'POST /meetings/[meetingId]/minutes ?/generate': [
			{
				who: 'facilitator',
				path: `${meeting}/minutes?/generate`,
				kind: 'form',
				body: { overwrite: 'on' },
				optional: ['overwrite']
			}
		],
		'POST /meetings/[meetingId]/minutes ?/edit': [
			{
				who: 'facilitator',
				path: `${meeting}/minutes?/edit`,
				kind: 'form',
				body: { section: 'decisions', text: 'Si decide di proseguire.' }
			}
		],
		'POST /meetings/[meetingId]/minutes ?/share': [
			{
				who: 'facilitator',
				path: `${meeting}/minutes?/share`,
				kind: 'form',
				body: {},
				skipValid: 'sharing needs an incontro under way (tests/e2e/minutes.e2e.ts)'
			}
		],
		'POST /meetings/[meetingId]/minutes ?/comment': [
			{
				who: 'guest',
				path: `${meeting}/minutes?/comment`,
				kind: 'form',
				body: { section: 'decisions', text: 'Manca il mio intervento.' },
				skipValid: 'comments need a shared verbale (tests/e2e/minutes.e2e.ts)'
			}
		],
		'POST /meetings/[meetingId]/minutes ?/freeze': [
			{
				who: 'facilitator',
				path: `${meeting}/minutes?/freeze`,
				kind: 'form',
				body: {},
				skipValid: 'a frozen verbale takes no more edits'
			}
		],
		// Tavoli
		'POST /tavoli/[tavoloId] ?/addMember': [
			{
				who: 'facilitator',
				path: `${tavolo}?/addMember`,
				kind: 'form',
				body: { personId: String(w.nonMember), role: 'member' },
				foreign: { personId: '999999' }
			}
		],
		'POST /tavoli/[tavoloId] ?/changeRole': [
			{
				who: 'facilitator',
				path: `${tavolo}?/changeRole`,
				kind: 'form',
				body: { memberId: String(w.member.id), role: 'member' },
				foreign: { memberId: '999999' },
				skipValid: 'may change who facilitates'
			}
		],
		'POST /tavoli/[tavoloId] ?/removeMember': [
			{
				who: 'facilitator',
				path: `${tavolo}?/removeMember`,
				kind: 'form',
				body: { memberId: String(w.member.id) },
				foreign: { memberId: '999999' },
				skipValid: 'may remove the facilitator'
			}
		],
		'POST /tavoli/[tavoloId]/edit ?/default': [
			{
				who: 'admin',
				path: `${tavolo}/edit`,
				kind: 'form',
				body: tavoloForm,
				arrays: ['policyAreaIds'],
				foreign: { policyAreaIds: ['999999'] }
			}
		],
		'POST /plans/[planId]/tavoli/new ?/default': [
			{
				who: 'admin',
				path: `${plan}/tavoli/new`,
				kind: 'form',
				body: { ...tavoloForm, name: 'Tavolo nuovo' },
				arrays: ['policyAreaIds']
			}
		],
		'POST /tavoli/[tavoloId]/subgroups/new ?/save': [
			{
				who: 'facilitator',
				path: `${tavolo}/subgroups/new?/save`,
				kind: 'form',
				body: { name: 'Gruppo nuovo', kind: 'theme', description: '', personIds: [] },
				arrays: ['personIds']
			}
		],
		'POST /tavoli/[tavoloId]/subgroups/[subgroupId] ?/save': [
			{
				who: 'facilitator',
				path: `${tavolo}/subgroups/${w.subgroup}?/save`,
				kind: 'form',
				body: { name: 'Gruppo rinominato', kind: 'theme', description: '', personIds: [] },
				arrays: ['personIds']
			}
		],
		'POST /tavoli/[tavoloId]/subgroups/[subgroupId] ?/delete': [
			{
				who: 'facilitator',
				path: `${tavolo}/subgroups/${w.subgroup}?/delete`,
				kind: 'form',
				body: {},
				skipValid: 'the subgroup is needed by its save case'
			}
		],
		// Plan set-up
		'POST /plans/new ?/default': [
			{
				who: 'admin',
				path: '/plans/new',
				kind: 'form',
				body: {
					title: 'Piano nuovo',
					period: '2028-2030',
					status: 'drafting',
					taxonomyVersionId: '2025-2027',
					ambitoId: String(w.ambito)
				},
				foreign: { ambitoId: '999999' }
			}
		],
		'POST /plans/[planId]/edit ?/save': [
			{
				who: 'admin',
				path: `${plan}/edit?/save`,
				kind: 'form',
				body: {
					title: 'Piano di Zona 2025-2027',
					period: '2025-2027',
					status: 'drafting',
					taxonomyVersionId: '2025-2027'
				},
				skipValid: 'would retitle the demo plan'
			}
		],
		'POST /plans/[planId]/policy-areas ?/create': [
			{
				who: 'admin',
				path: `${plan}/policy-areas?/create`,
				kind: 'form',
				body: { name: 'Area nuova', macroAreaIds: [String(w.macroArea)] },
				arrays: ['macroAreaIds'],
				foreign: { macroAreaIds: ['999999'] }
			}
		],
		'POST /plans/[planId]/policy-areas/[areaId] ?/default': [
			{
				who: 'admin',
				path: `${plan}/policy-areas/${w.policyArea}`,
				kind: 'form',
				body: { name: 'Area rinominata', macroAreaIds: [String(w.macroArea)] },
				arrays: ['macroAreaIds']
			}
		],
		'POST /api/plans': [
			{
				who: 'admin',
				path: '/api/plans',
				kind: 'json',
				body: {
					title: 'Piano via API',
					period: '2028-2030',
					taxonomyVersion: '2025-2027',
					ambitoId: w.ambito
				},
				optional: ['ambitoId'],
				foreign: { ambitoId: 999_999 }
			}
		],
		'POST /api/plans/[planId]/objectives/[objectiveId]/measurements': [
			{
				who: 'admin',
				path: `/api/plans/${w.monitored.plan}/objectives/${w.monitored.objective}/measurements`,
				kind: 'json',
				body: {
					indicatorId: w.monitored.indicator,
					period: '2026-S1',
					value: 48,
					note: 'Dati dei servizi sociali'
				},
				optional: ['note'],
				foreign: { indicatorId: 'i00000000' },
				foreignPaths: [
					`/api/plans/${w.plan}/objectives/${w.monitored.objective}/measurements`,
					`/api/plans/${w.monitored.plan}/objectives/${w.objective}/measurements`
				]
			}
		],
		'POST /plans/[planId]/monitoring ?/save': [
			{
				who: 'admin',
				path: `/plans/${w.monitored.plan}/monitoring?/save`,
				kind: 'form',
				body: deskGrid(w),
				foreign: { period: '2031-S1' },
				foreignPaths: [`${plan}/monitoring?/save`]
			}
		],
		'POST /plans/[planId]/monitoring ?/import': [
			{
				who: 'admin',
				path: `/plans/${w.monitored.plan}/monitoring?/import`,
				kind: 'multipart',
				body: { file: templateFile(w) }
			}
		],
		'POST /api/plans/[planId]/monitoring/import': [
			{
				who: 'admin',
				path: `/api/plans/${w.monitored.plan}/monitoring/import`,
				kind: 'multipart',
				body: { file: templateFile(w) },
				foreignPaths: [`/api/plans/${w.plan}/monitoring/import`]
			}
		],
		'PUT /api/plans/[planId]/objectives/[objectiveId]/evaluation': [
			{
				who: 'admin',
				path: `/api/plans/${w.monitored.plan}/objectives/${w.monitored.objective}/evaluation`,
				kind: 'json',
				body: {
					actionsPlanned: 10,
					actionsDone: 8,
					budgetPlanned: 5000,
					budgetPaid: 4500,
					userEvaluation: 'Non pertinente',
					resourceAdequacy: 'Adeguato',
					notes: 'Avvio in ritardo di un semestre'
				},
				foreign: { resourceAdequacy: 'Ottimo' },
				foreignPaths: [
					`/api/plans/${w.plan}/objectives/${w.monitored.objective}/evaluation`,
					`/api/plans/${w.monitored.plan}/objectives/${w.objective}/evaluation`
				]
			}
		],
		'POST /api/plans/[planId]/successor': [
			{
				who: 'admin',
				path: `/api/plans/${w.monitored.plan}/successor`,
				kind: 'json',
				body: {
					title: 'Piano successivo via API',
					period: '2028-2030',
					taxonomyVersion: '2025-2027',
					objectiveIds: [w.monitored.objective]
				},
				foreign: { objectiveIds: [w.objective], taxonomyVersion: '2099-2101', period: '2022-2024' },
				foreignPaths: [`/api/plans/${w.plan}/successor`]
			}
		],
		'POST /plans/[planId]/successor ?/create': [
			{
				who: 'admin',
				path: `/plans/${w.monitored.plan}/successor?/create`,
				kind: 'form',
				body: {
					title: 'Piano successivo dal modulo',
					period: '2028-2030',
					taxonomyVersion: '2025-2027',
					objectiveIds: [String(w.monitored.objective)]
				},
				arrays: ['objectiveIds'],
				foreign: { objectiveIds: [String(w.objective)], taxonomyVersion: '2099-2101' },
				foreignPaths: [`/plans/${w.plan}/successor?/create`]
			}
		],
		'POST /plans/[planId]/edit ?/cadence': [
			{
				who: 'admin',
				path: `/plans/${w.monitored.plan}/edit?/cadence`,
				kind: 'form',
				// The cadence it has: the valid request changes nothing the other cases rely on.
				body: { monitoringCadence: 'semester' },
				foreign: { monitoringCadence: 'monthly' }
			}
		],
		'PUT /api/plans/[planId]/objectives/[objectiveId]/actions': [
			{
				who: 'admin',
				path: `/api/plans/${w.monitored.plan}/objectives/${w.monitored.objective}/actions`,
				kind: 'json',
				body: {
					actions: [{ title: 'Sportello casa', plannedOn: '2025-03-01', doneOn: null }]
				},
				foreign: {
					actions: [{ title: 'Fuori piano', plannedOn: '2031-03-01', doneOn: null }]
				},
				foreignPaths: [
					`/api/plans/${w.plan}/objectives/${w.monitored.objective}/actions`,
					`/api/plans/${w.monitored.plan}/objectives/${w.objective}/actions`
				]
			}
		],
		'PUT /api/plans/[planId]/objectives/[objectiveId]/budget': [
			{
				who: 'admin',
				path: `/api/plans/${w.monitored.plan}/objectives/${w.monitored.objective}/budget`,
				kind: 'json',
				body: { years: [{ year: 2025, planned: 1000, committed: 900, paid: 800 }] },
				foreign: { years: [{ year: 2031, planned: 1000, committed: null, paid: null }] },
				foreignPaths: [
					`/api/plans/${w.plan}/objectives/${w.monitored.objective}/budget`,
					`/api/plans/${w.monitored.plan}/objectives/${w.objective}/budget`
				]
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/actions': [
			{
				who: 'admin',
				path: `/plans/${w.monitored.plan}/objectives/${w.monitored.objective}?/actions`,
				kind: 'form',
				body: { title: 'Sportello casa', plannedOn: '2025-03-01', doneOn: '' },
				foreign: { plannedOn: '2031-03-01' },
				foreignPaths: [`/plans/${w.plan}/objectives/${w.monitored.objective}?/actions`]
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/budget': [
			{
				who: 'admin',
				path: `/plans/${w.monitored.plan}/objectives/${w.monitored.objective}?/budget`,
				kind: 'form',
				body: { year: '2025', planned: '1000', committed: '', paid: '800' },
				foreign: { year: '2031' },
				foreignPaths: [`/plans/${w.plan}/objectives/${w.monitored.objective}?/budget`]
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/evaluate': [
			{
				who: 'admin',
				path: `/plans/${w.monitored.plan}/objectives/${w.monitored.objective}?/evaluate`,
				kind: 'form',
				body: {
					actionsPlanned: '10',
					actionsDone: '8',
					budgetPlanned: '5000',
					budgetPaid: '4500',
					userEvaluation: 'Non pertinente',
					resourceAdequacy: 'Adeguato',
					notes: ''
				},
				foreign: { resourceAdequacy: 'Ottimo' },
				foreignPaths: [`/plans/${w.plan}/objectives/${w.monitored.objective}?/evaluate`]
			}
		],
		'POST /ambiti ?/saveAmbito': [
			{
				who: 'admin',
				path: '/ambiti?/saveAmbito',
				kind: 'form',
				body: { name: 'Ambito nuovo', leadBody: 'Comune capofila' }
			}
		],
		'POST /ambiti/[ambitoId] ?/saveAmbito': [
			{
				who: 'admin',
				path: `/ambiti/${w.ambito}?/saveAmbito`,
				kind: 'form',
				body: { name: 'Ambito rinominato', leadBody: 'Comune capofila' }
			}
		],
		'POST /ambiti/[ambitoId] ?/addComune': [
			{
				who: 'admin',
				path: `/ambiti/${w.ambito}?/addComune`,
				kind: 'form',
				body: { name: 'Comune nuovo', population: '1200' }
			}
		],
		'POST /ambiti/[ambitoId] ?/updateComune': [
			{
				who: 'admin',
				path: `/ambiti/${w.ambito}?/updateComune`,
				kind: 'form',
				body: { comuneId: String(w.comune), name: 'Comune rinominato', population: '1300' },
				foreign: { comuneId: '999999' }
			}
		],
		'POST /ambiti/[ambitoId] ?/removeComune': [
			{
				who: 'admin',
				path: `/ambiti/${w.ambito}?/removeComune`,
				kind: 'form',
				body: { comuneId: String(w.comune) },
				foreign: { comuneId: '999999' },
				skipValid: 'the comune is needed by its update case'
			}
		],
		// Directory and accounts
		'POST /organizations/new ?/save': [
			{
				who: 'admin',
				path: '/organizations/new?/save',
				kind: 'form',
				body: {
					name: 'Associazione nuova',
					aliases: '',
					type: 'association',
					sector: 'third_sector',
					email: ''
				}
			}
		],
		'POST /organizations/[organizationId] ?/save': [
			{
				who: 'admin',
				path: `/organizations/${w.organization}?/save`,
				kind: 'form',
				body: {
					name: 'Organizzazione rinominata',
					aliases: '',
					type: 'association',
					sector: 'third_sector',
					email: ''
				}
			}
		],
		'POST /people/new ?/save': [
			{
				who: 'admin',
				path: '/people/new?/save',
				kind: 'form',
				body: {
					fullName: 'Persona nuova',
					email: '',
					phone: '',
					organizationId: '',
					jobTitle: '',
					roleLevel: 'operational'
				},
				foreign: { organizationId: '999999' }
			}
		],
		'POST /people/[personId] ?/save': [
			{
				who: 'admin',
				path: `/people/${w.person}?/save`,
				kind: 'form',
				body: {
					fullName: 'Persona rinominata',
					email: '',
					phone: '',
					organizationId: '',
					jobTitle: '',
					roleLevel: 'operational'
				}
			}
		],
		'POST /people/[personId] ?/erase': [
			{
				who: 'admin',
				path: `/people/${w.person}?/erase`,
				kind: 'form',
				body: { confirm: 'yes' },
				skipValid: 'the person is needed by its save case'
			}
		],
		'POST /users ?/create': [
			{
				who: 'admin',
				path: '/users?/create',
				kind: 'form',
				body: {
					email: 'nuovo@demo.local',
					role: 'facilitator',
					password: 'una-password-lunga',
					displayName: 'Nuovo',
					personId: ''
				},
				foreign: { personId: '999999' }
			}
		],
		'POST /account ?/password': [
			{
				who: 'fresh-admin',
				path: '/account?/password',
				kind: 'form',
				body: {
					currentPassword: 'tavoli-demo',
					newPassword: 'tavoli-demo',
					confirmPassword: 'tavoli-demo'
				},
				skipValid: 'would log the other sessions out'
			}
		],
		'POST /login ?/default': [
			{
				who: 'anonymous',
				path: '/login',
				kind: 'form',
				body: { email: 'admin@demo.local', password: 'tavoli-demo', next: '/' },
				optional: ['next']
			}
		],
		'POST /logout ?/default': [{ who: 'fresh-admin', path: '/logout', kind: 'form', body: {} }],
		'POST /locale': [
			{
				who: 'anonymous',
				path: '/locale',
				kind: 'form',
				body: { locale: 'en', next: '/' },
				optional: ['next']
			}
		],
		'POST /api/session': [
			{
				who: 'anonymous',
				path: '/api/session',
				kind: 'json',
				body: { email: 'admin@demo.local', password: 'tavoli-demo' }
			}
		],
		'DELETE /api/session': [{ who: 'fresh-admin', path: '/api/session', kind: 'none' }],
		'POST /join ?/default': [
			{
				who: 'anonymous',
				path: '/join',
				kind: 'form',
				body: {
					code: w.own.joinCode,
					name: 'Persona dal modulo',
					organization: '',
					consent: 'yes'
				},
				foreign: { code: 'ZZZZZZ' }
			}
		],
		'POST /join/[code] ?/default': [
			{
				who: 'anonymous',
				path: `/join/${w.own.joinCode}`,
				kind: 'form',
				body: { code: w.own.joinCode, name: 'Persona dal link', organization: '', consent: 'yes' },
				foreign: { code: 'ZZZZZZ' }
			}
		],
		// Plan objectives and imports
		'POST /plans/[planId]/objectives ?/renumber': [
			{
				who: 'admin',
				path: `${plan}/objectives?/renumber`,
				kind: 'form',
				body: { objectiveId: String(w.objective), number: '1' },
				foreign: { objectiveId: '999999', number: String(w.objectiveCount + 5) }
			}
		],
		'POST /plans/[planId]/objectives ?/import': [
			{
				who: 'admin',
				path: `${plan}/objectives?/import`,
				kind: 'multipart',
				body: { file: new File(['{"format":"x"}'], 'piano.json', { type: 'application/json' }) },
				skipValid: 'an import needs a whole plan document (tests/e2e/plan-api.e2e.ts)'
			}
		],
		'POST /api/plans/[planId]/import': [
			{
				who: 'admin',
				path: `/api/plans/${w.plan}/import`,
				kind: 'json',
				body: { format: 'tavoli-plan', objectives: [] },
				skipValid: 'an import needs a whole plan document (tests/e2e/plan-api.e2e.ts)'
			}
		],
		'POST /api/plans/[planId]/import-sheet': [
			{
				who: 'admin',
				path: `/api/plans/${w.plan}/import-sheet`,
				kind: 'multipart',
				// Without confirm the answer is the guesses: valid, and nothing saved.
				body: {
					file: new File(['Titolo;Descrizione\nUno;Due\n'], 'obiettivi.csv', { type: 'text/csv' }),
					options: '{"headerRow":1,"mapping":{"0":"title"}}'
				},
				optional: ['options']
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/save': [
			{
				who: 'admin',
				path: `${plan}/objectives/${w.objective}?/save`,
				kind: 'form',
				body: { title: 'Obiettivo' },
				skipValid: 'the edit form carries the whole template (tests/e2e/objectives.e2e.ts)'
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/restore': [
			{
				who: 'admin',
				path: `${plan}/objectives/${w.objective}?/restore`,
				kind: 'form',
				body: { revision: '1' },
				foreign: { revision: '999999' }
			}
		],
		// Published, then unpublished: the plan ends as it began (its slug kept, SPEC M13).
		'POST /plans/[planId] ?/publish': [
			{
				who: 'admin',
				path: `${plan}?/publish`,
				kind: 'form',
				body: {},
				foreignPaths: ['/plans/999999?/publish']
			}
		],
		'POST /plans/[planId] ?/unpublish': [
			{
				who: 'admin',
				path: `${plan}?/unpublish`,
				kind: 'form',
				body: {},
				foreignPaths: ['/plans/999999?/unpublish']
			}
		],
		// Archived, then brought back: the objective ends as it began, for the cases after.
		'POST /plans/[planId]/objectives/[objectiveId] ?/archive': [
			{
				who: 'admin',
				path: `${plan}/objectives/${w.objective}?/archive`,
				kind: 'form',
				body: {},
				foreignPaths: [`${plan}/objectives/999999?/archive`]
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/unarchive': [
			{
				who: 'admin',
				path: `${plan}/objectives/${w.objective}?/unarchive`,
				kind: 'form',
				body: {},
				foreignPaths: [`${plan}/objectives/999999?/unarchive`]
			}
		],
		'POST /plans/[planId]/objectives/import-sheet ?/upload': [
			{
				who: 'admin',
				path: `${plan}/objectives/import-sheet?/upload`,
				kind: 'multipart',
				body: {
					file: new File(['Titolo;Descrizione\nUno;Due\n'], 'obiettivi.csv', { type: 'text/csv' })
				}
			}
		],
		'POST /plans/[planId]/objectives/import-sheet ?/preview': [
			{
				who: 'admin',
				path: `${plan}/objectives/import-sheet?/preview`,
				kind: 'form',
				body: {
					rows: '[{"row":1,"cells":["Titolo"]},{"row":2,"cells":["Uno"]}]',
					headerRow: '1',
					'column-0': 'title'
				},
				skipValid: 'the preview answers what it found (tests/e2e/plan-sheet.e2e.ts)'
			}
		],
		'POST /plans/[planId]/objectives/import-sheet ?/confirm': [
			{
				who: 'admin',
				path: `${plan}/objectives/import-sheet?/confirm`,
				kind: 'form',
				body: {
					rows: '[{"row":1,"cells":["Titolo"]},{"row":2,"cells":["Uno"]}]',
					headerRow: '1',
					'column-0': 'title'
				},
				skipValid: 'tests/e2e/plan-sheet.e2e.ts imports a whole sheet'
			}
		],
		'POST /plans/[planId]/inbox ?/decide': [
			{
				who: 'admin',
				path: `${plan}/inbox?/decide`,
				kind: 'form',
				body: { outcomeId: '999999', cardId: w.own.card, decision: 'parked', reason: '' },
				skipValid: 'needs a submitted outcome (tests/e2e/udp-journey.e2e.ts)'
			}
		],
		'POST /plans/[planId]/inbox/[outcomeId]/merge ?/default': [
			{
				who: 'admin',
				path: `${plan}/inbox/999999/merge`,
				kind: 'form',
				body: { card: w.own.card, into: String(w.objective), reason: '' },
				skipValid: 'needs a submitted outcome (tests/e2e/udp-journey.e2e.ts)'
			}
		],
		'POST /import ?/preview': [
			{
				who: 'admin',
				path: '/import?/preview',
				kind: 'multipart',
				body: {
					kind: 'organizations',
					file: new File(['Nome;Tipo\nCoop Nuova;cooperativa\n'], 'enti.csv', { type: 'text/csv' })
				},
				skipValid: 'the preview answers what it found (tests/e2e/import.e2e.ts)'
			}
		],
		'POST /import ?/confirm': [
			{
				who: 'admin',
				path: '/import?/confirm',
				kind: 'form',
				body: { kind: 'organizations', table: '[["Nome"],["Coop Nuova"]]' },
				skipValid: 'tests/e2e/import.e2e.ts imports a whole file'
			}
		]
	};
}

// ---- the test -------------------------------------------------------------

test.beforeAll(async () => {
	await server.start();
});

test.afterAll(async () => {
	await server.kill('SIGTERM');
});

test('every state-changing endpoint and form action of src/routes has a fuzz case', async () => {
	const w = await world();
	const known = new Set(Object.keys(cases(w)));
	const missing = listEndpoints()
		.filter((e) => e.method !== 'GET')
		.map(endpointKey)
		.filter((key) => !known.has(key));
	expect(missing, 'endpoints without a fuzz case').toEqual([]);
});

test('[issue 12] mutants of every request are refused with a 4xx and change nothing; the valid ones pass', async () => {
	test.setTimeout(600_000);
	console.log(`http fuzz seed: ${SEED} (rerun with HTTP_FUZZ_SEED=${SEED})`);
	const w = await world();
	const all = cases(w);
	const order = Object.entries(all).flatMap(([key, list]) => list.map((c) => ({ key, c })));
	const problems: string[] = [];
	let sent = 0;
	for (const { key, c } of order) {
		const method = key.split(' ')[0]!;
		const list = mutants(c);
		// Seeded shuffle: the order of mutants varies between runs, never their set.
		const rand = prng(SEED + key.length);
		for (let i = list.length - 1; i > 0; i--) {
			const j = Math.floor(rand() * (i + 1));
			[list[i], list[j]] = [list[j]!, list[i]!];
		}
		let before = await settled();
		for (const m of list) {
			const { status, text, toLogin } = await send(c.who, method, m);
			sent++;
			const where = `${key} (${c.path}) ${m.name}`;
			if (toLogin) problems.push(`${where}: sent to log in; the case's session is wrong`);
			else if (status >= 500) problems.push(`${where}: ${status} ${text.slice(0, 200)}`);
			else if (status < 400) problems.push(`${where}: accepted with ${status}`);
			const after = snapshot();
			const changed = changedTables(before, after);
			if (changed.length)
				problems.push(`${where}: changed the database (${status}): ${changed.join(', ')}`);
			before = after;
		}
		if (!c.skipValid) {
			const { status, text, toLogin } = await send(c.who, method, encode(c, c.body ?? {}));
			sent++;
			if (status >= 400 || (toLogin && c.path !== '/logout'))
				problems.push(`${key} (${c.path}) valid request refused: ${status} ${text.slice(0, 300)}`);
		}
	}
	console.log(`http fuzz: ${sent} requests over ${Object.keys(all).length} endpoints`);
	if (problems.length) console.log(`http fuzz problems:\n${problems.join('\n')}`);
	expect(server.alive).toBe(true);
	expect(problems).toEqual([]);
});
