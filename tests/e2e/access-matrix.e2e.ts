import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { boardOfMeeting, demoIds, type DemoIds } from './demo-db';
import { demoAccounts, demoPassword } from './helpers';
import { endpointKey, listEndpoints } from './route-inventory';

/**
 * Every route × every role (SPEC A1-A6). "own" is the tavolo the demo facilitator
 * facilitates and where the demo participant and observer sit; "sitsIn" is one
 * where the facilitator is only a member; "other" is one none of them belongs to.
 */
const roles = ['anonymous', 'admin', 'facilitator', 'participant', 'observer'] as const;
type Role = (typeof roles)[number];
type Outcome = 'ok' | 'login' | 'denied' | 'redirect' | 'missing';
type Expectation = Record<Role, Outcome>;

const row = (
	anonymous: Outcome,
	admin: Outcome,
	facilitator: Outcome,
	participant: Outcome,
	observer: Outcome
): Expectation => ({
	anonymous,
	admin,
	facilitator,
	participant,
	observer
});
const everyone = row('login', 'ok', 'ok', 'ok', 'ok');
const adminOnly = row('login', 'ok', 'denied', 'denied', 'denied');
const directory = row('login', 'ok', 'ok', 'denied', 'denied');
const tavoloMembers = row('login', 'ok', 'ok', 'ok', 'ok');
const tavoloManagers = row('login', 'ok', 'ok', 'denied', 'denied');
const open = row('ok', 'ok', 'ok', 'ok', 'ok');

interface Case {
	path: string;
	expect: Expectation;
	/** Allowed requests would change demo data with an empty form: test refusals only. */
	refusalsOnly?: boolean;
}

/** Per tavolo-scoped route: the same URL on the three kinds of tavolo. */
function perTavolo(
	make: (v: 'own' | 'sitsIn' | 'other') => string,
	own: Expectation,
	sitsIn: Expectation
): Case[] {
	return [
		{ path: make('own'), expect: own },
		{ path: make('sitsIn'), expect: sitsIn },
		{ path: make('other'), expect: adminOnly }
	];
}

interface Boards {
	own: string;
	other: string;
}

/** Opens the boards the matrix needs, as their facilitator and as the UdP would. */
async function openBoards(ids: DemoIds): Promise<Boards> {
	await contexts.get('facilitator')!.post(`/api/meetings/${ids.todayMeeting}/board`);
	await contexts.get('admin')!.post(`/api/meetings/${ids.meeting.other}/board`);
	return { own: boardOfMeeting(ids.todayMeeting)!, other: boardOfMeeting(ids.meeting.other)! };
}

let boards: Boards;

