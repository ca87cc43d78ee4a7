import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { demoIds, type DemoIds } from './demo-db';
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

type Variant = 'own' | 'sitsIn' | 'other';
/** The boards opened for this test on each kind of tavolo's first incontro. */
type Boards = Record<Variant, { boardId: string; joinCode: string; roundId: number }>;
const noBoards: Boards = {
	own: { boardId: 'none', joinCode: 'NONE', roundId: 0 },
	sitsIn: { boardId: 'none', joinCode: 'NONE', roundId: 0 },
	other: { boardId: 'none', joinCode: 'NONE', roundId: 0 }
};
let boards = noBoards;

function matrix(ids: DemoIds, b: Boards = boards): Record<string, Case[]> {
	const t = ids.tavolo;
	const tavoloPage = (v: keyof typeof t) => `/tavoli/${t[v]}`;
	const sitsInManage = row('login', 'ok', 'denied', 'denied', 'denied');
	const sitsInObserver = row('login', 'ok', 'ok', 'denied', 'ok');
	const boardApi = (v: Variant) => `/api/boards/${b[v].boardId}`;
	const meetingApi = (v: Variant) => `/api/meetings/${ids.meeting[v]}`;
	// Removing a line that does not exist: allowed roles reach the lookup (404).
	const removeLine = (allowed: Outcome) => row('login', 'missing', allowed, 'denied', 'denied');
	return {
		...boardRoutes(ids, b, { tavoloManagers, sitsInManage, sitsInObserver }),
		...votingAndOutcomeRoutes(ids, b, sitsInObserver),
		...minutesRoutes(ids, { tavoloManagers, sitsInManage, sitsInObserver }),
		'GET /api/meetings': [{ path: '/api/meetings', expect: everyone }],
		'GET /api/meetings/[meetingId]/attendance': perTavolo(
			(v) => `${meetingApi(v)}/attendance`,
			tavoloManagers,
			sitsInManage
		),
		'POST /api/meetings/[meetingId]/attendance': perTavolo(
			(v) => `${meetingApi(v)}/attendance`,
			tavoloManagers,
			sitsInManage
		),
		'PATCH /api/meetings/[meetingId]/attendance/[attendanceId]': perTavolo(
			(v) => `${meetingApi(v)}/attendance/pnone`,
			tavoloManagers,
			sitsInManage
		),
		'DELETE /api/meetings/[meetingId]/attendance/[attendanceId]': [
			{ path: `${meetingApi('own')}/attendance/pnone`, expect: removeLine('missing') },
			{ path: `${meetingApi('sitsIn')}/attendance/pnone`, expect: removeLine('denied') },
			{ path: `${meetingApi('other')}/attendance/pnone`, expect: removeLine('denied') }
		],
		// An empty body (400) or a line that does not exist (404): allowed roles get past the rule.
		'POST /api/meetings/[meetingId]/attendance/[attendanceId]/merge': perTavolo(
			(v) => `${meetingApi(v)}/attendance/pnone/merge`,
			tavoloManagers,
			sitsInManage
		),
		...Object.fromEntries(
			['PUT', 'DELETE'].map((method) => [
				`${method} /api/meetings/[meetingId]/attendance/[attendanceId]/delegate`,
				[
					{ path: `${meetingApi('own')}/attendance/pnone/delegate`, expect: removeLine('missing') },
					{
						path: `${meetingApi('sitsIn')}/attendance/pnone/delegate`,
						expect: removeLine('denied')
					},
					{ path: `${meetingApi('other')}/attendance/pnone/delegate`, expect: removeLine('denied') }
				]
			])
		),
		'POST /api/meetings/[meetingId]/board': perTavolo(
			(v) => `${meetingApi(v)}/board`,
			tavoloManagers,
			sitsInManage
		),
		'GET /api/boards/[boardId]': perTavolo(boardApi, tavoloMembers, sitsInObserver),
		'POST /api/boards/[boardId]/cards': perTavolo(
			(v) => `${boardApi(v)}/cards`,
			row('login', 'ok', 'ok', 'ok', 'denied'),
			row('login', 'ok', 'ok', 'denied', 'denied')
		),
		'POST /api/boards/[boardId]/commands/[command]': perTavolo(
			(v) => `${boardApi(v)}/commands/phase`,
			tavoloManagers,
			sitsInManage
		),
		'GET /api/boards/[boardId]/moderation': perTavolo(
			(v) => `${boardApi(v)}/moderation`,
			tavoloManagers,
			sitsInManage
		),
		'POST /api/boards/[boardId]/moderation/[pendingId]': perTavolo(
			(v) => `${boardApi(v)}/moderation/none`,
			tavoloManagers,
			sitsInManage
		),
		'GET /api/meetings/[meetingId]/attendance/[attendanceId]/export': perTavolo(
			(v) => `${meetingApi(v)}/attendance/pnone/export`,
			adminOnly,
			adminOnly
		).map(missingForAdmin),
		'POST /api/meetings/[meetingId]/attendance/[attendanceId]/erase': perTavolo(
			(v) => `${meetingApi(v)}/attendance/pnone/erase`,
			adminOnly,
			adminOnly
		).map(missingForAdmin),
		'GET /api/boards/[boardId]/me': perTavolo(
			(v) => `${boardApi(v)}/me`,
			tavoloMembers,
			sitsInObserver
		),
		'POST /api/join': [{ path: '/api/join', expect: open }],
		'GET /join': [{ path: '/join', expect: open }],
		'POST /join ?/default': [{ path: '/join', expect: open }],
		'GET /join/[code]': [{ path: `/join/${b.own.joinCode}`, expect: open }],
		'POST /join/[code] ?/default': [{ path: `/join/${b.own.joinCode}`, expect: open }],
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
		// Open to all; the probe form names no language, so it is refused (400) before any redirect.
		'POST /locale': [{ path: '/locale', expect: open }],
		'GET /healthz': [{ path: '/healthz', expect: open }],
		'POST /api/session': [{ path: '/api/session', expect: open }],
		'DELETE /api/session': [
			{ path: '/api/session', expect: row('login', 'ok', 'ok', 'ok', 'ok'), refusalsOnly: true }
		],
		'GET /api/plans': [{ path: '/api/plans', expect: everyone }],
		'POST /api/plans': [{ path: '/api/plans', expect: adminOnly }],
		'GET /api/plans/[planId]/export': [
			{ path: `/api/plans/${ids.planId}/export?format=csv`, expect: everyone },
			{
				path: `/api/plans/${ids.planId}/export?format=decidim-accountability`,
				expect: everyone
			},
			{
				path: '/api/plans/999999/export',
				expect: row('login', 'missing', 'denied', 'denied', 'denied')
			}
		],
		'GET /api/plans/[planId]/objectives': [
			{ path: `/api/plans/${ids.planId}/objectives`, expect: everyone },
			{
				path: '/api/plans/999999/objectives',
				expect: row('login', 'missing', 'denied', 'denied', 'denied')
			}
		],
		'GET /api/plans/[planId]/monitoring': [
			{ path: `/api/plans/${ids.planId}/monitoring?period=2026-S1`, expect: everyone }
		],
		'GET /api/plans/[planId]/evaluation': [
			{ path: `/api/plans/${ids.planId}/evaluation?format=json`, expect: everyone },
			{ path: `/api/plans/${ids.planId}/evaluation?format=docx`, expect: everyone },
			{ path: `/api/plans/${ids.planId}/evaluation?format=xlsx`, expect: everyone }
		],
		'POST /api/plans/[planId]/successor': [
			{ path: `/api/plans/${ids.planId}/successor`, expect: adminOnly }
		],
		'GET /plans/[planId]/monitoring': [
			{ path: `/plans/${ids.planId}/monitoring`, expect: everyone },
			{
				path: '/plans/999999/monitoring',
				expect: row('login', 'missing', 'denied', 'denied', 'denied')
			}
		],
		'POST /plans/[planId]/monitoring ?/save': [
			{ path: `/plans/${ids.planId}/monitoring`, expect: adminOnly }
		],
		'POST /plans/[planId]/monitoring ?/import': [
			{ path: `/plans/${ids.planId}/monitoring`, expect: adminOnly }
		],
		'GET /plans/[planId]/monitoring/template.xlsx': [
			{ path: `/plans/${ids.planId}/monitoring/template.xlsx?period=2026-S1`, expect: everyone }
		],
		'POST /api/plans/[planId]/monitoring/import': [
			{ path: `/api/plans/${ids.planId}/monitoring/import`, expect: adminOnly }
		],
		'POST /api/plans/[planId]/objectives/[objectiveId]/measurements': [
			{
				path: `/api/plans/${ids.planId}/objectives/${ids.planObjectiveId}/measurements`,
				expect: adminOnly
			}
		],
		'PUT /api/plans/[planId]/objectives/[objectiveId]/evaluation': [
			{
				path: `/api/plans/${ids.planId}/objectives/${ids.planObjectiveId}/evaluation`,
				expect: adminOnly
			}
		],
		'GET /api/plans/[planId]/objectives/[objectiveId]/actions': [
			{
				path: `/api/plans/${ids.planId}/objectives/${ids.planObjectiveId}/actions`,
				expect: everyone
			}
		],
		'PUT /api/plans/[planId]/objectives/[objectiveId]/actions': [
			{
				path: `/api/plans/${ids.planId}/objectives/${ids.planObjectiveId}/actions`,
				expect: adminOnly
			}
		],
		'GET /api/plans/[planId]/objectives/[objectiveId]/budget': [
			{
				path: `/api/plans/${ids.planId}/objectives/${ids.planObjectiveId}/budget`,
				expect: everyone
			}
		],
		'PUT /api/plans/[planId]/objectives/[objectiveId]/budget': [
			{
				path: `/api/plans/${ids.planId}/objectives/${ids.planObjectiveId}/budget`,
				expect: adminOnly
			}
		],
		'POST /api/plans/[planId]/import': [
			{ path: `/api/plans/${ids.planId}/import`, expect: adminOnly }
		],
		'GET /account': [{ path: '/account', expect: everyone }],
		'POST /account ?/password': [{ path: '/account', expect: everyone }],
		'GET /taxonomy': [{ path: '/taxonomy', expect: everyone }],
		'GET /plans': [{ path: '/plans', expect: everyone }],
		'GET /plans/new': [{ path: '/plans/new', expect: adminOnly }],
		'GET /plans/[planId]/objectives': [
			{ path: `/plans/${ids.planId}/objectives`, expect: everyone }
		],
		'POST /plans/[planId]/objectives ?/import': [
			{ path: `/plans/${ids.planId}/objectives`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives ?/renumber': [
			{ path: `/plans/${ids.planId}/objectives`, expect: adminOnly, refusalsOnly: true }
		],
		'GET /plans/[planId]/objectives/[objectiveId]': [
			{ path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`, expect: everyone },
			{
				path: `/plans/${ids.planId}/objectives/999999`,
				expect: row('login', 'missing', 'missing', 'missing', 'missing')
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/save': [
			{
				path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`,
				expect: adminOnly,
				refusalsOnly: true
			}
		],
		// Archiving would take the demo's objective out of every later test: refusals only.
		'POST /plans/[planId]/objectives/[objectiveId] ?/archive': [
			{
				path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`,
				expect: adminOnly,
				refusalsOnly: true
			}
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/unarchive': [
			{
				path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`,
				expect: adminOnly,
				refusalsOnly: true
			}
		],
		'POST /api/plans/[planId]/import-sheet': [
			{ path: `/api/plans/${ids.planId}/import-sheet`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/actions': [
			{ path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/budget': [
			{ path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/evaluate': [
			{ path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives/[objectiveId] ?/restore': [
			{ path: `/plans/${ids.planId}/objectives/${ids.planObjectiveId}`, expect: adminOnly }
		],
		'GET /plans/[planId]/objectives/import-sheet': [
			{ path: `/plans/${ids.planId}/objectives/import-sheet`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives/import-sheet ?/upload': [
			{ path: `/plans/${ids.planId}/objectives/import-sheet`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives/import-sheet ?/preview': [
			{ path: `/plans/${ids.planId}/objectives/import-sheet`, expect: adminOnly }
		],
		'POST /plans/[planId]/objectives/import-sheet ?/confirm': [
			{ path: `/plans/${ids.planId}/objectives/import-sheet`, expect: adminOnly }
		],
		'GET /plans/[planId]/needs': [{ path: `/plans/${ids.planId}/needs`, expect: everyone }],
		'GET /plans/[planId]/slides': [{ path: `/plans/${ids.planId}/slides`, expect: everyone }],
		'GET /api/plans/[planId]/needs': [
			{ path: `/api/plans/${ids.planId}/needs?format=xlsx`, expect: everyone },
			{
				path: '/api/plans/999999/needs',
				expect: row('login', 'missing', 'denied', 'denied', 'denied')
			}
		],
		'GET /plans/[planId]/inbox': [{ path: `/plans/${ids.planId}/inbox`, expect: adminOnly }],
		'POST /plans/[planId]/inbox ?/decide': [
			{ path: `/plans/${ids.planId}/inbox`, expect: adminOnly }
		],
		'GET /plans/[planId]/inbox/[outcomeId]/merge': [
			{
				path: `/plans/${ids.planId}/inbox/999999/merge?card=x&into=1`,
				expect: row('login', 'missing', 'denied', 'denied', 'denied')
			}
		],
		'POST /plans/[planId]/inbox/[outcomeId]/merge ?/default': [
			{
				path: `/plans/${ids.planId}/inbox/999999/merge`,
				expect: row('login', 'missing', 'denied', 'denied', 'denied')
			}
		],
		'POST /plans/new ?/default': [{ path: '/plans/new', expect: adminOnly }],
		'GET /plans/[planId]': [
			{ path: `/plans/${ids.planId}`, expect: everyone },
			{ path: '/plans/999999', expect: row('login', 'missing', 'denied', 'denied', 'denied') }
		],
		'GET /plans/[planId]/edit': [{ path: `/plans/${ids.planId}/edit`, expect: adminOnly }],
		'GET /plans/[planId]/successor': [
			{ path: `/plans/${ids.planId}/successor`, expect: adminOnly }
		],
		'POST /plans/[planId]/successor ?/create': [
			{ path: `/plans/${ids.planId}/successor`, expect: adminOnly }
		],
		// Publishing would put the demo plan on the public page for later tests: refusals only.
		'POST /plans/[planId] ?/publish': [
			{ path: `/plans/${ids.planId}`, expect: adminOnly, refusalsOnly: true }
		],
		'POST /plans/[planId] ?/unpublish': [
			{ path: `/plans/${ids.planId}`, expect: adminOnly, refusalsOnly: true }
		],
		// The public results answer alike to everyone; a slug no published plan has is 404 for all
		// (tests/e2e/public-results.e2e.ts reads a published one logged out).
		...Object.fromEntries(
			['', '.json', '.csv'].map((suffix) => [
				`GET /public/plans/[slug]${suffix}`,
				[
					{
						path: `/public/plans/nessun-piano${suffix}`,
						expect: row('missing', 'missing', 'missing', 'missing', 'missing')
					}
				]
			])
		),

		'POST /plans/[planId]/edit ?/save': [{ path: `/plans/${ids.planId}/edit`, expect: adminOnly }],
		'POST /plans/[planId]/edit ?/cadence': [
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
		'GET /meetings/[meetingId]/outcome': perTavolo(
			(v) => `/meetings/${ids.meeting[v]}/outcome`,
			tavoloMembers,
			sitsInObserver
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
		'GET /meetings/[meetingId]/invite.ics': perTavolo(
			(v) => `/meetings/${ids.meeting[v]}/invite.ics`,
			tavoloMembers,
			sitsInObserver
		)
	};
}

/** The board pages and the incontro page's board and foglio firme actions. */
function boardRoutes(
	ids: DemoIds,
	b: Boards,
	r: Record<'tavoloManagers' | 'sitsInManage' | 'sitsInObserver', Expectation>
): Record<string, Case[]> {
	const boardPage = (v: Variant) => `/boards/${b[v].boardId}`;
	const meetingPage = (v: Variant) => `/meetings/${ids.meeting[v]}`;
	// The open-board button sends no field: the matrix's probe field is refused (400) once allowed.
	const opens = row('login', 'ok', 'ok', 'denied', 'denied');
	const sitsInOpens = row('login', 'ok', 'denied', 'denied', 'denied');
	return {
		'GET /boards/[boardId]': [
			...perTavolo(boardPage, tavoloMembers, r.sitsInObserver),
			{
				path: '/boards/bnosuchboard',
				expect: row('login', 'missing', 'missing', 'missing', 'missing')
			}
		],
		'GET /boards/[boardId]/projector': perTavolo(
			(v) => `${boardPage(v)}/projector`,
			r.tavoloManagers,
			r.sitsInManage
		),
		'POST /meetings/[meetingId] ?/openBoard': [
			{ path: meetingPage('own'), expect: opens },
			{ path: meetingPage('sitsIn'), expect: sitsInOpens },
			{ path: meetingPage('other'), expect: row('login', 'ok', 'denied', 'denied', 'denied') }
		],
		...Object.fromEntries(
			[
				'addAttendance',
				'correctAttendance',
				'removeAttendance',
				'mergeAttendance',
				'delegateAttendance',
				'addMonitoring',
				'removeMonitoring'
			].map((a) => [
				`POST /meetings/[meetingId] ?/${a}`,
				perTavolo(meetingPage, r.tavoloManagers, r.sitsInManage)
			])
		)
	};
}

/**
 * The verbale (minutes SPEC M-V8). beforeAll generates a draft for each kind of
 * tavolo's first incontro: editors (the tavolo's facilitators, the UdP) get it;
 * readers (members of the tavolo, people on the foglio firme) find no shared
 * version yet (404, exactly as for a version that does not exist); others 403.
 */
function minutesRoutes(
	ids: DemoIds,
	r: Record<'tavoloManagers' | 'sitsInManage' | 'sitsInObserver', Expectation>
): Record<string, Case[]> {
	const page = (v: Variant) => `/meetings/${ids.meeting[v]}/minutes`;
	const download = (make: (v: Variant) => string): Case[] => [
		{ path: make('own'), expect: row('login', 'ok', 'ok', 'missing', 'missing') },
		{ path: make('sitsIn'), expect: row('login', 'ok', 'missing', 'denied', 'missing') },
		{ path: make('other'), expect: adminOnly }
	];
	// Sharing and freezing move the incontro's status, comments stay: only refusals are tried.
	const refusals = (v: Case[]) => v.map((c) => ({ ...c, refusalsOnly: true }));
	return {
		'GET /api/meetings/[meetingId]/minutes': [
			...download((v) => `/api/meetings/${ids.meeting[v]}/minutes?format=json`),
			{
				path: `/api/meetings/${ids.meeting.own}/minutes?format=docx`,
				expect: row('login', 'ok', 'ok', 'missing', 'missing')
			},
			{
				path: '/api/meetings/999999/minutes',
				expect: row('login', 'missing', 'missing', 'missing', 'missing')
			}
		],
		'GET /meetings/[meetingId]/minutes': perTavolo(page, tavoloMembers, r.sitsInObserver),
		'GET /meetings/[meetingId]/minutes/print': download((v) => `${page(v)}/print`),
		...Object.fromEntries(
			['generate', 'edit', 'share', 'freeze'].map((a) => [
				`POST /meetings/[meetingId]/minutes ?/${a}`,
				refusals(perTavolo(page, r.tavoloManagers, r.sitsInManage))
			])
		),
		// Commenting needs a line on the foglio firme: members sign it by opening the
		// board (GET /boards/[boardId] above), so they may; nobody else.
		'POST /meetings/[meetingId]/minutes ?/comment': refusals(
			perTavolo(page, tavoloMembers, r.sitsInObserver)
		)
	};
}

/** The UdP passes the rule and then finds no such line: 404. */
function missingForAdmin(c: Case): Case {
	return { ...c, expect: { ...c.expect, admin: 'missing' } };
}

/** Issues 5 and 6: voting, priorities, objective cards, outcomes. */
function votingAndOutcomeRoutes(
	ids: DemoIds,
	b: Boards,
	sitsInObserver: Expectation
): Record<string, Case[]> {
	const managers = row('login', 'ok', 'ok', 'denied', 'denied');
	const sitsInManage = row('login', 'ok', 'denied', 'denied', 'denied');
	const boardApi = (v: Variant) => `/api/boards/${b[v].boardId}`;
	const roundApi = (v: Variant) => `/api/rounds/${b[v].roundId}`;
	const meetingApi = (v: Variant) => `/api/meetings/${ids.meeting[v]}`;
	// Only people who may vote reach a ballot: participants of the tavolo (the demo
	// facilitator sits in "sitsIn" as a plain member), never the UdP's facilitator role or observers.
	const voters = (v: Variant) =>
		v === 'own'
			? row('login', 'denied', 'denied', 'ok', 'denied')
			: v === 'sitsIn'
				? row('login', 'denied', 'ok', 'denied', 'denied')
				: row('login', 'denied', 'denied', 'denied', 'denied');
	const perVoter = (suffix: string): Case[] =>
		(['own', 'sitsIn', 'other'] as const).map((v) => ({
			path: `${roundApi(v)}${suffix}`,
			expect: voters(v)
		}));
	const refusals = (cases: Case[]) => cases.map((c) => ({ ...c, refusalsOnly: true }));
	return {
		'GET /api/boards/[boardId]/rounds': perTavolo(
			(v) => `${boardApi(v)}/rounds`,
			tavoloMembers,
			sitsInObserver
		),
		'POST /api/boards/[boardId]/rounds': perTavolo(
			(v) => `${boardApi(v)}/rounds`,
			managers,
			sitsInManage
		),
		'GET /api/rounds/[roundId]': perTavolo(roundApi, tavoloMembers, sitsInObserver),
		'GET /api/rounds/[roundId]/ballot': perVoter('/ballot'),
		'PUT /api/rounds/[roundId]/ballot': perVoter('/ballot'),
		'POST /api/rounds/[roundId]/done': perVoter('/done'),
		'POST /api/rounds/[roundId]/status/[action]': refusals(
			perTavolo((v) => `${roundApi(v)}/status/close`, managers, sitsInManage)
		),
		'GET /api/rounds/[roundId]/results': perTavolo(
			(v) => `${roundApi(v)}/results`,
			tavoloMembers,
			sitsInObserver
		),
		'POST /api/rounds/[roundId]/paper-ballots': perTavolo(
			(v) => `${roundApi(v)}/paper-ballots`,
			managers,
			sitsInManage
		),
		'GET /api/boards/[boardId]/priorities': perTavolo(
			(v) => `${boardApi(v)}/priorities`,
			tavoloMembers,
			sitsInObserver
		),
		'POST /api/boards/[boardId]/priorities': perTavolo(
			(v) => `${boardApi(v)}/priorities`,
			managers,
			sitsInManage
		),
		'DELETE /api/boards/[boardId]/priorities': perTavolo(
			(v) => `${boardApi(v)}/priorities`,
			managers,
			sitsInManage
		),
		'POST /api/boards/[boardId]/objectives': perTavolo(
			(v) => `${boardApi(v)}/objectives`,
			managers,
			sitsInManage
		),
		'GET /api/meetings/[meetingId]/outcome': perTavolo(
			(v) => `${meetingApi(v)}/outcome`,
			tavoloMembers,
			sitsInObserver
		),
		'POST /api/meetings/[meetingId]/outcome': refusals(
			perTavolo((v) => `${meetingApi(v)}/outcome`, managers, sitsInManage)
		),
		'GET /api/outcomes/[outcomeId]': [
			{
				path: '/api/outcomes/999999',
				expect: row('login', 'missing', 'missing', 'missing', 'missing')
			}
		]
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
	await openBoards();
	await draftMinutes();
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
});

/** Opens the board of each kind of tavolo's first incontro, as the UdP. */
async function openBoards() {
	const ids = demoIds();
	const admin = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL }
	});
	const login = await admin.post('/api/session', {
		data: { email: demoAccounts.admin, password: demoPassword }
	});
	expect(login.status()).toBe(200);
	const opened = { ...noBoards };
	for (const v of ['own', 'sitsIn', 'other'] as const) {
		const response = await admin.post(`/api/meetings/${ids.meeting[v]}/board`);
		expect(response.status()).toBe(200);
		const board = (await response.json()) as Boards[Variant];
		// A card to vote on and an open round, for the voting routes.
		const card = await admin.post(`/api/boards/${board.boardId}/cards`, {
			data: { kind: 'need', text: 'Voce della matrice' }
		});
		expect(card.status()).toBe(201);
		const round = await admin.post(`/api/boards/${board.boardId}/rounds`, {
			data: { method: 'dot', targets: 'cards' }
		});
		expect(round.status()).toBe(201);
		opened[v] = { ...board, roundId: ((await round.json()) as { roundId: number }).roundId };
	}
	boards = opened;
	await admin.dispose();
}

/** Generates the draft verbale of each kind of tavolo's first incontro, as the UdP. */
async function draftMinutes() {
	const ids = demoIds();
	const admin = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL }
	});
	const login = await admin.post('/api/session', {
		data: { email: demoAccounts.admin, password: demoPassword }
	});
	expect(login.status()).toBe(200);
	for (const v of ['own', 'sitsIn', 'other'] as const) {
		const response = await admin.post(`/meetings/${ids.meeting[v]}/minutes?/generate`, {
			form: { overwrite: 'on' },
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(response.status(), 'the UdP generates the draft verbale').toBe(200);
	}
	await admin.dispose();
}

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
	if (method === 'PUT') return context.put(url, { ...options, data: {} });
	if (url.startsWith('/api/')) return context.post(url, { ...options, data: {} });
	// As a browser posts a form without JavaScript: SvelteKit answers HTML, not JSON.
	return context.post(url, { ...options, form: { probe: '1' }, headers: { accept: 'text/html' } });
}
