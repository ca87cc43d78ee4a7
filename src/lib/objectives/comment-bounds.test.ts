import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Writer } from '$lib/board/board';
import { Root } from '$lib/board/board-doc';
import { collecting, Harness } from '$lib/board/policy-harness';
import { addComment, readComments, resolveComment } from './objective-doc';
import { commentPolicy, objectivePolicy } from './objective-policy';
import {
	MAX_COMMENTS_PER_BOARD,
	MAX_COMMENTS_PER_PARTICIPANT,
	MAX_COMMENTS_WRITTEN_PER_PARTICIPANT
} from './objective-rules';

/** [B13, O4] Comments are bounded like cards: per participant (not facilitators) and per board. */
const fac: Writer = { role: 'facilitator', participantId: 'fac' };
const anna: Writer = { role: 'participant', participantId: 'anna' };
const bruno: Writer = { role: 'participant', participantId: 'bruno' };

function setup() {
	const h = new Harness({ [Root.objectives]: objectivePolicy, [Root.comments]: commentPolicy });
	h.settings = { ...collecting, phase: 'draft' };
	return { h, a: h.join('anna'), b: h.join('bruno'), f: h.join('fac') };
}

let next = 0;
/** `count` comments by `authorId`, written in one update. */
function comments(authorId: string, count: number, text = 'Aggiungerei i trasporti') {
	return (doc: Y.Doc) =>
		doc.transact(() => {
			for (let i = 0; i < count; i++)
				addComment(doc, {
					id: `c${next++}`,
					objectiveId: 'obj1',
					field: 'objectives',
					parentId: null,
					text,
					authorId,
					createdAt: next
				});
		});
}

const authoredBy = (h: Harness, authorId: string) =>
	readComments(h.server).filter((c) => c.authorId === authorId).length;

