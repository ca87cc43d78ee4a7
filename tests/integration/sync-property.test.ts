import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	canCluster,
	canCreateCardDirectly,
	cardKinds,
	type BoardPhase,
	type Writer
} from '$lib/board/board';
import {
	addCard,
	createCluster,
	deleteCard,
	deleteCluster,
	mergeCards,
	moveCard,
	readBoard,
	readMeta,
	renameCluster,
	setCardKind,
	setCardText,
	splitCard,
	writeMeta,
	writeParticipant
} from '$lib/board/board-doc';
import { addComment, readComments, resolveComment } from '$lib/objectives/objective-doc';
import {
	accountCookie,
	changePhase,
	eventually,
	guestCookie,
	openTodaysBoard,
	rawSocket,
	removeDir,
	startTestServer,
	submitCard,
	updateSettings,
	type TestServer
} from './sync-server';
import {
	attack,
	awarenessFrame,
	cardOwners,
	changeOf,
	deleteSetUpdate,
	expectMetaIsRow,
	expectNothingPending,
	fork,
	freshClientId,
	honestClient,
	serverClientId,
	serverDoc,
	settled,
	stateOf,
	updateFrame,
	type Client
} from './sync-adversary';
import { pick, prng } from '../support/prng';

/**
 * An adversarial property test of the sync server (SPEC B9-B13, O4): a
 * facilitator changing phase and lock in process, three honest participants
 * writing through board-doc only what the rules allow, and two hostile
 * participants who fork the server's document and send crafted updates. After
 * each batch of steps, once quiet: every honest document is the server's, Yjs
 * holds nothing pending, the cards, clusters and comments are exactly those
 * honest writes made, each card has its writer in board_cards and names no one
 * else, and the meta mirror is the board row. Honest clients are never closed;
 * hostile ones always are (4400-4499).
 *
 * SYNC_PROPERTY_STEPS (default 2,000) and SYNC_PROPERTY_SEED reproduce a run.
 */