function matrix(ids: DemoIds): Record<string, Case[]> {
	const t = ids.tavolo;
	const tavoloPage = (v: keyof typeof t) => `/tavoli/${t[v]}`;
	const sitsInManage = row('login', 'ok', 'denied', 'denied', 'denied');
	const sitsInObserver = row('login', 'ok', 'ok', 'denied', 'ok');
	return {
		'GET /': [{ path: '/', expect: everyone }],
		'GET /login': [
			{ path: '/login', expect: row('ok', 'redirect', 'redirect', 'redirect', 'redirect') }
		],
		'POST /login ?/default': [
			{ path: '/login', expect: row('ok', 'redirect', 'redirect', 'redirect', 'redirect') }
		],
		'GET /logout': [
			{ path: '/logout', expect: row('redirect', 'redirect', 'redirect', 'redirect', 'redirect') }
		],
		'POST /logout ?/default': [
			{
				path: '/logout',
				expect: row('redirect', 'redirect', 'redirect', 'redirect', 'redirect'),
				refusalsOnly: true
			}
		],
		'POST /locale': [
			{ path: '/locale', expect: row('redirect', 'redirect', 'redirect', 'redirect', 'redirect') }
		],
		'GET /healthz': [{ path: '/healthz', expect: open }],
		'POST /api/session': [{ path: '/api/session', expect: open }],
		'DELETE /api/session': [
			{ path: '/api/session', expect: row('login', 'ok', 'ok', 'ok', 'ok'), refusalsOnly: true }
		],
		'GET /api/plans': [{ path: '/api/plans', expect: everyone }],
		'GET /account': [{ path: '/account', expect: everyone }],
		'POST /account ?/password': [{ path: '/account', expect: everyone }],
		'GET /taxonomy': [{ path: '/taxonomy', expect: everyone }],
		'GET /plans': [{ path: '/plans', expect: everyone }],
		'GET /plans/new': [{ path: '/plans/new', expect: adminOnly }],
		'POST /plans/new ?/default': [{ path: '/plans/new', expect: adminOnly }],
		'GET /plans/[planId]': [
			{ path: `/plans/${ids.planId}`, expect: everyone },
			{ path: '/plans/999999', expect: row('login', 'missing', 'denied', 'denied', 'denied') }
		],
		'GET /plans/[planId]/edit': [{ path: `/plans/${ids.planId}/edit`, expect: adminOnly }],
		'POST /plans/[planId]/edit ?/default': [
			{ path: `/plans/${ids.planId}/edit`, expect: adminOnly }
		],
		'GET /plans/[planId]/policy-areas': [
			{ path: `/plans/${ids.planId}/policy-areas`, expect: adminOnly }
		],
		'POST /plans/[planId]/policy-areas ?/create': [
			{ path: `/plans/${ids.planId}/policy-areas`, expect: adminOnly }
		],
		'GET /plans/[planId]/policy-areas/[areaId]': [
			{ path: `/plans/${ids.planId}/policy-areas/${ids.policyAreaId}`, expect: adminOnly }
		],
		'POST /plans/[planId]/policy-areas/[areaId] ?/default': [
			{ path: `/plans/${ids.planId}/policy-areas/${ids.policyAreaId}`, expect: adminOnly }
		],
		'GET /plans/[planId]/tavoli/new': [
			{ path: `/plans/${ids.planId}/tavoli/new`, expect: adminOnly }
		],
		'POST /plans/[planId]/tavoli/new ?/default': [
			{ path: `/plans/${ids.planId}/tavoli/new`, expect: adminOnly }
		],
		'GET /ambiti': [{ path: '/ambiti', expect: adminOnly }],
		'POST /ambiti ?/saveAmbito': [{ path: '/ambiti', expect: adminOnly }],
		'GET /ambiti/[ambitoId]': [{ path: `/ambiti/${ids.ambitoId}`, expect: adminOnly }],
		...Object.fromEntries(
			['saveAmbito', 'addComune', 'updateComune', 'removeComune'].map((a) => [
				`POST /ambiti/[ambitoId] ?/${a}`,
				[{ path: `/ambiti/${ids.ambitoId}`, expect: adminOnly }]
			])
		),
		'GET /organizations': [{ path: '/organizations', expect: directory }],
		'GET /organizations/new': [{ path: '/organizations/new', expect: adminOnly }],
		'POST /organizations/new ?/save': [{ path: '/organizations/new', expect: adminOnly }],
		'GET /organizations/[organizationId]': [
			{ path: `/organizations/${ids.organizationId}`, expect: directory }
		],
		'POST /organizations/[organizationId] ?/save': [
			{ path: `/organizations/${ids.organizationId}`, expect: adminOnly }
		],
		'GET /people': [{ path: '/people', expect: directory }],
		'GET /people/new': [{ path: '/people/new', expect: adminOnly }],
		'POST /people/new ?/save': [{ path: '/people/new', expect: adminOnly }],
		'GET /people/[personId]': [{ path: `/people/${ids.personId}`, expect: directory }],
		'POST /people/[personId] ?/save': [{ path: `/people/${ids.personId}`, expect: adminOnly }],
		'POST /people/[personId] ?/erase': [{ path: `/people/${ids.personId}`, expect: adminOnly }],
		'GET /people/[personId]/export.json': [
			{ path: `/people/${ids.personId}/export.json`, expect: adminOnly }
		],
		'GET /import': [{ path: '/import', expect: adminOnly }],
		'POST /import ?/preview': [{ path: '/import', expect: adminOnly }],
		'POST /import ?/confirm': [{ path: '/import', expect: adminOnly }],
		'GET /users': [{ path: '/users', expect: adminOnly }],
		'POST /users ?/create': [{ path: '/users', expect: adminOnly }],
		'GET /tavoli/[tavoloId]': perTavolo(tavoloPage, tavoloMembers, sitsInObserver),
		...Object.fromEntries(
			['addMember', 'changeRole', 'removeMember'].map((a) => [
				`POST /tavoli/[tavoloId] ?/${a}`,
				perTavolo(tavoloPage, tavoloManagers, sitsInManage)
			])
		),
		'GET /tavoli/[tavoloId]/edit': perTavolo((v) => `${tavoloPage(v)}/edit`, adminOnly, adminOnly),
		'POST /tavoli/[tavoloId]/edit ?/default': perTavolo(
			(v) => `${tavoloPage(v)}/edit`,
			adminOnly,
			adminOnly
		),
		'GET /tavoli/[tavoloId]/meetings/new': perTavolo(
			(v) => `${tavoloPage(v)}/meetings/new`,
			tavoloManagers,
			sitsInManage
		),
		'POST /tavoli/[tavoloId]/meetings/new ?/default': perTavolo(
			(v) => `${tavoloPage(v)}/meetings/new`,
			tavoloManagers,
			sitsInManage
		),
		'GET /tavoli/[tavoloId]/subgroups/new': perTavolo(
			(v) => `${tavoloPage(v)}/subgroups/new`,
			tavoloManagers,
			sitsInManage
		),
		'POST /tavoli/[tavoloId]/subgroups/new ?/save': perTavolo(
			(v) => `${tavoloPage(v)}/subgroups/new`,
			tavoloManagers,
			sitsInManage
		),
		'GET /tavoli/[tavoloId]/subgroups/[subgroupId]': perTavolo(
			(v) => `${tavoloPage(v)}/subgroups/${ids.subgroup[v]}`,
			tavoloManagers,
			sitsInManage
		),
		'POST /tavoli/[tavoloId]/subgroups/[subgroupId] ?/save': perTavolo(
			(v) => `${tavoloPage(v)}/subgroups/${ids.subgroup[v]}`,
			tavoloManagers,
			sitsInManage
		),
		'POST /tavoli/[tavoloId]/subgroups/[subgroupId] ?/delete': perTavolo(
			(v) => `${tavoloPage(v)}/subgroups/${ids.subgroup[v]}`,
			tavoloManagers,
			sitsInManage
		).map((c) => ({ ...c, refusalsOnly: true })),
		'GET /meetings/[meetingId]': perTavolo(
			(v) => `/meetings/${ids.meeting[v]}`,
			tavoloMembers,
			sitsInObserver
		),
		'POST /meetings/[meetingId] ?/status': perTavolo(
			(v) => `/meetings/${ids.meeting[v]}`,
			tavoloManagers,
			sitsInManage
		),
		'GET /meetings/[meetingId]/edit': perTavolo(
			(v) => `/meetings/${ids.meeting[v]}/edit`,
			tavoloManagers,
			sitsInManage
		),
		'POST /meetings/[meetingId]/edit ?/default': perTavolo(
			(v) => `/meetings/${ids.meeting[v]}/edit`,
			tavoloManagers,
			sitsInManage
		),
		...liveBoardRoutes(ids, boards),
		'GET /meetings/[meetingId]/invite.ics': perTavolo(
			(v) => `/meetings/${ids.meeting[v]}/invite.ics`,
			tavoloMembers,
			sitsInObserver
		)
	};
}