describe('[B13] comments per participant', () => {
	it('refuses the comment past the bound however small the updates that lead there', () => {
		const { h, a } = setup();
		for (let i = 0; i < MAX_COMMENTS_PER_PARTICIPANT / 4; i++)
			expect(h.send(a, anna, comments('anna', 4)).ok).toBe(true);
		const r = h.send(a, anna, comments('anna', 1));
		expect(r).toMatchObject({
			ok: false,
			reason: 'too-many',
			detail: `comments: at most ${MAX_COMMENTS_PER_PARTICIPANT} comments each on a board`
		});
		expect(authoredBy(h, 'anna')).toBe(MAX_COMMENTS_PER_PARTICIPANT);
	});

	it('refuses the flood of the report: many long comments per update', () => {
		const { h, a } = setup();
		const r = h.send(a, anna, comments('anna', MAX_COMMENTS_PER_PARTICIPANT + 1, 'y'.repeat(1000)));
		expect(r).toMatchObject({ ok: false, reason: 'too-many' });
		expect(h.server.getMap(Root.comments).size).toBe(0);
	});

	it('accepts an honest drafting session: comments, edits, resolutions, replies', () => {
		const { h, a, b, f } = setup();
		for (let i = 0; i < 30; i++) {
			expect(h.send(a, anna, comments('anna', 1)).ok).toBe(true);
			expect(h.send(b, bruno, comments('bruno', 1)).ok).toBe(true);
		}
		for (const d of [a, b, f]) Y.applyUpdate(d, Y.encodeStateAsUpdate(h.server));
		const mine = readComments(a).find((c) => c.authorId === 'anna')!;
		expect(
			h.send(a, anna, (d) =>
				d.getMap<Y.Map<unknown>>(Root.comments).get(mine.id)!.set('text', 'Meglio così')
			).ok
		).toBe(true);
		const reply = (d: Y.Doc) =>
			addComment(d, {
				id: 'reply1',
				objectiveId: 'obj1',
				field: 'objectives',
				parentId: mine.id,
				text: 'D’accordo',
				authorId: 'bruno',
				createdAt: 99
			});
		expect(h.send(b, bruno, reply).ok).toBe(true);
		expect(h.send(f, fac, (d) => resolveComment(d, mine.id, true)).ok).toBe(true);
		expect(h.send(f, fac, comments('fac', 20)).ok).toBe(true);
		expect(readComments(h.server)).toHaveLength(81);
	});

	it('counts the board as the update leaves it: a removed comment frees its place', () => {
		const { h, a, b } = setup();
		expect(h.send(a, anna, comments('anna', MAX_COMMENTS_PER_PARTICIPANT)).ok).toBe(true);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(h.server));
		expect(h.send(b, bruno, comments('bruno', 1)).ok).toBe(true);
		const first = readComments(h.server).find((c) => c.authorId === 'anna')!.id;
		expect(
			h.send(a, anna, (d) =>
				d.transact(() => {
					d.getMap(Root.comments).delete(first);
					comments('anna', 1)(d);
				})
			).ok
		).toBe(true);
		expect(authoredBy(h, 'anna')).toBe(MAX_COMMENTS_PER_PARTICIPANT);
	});

	it('counts removed comments too: writing and removing in a loop does not grow the board for ever', () => {
		const { h, a, b } = setup();
		const batch = 50;
		// Each round writes a batch and removes it: the live count never passes 50.
		for (let written = 0; written < MAX_COMMENTS_WRITTEN_PER_PARTICIPANT; written += batch) {
			expect(h.send(a, anna, comments('anna', batch)).ok).toBe(true);
			const ids = readComments(h.server).map((c) => c.id);
			expect(
				h.send(a, anna, (d) =>
					d.transact(() => ids.forEach((id) => d.getMap(Root.comments).delete(id)))
				).ok
			).toBe(true);
		}
		expect(readComments(h.server)).toHaveLength(0);
		expect(h.send(a, anna, comments('anna', 1))).toMatchObject({
			ok: false,
			reason: 'too-many',
			detail: `comments: at most ${MAX_COMMENTS_WRITTEN_PER_PARTICIPANT} comments each on a board, removed ones included`
		});
		// The bound is the writer's: another participant still comments.
		Y.applyUpdate(b, Y.encodeStateAsUpdate(h.server));
		expect(h.send(b, bruno, comments('bruno', 1)).ok).toBe(true);
	});

	it('counts comments removed in the update that writes them, and refuses a key put twice', () => {
		const { h } = setup();
		// Without garbage collection the removed comments keep their author in the update.
		const a = new Y.Doc({ gc: false });
		const bornDead = (count: number) => (d: Y.Doc) =>
			d.transact(() => {
				const from = next;
				comments('anna', count)(d);
				for (let i = from; i < next; i++) d.getMap(Root.comments).delete(`c${i}`);
			});
		for (let written = 0; written < MAX_COMMENTS_WRITTEN_PER_PARTICIPANT; written += 100)
			expect(h.send(a, anna, bornDead(100)).ok).toBe(true);
		expect(h.send(a, anna, bornDead(1))).toMatchObject({ ok: false, reason: 'too-many' });

		const { h: h2, a: a2 } = setup();
		const twice = (d: Y.Doc) =>
			d.transact(() => {
				for (let i = 0; i < 3; i++) comments('anna', 0)(d);
				const id = `c${next++}`;
				for (let i = 0; i < 3; i++) {
					const m = new Y.Map<unknown>();
					d.getMap(Root.comments).set(id, m);
					m.set('authorId', 'anna');
				}
			});
		expect(h2.send(a2, anna, twice)).toMatchObject({
			ok: false,
			reason: 'not-allowed',
			detail: expect.stringContaining('is put twice in one update')
		});
	});

	it('refuses a comment whose author is dropped in the same update, which no count would see', () => {
		const { h, a } = setup();
		const r = h.send(a, anna, (d) =>
			d.transact(() => {
				comments('anna', 1)(d);
				const m = d.getMap<Y.Map<unknown>>(Root.comments).get(`c${next - 1}`)!;
				m.delete('authorId');
			})
		);
		expect(r).toMatchObject({ ok: false, detail: 'comments: a comment names its author' });
	});
});

describe('[B13] comments per board', () => {
	it('bounds facilitators only by the board’s total, as with cards', () => {
		const { h, f, a } = setup();
		const batch = MAX_COMMENTS_PER_PARTICIPANT;
		for (let n = 0; n < MAX_COMMENTS_PER_BOARD; n += batch)
			expect(h.send(f, fac, comments('fac', batch, 'x')).ok).toBe(true);
		expect(h.send(f, fac, comments('fac', 1))).toMatchObject({
			ok: false,
			reason: 'too-many',
			detail: `comments: a board holds at most ${MAX_COMMENTS_PER_BOARD} comments`
		});
		Y.applyUpdate(a, Y.encodeStateAsUpdate(h.server));
		expect(h.send(a, anna, comments('anna', 1))).toMatchObject({ ok: false, reason: 'too-many' });
	});
});