const STEPS = Number(process.env.SYNC_PROPERTY_STEPS ?? 2000);
const SEED = Number(process.env.SYNC_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const BATCH = 6;

type Rand = () => number;

/** Picks one of the weighted options and runs it. */
function weighted<T>(r: Rand, options: [number, () => T][]): T {
	const total = options.reduce((sum, [w]) => sum + w, 0);
	let x = r() * total;
	for (const [w, run] of options) {
		if ((x -= w) < 0) return run();
	}
	return options.at(-1)![1]();
}

const phrases = [
	'Trasporti per le frazioni',
	'Il caregiver non sa a chi chiedere',
	'Liste di attesa per il centro diurno',
	'Sportello aperto il sabato',
	'Volontari per accompagnare alle visite',
	'Corsi di italiano per le madri',
	'Dati condivisi tra comuni',
	'Un punto di ascolto nelle scuole'
];

interface Honest {
	index: number;
	participantId: string;
	client: Client;
	/** Cards added per phase (B13): the app would stop before the bound. */
	written: Map<BoardPhase, number>;
	n: number;
}

interface Hostile {
	cookie: string;
	participantId: string;
	n: number;
}

let server: TestServer;
let boardId: string;
let joinCode: string;

beforeAll(async () => {
	server = await startTestServer();
	({ boardId, joinCode } = openTodaysBoard(server));
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

describe('[B9-B13] honest and hostile participants on one board', () => {
	it(`keeps every honest document the server's, whatever the hostile send (seed ${SEED})`, async () => {
		const r = prng(SEED);
		const log: string[] = [];
		let step = 0;
		const say = (line: string) => {
			log.push(`${step}: ${line}`);
			if (log.length > 40) log.shift();
		};
		const fail = (err: unknown): never => {
			const message = err instanceof Error ? err.message : String(err);
			throw new Error(
				`SYNC_PROPERTY_SEED=${SEED} failed at step ${step} of ${STEPS}: ${message}\nlast actions:\n${log.join('\n')}`
			);
		};

		// The model: what honest writes made, whatever the hostile send.
		const cards = new Set<string>();
		/** Cards no honest participant will delete: the hostile aim at these. */
		const standing = new Set<string>();
		const clusters = new Set<string>();
		const comments = new Map<string, string>();
		const codes = new Map<string, number>();

		const facilitator = honestClient(
			server,
			boardId,
			accountCookie(server, 'facilitatore@demo.local'),
			{ presence: { cursor: null, typing: false } }
		);
		const honest: Honest[] = [0, 1, 2].map((index) => {
			const { cookie, participantId } = guestCookie(server, joinCode, `Onesta ${index}`);
			return {
				index,
				participantId,
				client: honestClient(server, boardId, cookie, {
					presence: { cursor: null, typing: false }
				}),
				written: new Map(),
				n: 0
			};
		});
		const hostile: Hostile[] = [0, 1].map(() => ({ ...newGuest(), n: 0 }));
		const observerCookie = accountCookie(server, 'osservatore@demo.local');
		const everyone = () => [facilitator, ...honest.map((h) => h.client)];
		await Promise.all(everyone().map((c) => c.synced));

		function newGuest() {
			return guestCookie(server, joinCode, `Ostile ${Math.floor(r() * 1e9)}`);
		}

		// ---- the facilitator, in process (HTTP-less) ----
		function facilitate(): string {
			const meta = readMeta(serverDoc(server, boardId));
			return weighted<string>(r, [
				[
					4,
					() => {
						const phase = weighted<BoardPhase>(r, [
							[4, () => 'collect'],
							[3, () => 'cluster'],
							[2, () => 'draft'],
							[1, () => 'vote'],
							[0.5, () => 'wrap_up']
						]);
						changePhase(server.services, boardId, phase);
						return `facilitator: phase ${phase}`;
					}
				],
				[
					2,
					() => {
						const locked = meta.locked ? r() < 0.3 : r() < 0.4;
						updateSettings(server.services, boardId, { locked });
						return `facilitator: locked ${locked}`;
					}
				],
				[
					2,
					() => {
						const open = r() < 0.75;
						updateSettings(server.services, boardId, { participantsCanCluster: open });
						return `facilitator: participantsCanCluster ${open}`;
					}
				]
			]);
		}

		// ---- honest participants: only what the rules allow, through board-doc ----
		function act(h: Honest): string {
			const { doc, provider } = h.client;
			const meta = readMeta(doc);
			const writer: Writer = { role: 'participant', participantId: h.participantId };
			const view = readBoard(doc);
			const mine = view.cards.filter((c) => c.authorId === h.participantId);
			const drafts = mine.filter((c) => !standing.has(c.id));
			const room = (h.written.get(meta.phase) ?? 0) < meta.cardLimit - 5;
			const count = () => h.written.set(meta.phase, (h.written.get(meta.phase) ?? 0) + 1);
			const text = () =>
				`${pick(r, phrases)}${r() < 0.5 ? ` ${Math.floor(r() * 1000)}` : ''}`.slice(0, 120);
			const options: [number, () => string][] = [
				[
					1,
					() => {
						provider.awareness.setLocalStateField('typing', r() < 0.5);
						return 'presence';
					}
				],
				[
					0.15,
					() => {
						provider.disconnect();
						provider.connect();
						return 'reconnect';
					}
				]
			];
			if (canCreateCardDirectly(writer, meta) && room && view.cards.length < 4000) {
				options.push([
					3,
					() => {
						const id = `h${h.index}n${++h.n}`;
						addCard(doc, {
							id,
							kind: pick(r, cardKinds),
							text: text(),
							authorId: h.participantId,
							target: r() < 0.2 ? 'anziani' : undefined,
							createdAt: Date.now()
						});
						count();
						cards.add(id);
						// Odd ones are drafts their author may delete; even ones stay.
						if (h.n % 2 === 0) standing.add(id);
						return `add ${id}`;
					}
				]);
				options.push([
					1,
					() => {
						const result = submitCard(server.services, boardId, writer, {
							kind: pick(r, cardKinds),
							text: text(),
							target: '',
							policyAreaId: null
						});
						if (!result.ok) throw new Error(`submitCard refused: ${result.reason}`);
						count();
						cards.add(result.value.id);
						return `submit ${result.value.id}`;
					}
				]);
			}
			if (meta.phase === 'collect' && !meta.locked && mine.length) {
				options.push([
					2,
					() => {
						const card = pick(r, mine);
						setCardText(doc, card.id, text());
						return `edit ${card.id}`;
					}
				]);
				options.push([
					2,
					() => {
						const card = pick(r, mine);
						if (card.text.length < 480)
							setCardText(doc, card.id, `${card.text}${pick(r, [...'abc '])}`);
						return `type ${card.id}`;
					}
				]);
				options.push([
					1,
					() => {
						const card = pick(r, mine);
						setCardKind(doc, card.id, pick(r, cardKinds));
						return `kind ${card.id}`;
					}
				]);
				if (drafts.length)
					options.push([
						1,
						() => {
							const card = pick(r, drafts);
							deleteCard(doc, card.id);
							cards.delete(card.id);
							return `delete ${card.id}`;
						}
					]);
			}
			if (canCluster(writer, meta)) {
				const visible = view.cards.filter((c) => !c.mergedInto);
				const merged = view.cards.filter((c) => c.mergedFrom.length > 0 && !standing.has(c.id));
				if (view.clusters.length < 150)
					options.push([
						2,
						() => {
							const id = `c${h.index}n${++h.n}`;
							createCluster(doc, { id, title: pick(r, phrases), createdAt: Date.now() });
							clusters.add(id);
							return `cluster ${id}`;
						}
					]);
				if (view.clusters.length) {
					options.push([
						1,
						() => {
							const cluster = pick(r, view.clusters);
							renameCluster(doc, cluster.id, pick(r, phrases));
							return `rename ${cluster.id}`;
						}
					]);
					options.push([
						0.4,
						() => {
							const cluster = pick(r, view.clusters);
							deleteCluster(doc, cluster.id);
							clusters.delete(cluster.id);
							return `uncluster ${cluster.id}`;
						}
					]);
				}
				if (visible.length)
					options.push([
						3,
						() => {
							const card = pick(r, visible);
							const target = view.clusters.length && r() < 0.8 ? pick(r, view.clusters).id : null;
							moveCard(doc, card.id, target);
							return `move ${card.id} → ${target}`;
						}
					]);
				if (visible.length >= 2 && room)
					options.push([
						1,
						() => {
							const a = pick(r, visible);
							const b = pick(
								r,
								visible.filter((c) => c.id !== a.id)
							);
							const id = `m${h.index}n${++h.n}`;
							mergeCards(doc, [a.id, b.id], {
								id,
								authorId: h.participantId,
								createdAt: Date.now()
							});
							count();
							cards.add(id);
							return `merge ${a.id}+${b.id} → ${id}`;
						}
					]);
				if (merged.length)
					options.push([
						1,
						() => {
							const card = pick(r, merged);
							splitCard(doc, card.id);
							cards.delete(card.id);
							return `split ${card.id}`;
						}
					]);
			}
			if (meta.phase === 'draft' && !meta.locked) {
				options.push([
					2,
					() => {
						const id = `k${h.index}n${++h.n}`;
						addComment(doc, {
							id,
							objectiveId: 'obiettivo1',
							field: 'title',
							parentId: null,
							text: text(),
							authorId: h.participantId,
							createdAt: Date.now()
						});
						comments.set(id, h.participantId);
						return `comment ${id}`;
					}
				]);
				const own = readComments(doc).filter((c) => c.authorId === h.participantId);
				if (own.length)
					options.push([
						1,
						() => {
							const comment = pick(r, own);
							resolveComment(doc, comment.id, !comment.resolved);
							return `resolve ${comment.id}`;
						}
					]);
			}
			return `honest ${h.index}: ${weighted(r, options)}`;
		}

		// ---- hostile participants: crafted updates, each must close its socket ----
		/** An item of `ownerId` far past the clocks the server holds, for updates built on it. */
		function builtOnFuture(ownerId: number): Uint8Array {
			const doc = fork(server, boardId, ownerId);
			doc.getMap('cards').set('filler', new Y.Text('x'.repeat(1000)));
			addCard(doc, { id: 'future', kind: 'need', text: 'xxxx', authorId: null, createdAt: 1 });
			const sent = Y.encodeStateVector(doc);
			doc.clientID = freshClientId(r);
			const card = doc.getMap<Y.Map<unknown>>('cards').get('future')!;
			if (r() < 0.5) card.set('target', 'anziani');
			else (card.get('text') as Y.Text).insert(4, 'y');
			return Y.encodeStateAsUpdate(doc, sent);
		}

		async function hostileAct(x: Hostile): Promise<string> {
			if (r() < 0.3) Object.assign(x, newGuest());
			const sdoc = serverDoc(server, boardId);
			const meta = readMeta(sdoc);
			const view = readBoard(sdoc);
			const writer: Writer = { role: 'participant', participantId: x.participantId };
			// Cards nobody deletes meanwhile, of someone else: a change to them is never a no-op.
			const targets = view.cards.filter(
				(c) => standing.has(c.id) && c.mergedFrom.length === 0 && c.authorId !== x.participantId
			);
			const victims = [
				serverClientId(server, boardId),
				...honest.map((h) => h.client.doc.clientID)
			];
			const someone = pick(r, honest).participantId;
			const forked = () => fork(server, boardId, freshClientId(r));
			let cookie = x.cookie;
			const options: [number, () => [string, Uint8Array[]]][] = [
				[
					2,
					() => {
						const victim = pick(r, victims);
						const state = stateOf(sdoc, victim);
						const clock = pick(r, [state + 1000, state, Math.floor(r() * state)]);
						const update = deleteSetUpdate([
							{ client: victim, clock, len: state - clock + 10_000 }
						]);
						return ['delete future clocks', [updateFrame(update)]];
					}
				],
				[
					2,
					() => [
						'struct on a future item of another',
						[updateFrame(builtOnFuture(pick(r, victims)))]
					]
				],
				[
					2,
					() => {
						const doc = fork(server, boardId, pick(r, victims));
						const update = changeOf(doc, (d) =>
							addCard(d, {
								id: `x${++x.n}`,
								kind: 'need',
								text: 'y'.repeat(300),
								authorId: x.participantId,
								createdAt: Date.now()
							})
						);
						return ['struct under a client id of another', [updateFrame(update)]];
					}
				],
				[
					1,
					() => {
						const update = changeOf(forked(), (d) =>
							writeMeta(
								d,
								r() < 0.5 ? { locked: !meta.locked } : { phase: 'wrap_up', anonymous: true }
							)
						);
						return ['meta', [updateFrame(update)]];
					}
				],
				[
					1,
					() => {
						const update = changeOf(forked(), (d) =>
							writeParticipant(d, pick(r, [someone, x.participantId]), {
								name: `Amministratore ${x.n++}`,
								organization: 'UdP'
							})
						);
						return ['participants', [updateFrame(update)]];
					}
				],
				[
					1,
					() => {
						const update = changeOf(forked(), (d) => d.getMap('votes').set('x', 5));
						return ['a root outside the layout', [updateFrame(update)]];
					}
				],
				[
					1,
					() => {
						const mayWrite = canCreateCardDirectly(writer, meta);
						const update = changeOf(forked(), (d) =>
							addCard(d, {
								id: `x${++x.n}`,
								kind: 'need',
								text: r() < 0.3 ? 'z'.repeat(600) : 'Carta fuori regola',
								authorId: mayWrite ? someone : x.participantId,
								createdAt: Date.now()
							})
						);
						return [
							mayWrite ? 'card naming another' : 'card in the wrong phase',
							[updateFrame(update)]
						];
					}
				],
				[
					1,
					() => {
						const open = meta.phase === 'draft' && !meta.locked;
						const update = changeOf(forked(), (d) =>
							addComment(d, {
								id: `x${++x.n}`,
								objectiveId: 'obiettivo1',
								field: 'title',
								parentId: null,
								text: 'Commento fuori regola',
								authorId: open ? someone : x.participantId,
								createdAt: Date.now()
							})
						);
						return [
							open ? 'comment naming another' : 'comment in the wrong phase',
							[updateFrame(update)]
						];
					}
				],
				[
					1,
					() => {
						cookie = observerCookie;
						const update = changeOf(forked(), (d) =>
							addCard(d, {
								id: `x${++x.n}`,
								kind: 'need',
								text: 'Osservo',
								authorId: null,
								createdAt: 1
							})
						);
						return ['an observer’s card', [updateFrame(update)]];
					}
				],
				[
					0.3,
					() => {
						const update = changeOf(forked(), (d) =>
							d.getMap('cards').set('big', 'x'.repeat(300 * 1024))
						);
						return ['over 256 KB', [updateFrame(update)]];
					}
				],
				[0.3, () => ['bytes that do not decode', [new Uint8Array([0, 2, 6, 9, 9, 9, 9, 200, 1])]]],
				[
					0.3,
					() => {
						const empty = updateFrame(Y.encodeStateAsUpdate(new Y.Doc()));
						return ['a flood of empty updates', Array.from({ length: 1000 }, () => empty)];
					}
				],
				[
					0.5,
					() => {
						const id = freshClientId(r);
						const flood = awarenessFrame(
							Array.from({ length: 120 }, (_, i) => ({
								clientId: i === 0 ? id : freshClientId(r),
								clock: 1,
								state: { cursor: null, typing: true }
							}))
						);
						const big = awarenessFrame([
							{ clientId: id, clock: 2, state: { cursor: 'x'.repeat(3000) } }
						]);
						return ['presence flood, then a state over 2 KB', [flood, big]];
					}
				]
			];
			if (view.cards.length)
				options.push([
					2,
					() => {
						const card = pick(r, view.cards);
						const update = changeOf(forked(), (d) =>
							addCard(d, {
								id: card.id,
								kind: card.kind,
								text: card.text,
								authorId: r() < 0.5 ? x.participantId : card.authorId,
								createdAt: card.createdAt,
								mergedFrom: canCluster(writer, meta) && r() < 0.5 ? [card.id] : undefined
							})
						);
						return ['new map at a card id', [updateFrame(update)]];
					}
				]);
			if (view.clusters.length)
				options.push([
					1,
					() => {
						const cluster = pick(r, view.clusters);
						const update = changeOf(forked(), (d) =>
							createCluster(d, { id: cluster.id, title: 'Preso', createdAt: 1 })
						);
						return ['new map at a cluster id', [updateFrame(update)]];
					}
				]);
			const existingComments = readComments(sdoc);
			if (existingComments.length)
				options.push([
					1,
					() => {
						const comment = pick(r, existingComments);
						const update = changeOf(forked(), (d) =>
							addComment(d, { ...comment, authorId: x.participantId, text: 'Preso' })
						);
						return ['new map at a comment id', [updateFrame(update)]];
					}
				]);
			if (targets.length) {
				const card = pick(r, targets);
				options.push([
					1.5,
					() => [
						'edit another’s card',
						[updateFrame(changeOf(forked(), (d) => setCardText(d, card.id, `Riscritta ${x.n++}`)))]
					]
				]);
				options.push([
					1.5,
					() => [
						'delete another’s card',
						[updateFrame(changeOf(forked(), (d) => deleteCard(d, card.id)))]
					]
				]);
				if (!canCluster(writer, meta)) {
					const elsewhere =
						view.clusters.find((c) => c.id !== card.clusterId)?.id ??
						(card.clusterId === 'altrove' ? null : 'altrove');
					options.push([
						1,
						() => [
							'move a card while clustering is closed',
							[updateFrame(changeOf(forked(), (d) => moveCard(d, card.id, elsewhere)))]
						]
					]);
				}
			}
			const [kind, frames] = weighted(r, options);
			const closed = await attack(server, boardId, cookie, frames);
			const key = `${kind} → ${closed.code}`;
			codes.set(key, (codes.get(key) ?? 0) + 1);
			if (closed.code < 4400 || closed.code > 4499)
				throw new Error(`hostile "${kind}" was not refused: ${closed.code} ${closed.reason}`);
			return `hostile: ${kind} → ${closed.code} ${closed.reason}`;
		}

		/** A hostile participant's own card first (accepted), then a new map at its id on the same socket. */
		async function hostileOwnCard(x: Hostile): Promise<string> {
			const socket = rawSocket(server, boardId, { cookie: x.cookie, origin: server.origin });
			if ((await socket.opened).status !== 101) throw new Error('upgrade refused');
			const doc = fork(server, boardId, freshClientId(r));
			const id = `x${x.participantId.slice(0, 6)}n${++x.n}`;
			const card = (text: string) =>
				updateFrame(
					changeOf(doc, (d) =>
						addCard(d, { id, kind: 'need', text, authorId: x.participantId, createdAt: Date.now() })
					)
				);
			socket.ws.send(card('Carta mia'));
			await eventually(() =>
				expect(readBoard(serverDoc(server, boardId)).cards.map((c) => c.id)).toContain(id)
			);
			cards.add(id);
			standing.add(id);
			socket.ws.send(card('Di nuovo mia'));
			const closed = await Promise.race([
				socket.closed,
				new Promise<{ code: number; reason: string }>((resolve) =>
					setTimeout(() => resolve({ code: -1, reason: 'still open' }), 5000)
				)
			]);
			socket.ws.terminate();
			if (closed.code !== 4403)
				throw new Error(`own card id reused: ${closed.code} ${closed.reason}`);
			const key = `own card, then a new map at its id → ${closed.code}`;
			codes.set(key, (codes.get(key) ?? 0) + 1);
			return `hostile: own card ${id}, then a new map at it → ${closed.code}`;
		}

		// ---- the invariants, once quiet ----
		async function check(): Promise<void> {
			await settled(server, boardId, everyone(), 10_000);
			const sdoc = serverDoc(server, boardId);
			expectNothingPending(server, boardId);
			expectMetaIsRow(sdoc, server, boardId);
			const view = readBoard(sdoc);
			expect(new Set(view.cards.map((c) => c.id)), 'cards').toEqual(cards);
			expect(new Set(view.clusters.map((c) => c.id)), 'clusters').toEqual(clusters);
			expect(new Map(readComments(sdoc).map((c) => [c.id, c.authorId])), 'comments').toEqual(
				comments
			);
			await eventually(() => {
				const owners = cardOwners(server, boardId);
				for (const card of view.cards) {
					expect(owners.has(card.id), `board_cards has ${card.id}`).toBe(true);
					if (card.authorId !== null)
						expect(owners.get(card.id), `author of ${card.id}`).toBe(card.authorId);
				}
			});
			for (const c of everyone()) expect(c.problems).toEqual([]);
		}

		try {
			await check();
			let batches = 0;
			while (step < STEPS) {
				if (r() < 0.3) {
					step++;
					say(facilitate());
					await settled(server, boardId, everyone(), 10_000);
				}
				for (let i = 0; i < BATCH && step < STEPS; i++) {
					step++;
					const who = r();
					if (who < 0.55) {
						const done = act(pick(r, honest));
						const key = `honest ${done.split(' ')[2]}`;
						codes.set(key, (codes.get(key) ?? 0) + 1);
						say(done);
					} else if (who < 0.95) say(await hostileAct(pick(r, hostile)));
					else if (
						canCreateCardDirectly(
							{ role: 'participant', participantId: '' },
							readMeta(serverDoc(server, boardId))
						)
					)
						say(await hostileOwnCard(pick(r, hostile)));
				}
				await check();
				if (++batches % 60 === 0) {
					const newcomer = honestClient(
						server,
						boardId,
						guestCookie(server, joinCode, `Nuova ${batches}`).cookie
					);
					await newcomer.synced;
					await settled(server, boardId, [newcomer]);
					expect(newcomer.problems).toEqual([]);
					newcomer.provider.destroy();
				}
			}
		} catch (err) {
			fail(err);
		} finally {
			for (const c of everyone()) c.provider.destroy();
		}
		console.log(
			`seed ${SEED}: ${STEPS} steps, ${cards.size} cards, ${clusters.size} clusters, ${comments.size} comments\n` +
				[...codes]
					.sort()
					.map(([k, n]) => `  ${k}: ${n}`)
					.join('\n')
		);
	}, 600_000);
});