/** The UdP passes the rule and then finds no such line: 404. */
const missingForAdmin = (c: Case): Case => ({ ...c, expect: { ...c.expect, admin: 'missing' } });

/** Issue 3: joining, boards, attendance. */
function liveBoardRoutes(ids: DemoIds, b: Boards): Record<string, Case[]> {
	const meeting = (v: 'own' | 'sitsIn' | 'other') => `/api/meetings/${ids.meeting[v]}`;
	const perBoard = (suffix: string, own: Expectation): Case[] => [
		{ path: `/api/boards/${b.own}${suffix}`, expect: own },
		{ path: `/api/boards/${b.other}${suffix}`, expect: adminOnly }
	];
	const managers = row('login', 'ok', 'ok', 'denied', 'denied');
	const sitsInManage = row('login', 'ok', 'denied', 'denied', 'denied');
	return {
		'GET /api/meetings': [{ path: '/api/meetings', expect: everyone }],
		'POST /api/meetings/[meetingId]/board': perTavolo(
			(v) => `${meeting(v)}/board`,
			managers,
			sitsInManage
		).map((c) => ({
			...c,
			refusalsOnly: true
		})),
		'GET /api/meetings/[meetingId]/attendance': perTavolo(
			(v) => `${meeting(v)}/attendance`,
			managers,
			sitsInManage
		),
		'POST /api/meetings/[meetingId]/attendance': perTavolo(
			(v) => `${meeting(v)}/attendance`,
			managers,
			sitsInManage
		),
		'PATCH /api/meetings/[meetingId]/attendance/[attendanceId]': perTavolo(
			(v) => `${meeting(v)}/attendance/pnone`,
			managers,
			sitsInManage
		),
		'DELETE /api/meetings/[meetingId]/attendance/[attendanceId]': perTavolo(
			(v) => `${meeting(v)}/attendance/pnone`,
			managers,
			sitsInManage
		).map((c) => ({ ...c, refusalsOnly: true })),
		'GET /api/meetings/[meetingId]/attendance/[attendanceId]/export': perTavolo(
			(v) => `${meeting(v)}/attendance/pnone/export`,
			adminOnly,
			adminOnly
		).map(missingForAdmin),
		'POST /api/meetings/[meetingId]/attendance/[attendanceId]/erase': perTavolo(
			(v) => `${meeting(v)}/attendance/pnone/erase`,
			adminOnly,
			adminOnly
		).map(missingForAdmin),
		'GET /api/boards/[boardId]/me': perBoard('/me', everyone),
		'POST /api/join': [{ path: '/api/join', expect: open }],
		'GET /join': [{ path: '/join', expect: open }],
		'POST /join ?/default': [{ path: '/join', expect: open }],
		'GET /join/[code]': [{ path: '/join/XXXXXX', expect: open }],
		'POST /join/[code] ?/default': [{ path: '/join/XXXXXX', expect: open }],
		'GET /api/boards/[boardId]': perBoard('', everyone),
		'POST /api/boards/[boardId]/cards': perBoard(
			'/cards',
			row('login', 'ok', 'ok', 'ok', 'denied')
		),
		'POST /api/boards/[boardId]/commands/[command]': perBoard('/commands/phase', managers),
		'GET /api/boards/[boardId]/moderation': perBoard('/moderation', managers),
		'POST /api/boards/[boardId]/moderation/[pendingId]': perBoard('/moderation/none', managers)
	};
}

function classify(status: number, location: string | undefined): Outcome {
	if (status === 401 || (status === 303 && location?.startsWith('/login?'))) return 'login';
	if (status === 403) return 'denied';
	if (status === 404) return 'missing';
	if (status === 303 || status === 302) return 'redirect';
	return 'ok';
}

const contexts = new Map<Role, APIRequestContext>();

test.beforeAll(async () => {
	for (const role of roles) {
		const context = await playwrightRequest.newContext({
			baseURL,
			extraHTTPHeaders: { origin: baseURL }
		});
		if (role !== 'anonymous') {
			const response = await context.post('/api/session', {
				data: { email: demoAccounts[role], password: demoPassword }
			});
			expect(response.status()).toBe(200);
		}
		contexts.set(role, context);
	}
	boards = await openBoards(demoIds());
});

test.afterAll(async () => {
	for (const context of contexts.values()) await context.dispose();
});

test('the matrix names every route and action of the app', () => {
	const known = new Set(Object.keys(matrix(demoIds())));
	const missing = listEndpoints()
		.map(endpointKey)
		.filter((key) => !known.has(key));
	expect(missing, 'routes without an access expectation').toEqual([]);
});

for (const role of roles) {
	test(`[A1-A6] every route answers ${role} as the rules say`, async () => {
		const ids = demoIds();
		const context = contexts.get(role)!;
		const problems: string[] = [];
		for (const [key, cases] of Object.entries(matrix(ids))) {
			const [method, , action] = key.split(' ');
			for (const c of cases) {
				const expected = c.expect[role];
				if (c.refusalsOnly && !['denied', 'login'].includes(expected)) continue;
				// The unnamed action is posted to the page itself, not to "?/default".
				const url = action && action !== '?/default' ? `${c.path}${action}` : c.path;
				const response = await send(context, method!, url);
				const actual = classify(response.status(), response.headers()['location']);
				// A POST that the rules allow may still fail validation (400): allowed is "not refused".
				const ok =
					actual === expected || (method !== 'GET' && expected === 'ok' && actual === 'ok');
				if (!ok)
					problems.push(
						`${method} ${url}: expected ${expected}, got ${actual} (${response.status()})`
					);
			}
		}
		expect(problems).toEqual([]);
	});
}

async function send(context: APIRequestContext, method: string, url: string) {
	const options = { maxRedirects: 0, failOnStatusCode: false };
	if (method === 'GET') return context.get(url, options);
	if (method === 'DELETE') return context.delete(url, options);
	if (method === 'PATCH') return context.patch(url, { ...options, data: {} });
	if (url.startsWith('/api/')) return context.post(url, { ...options, data: {} });
	// As a browser posts a form without JavaScript: SvelteKit answers HTML, not JSON.
	return context.post(url, { ...options, form: { probe: '1' }, headers: { accept: 'text/html' } });
}
