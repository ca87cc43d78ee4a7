import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Writer } from '$lib/board/board';
import { collecting, Harness } from '$lib/board/policy-harness';
import { commentPolicy, objectivePolicy } from './objective-policy';
import {
	addComment,
	createObjective,
	readObjectives,
	resolveComment,
	setObjectivePart,
	setObjectiveText,
	setObjectiveValue
} from './objective-doc';

/** [O1, O4] The server's check on objective cards and comments, with real Y.Docs. */
const fac: Writer = { role: 'facilitator', participantId: 'fac' };
const anna: Writer = { role: 'participant', participantId: 'anna' };
const bruno: Writer = { role: 'participant', participantId: 'bruno' };

function setup(openFields: string[] = []) {
	const h = new Harness({ objectives: objectivePolicy, comments: commentPolicy });
	const f = h.join('fac');
	h.settings = { ...collecting, phase: 'draft', openFields };
	const created = h.send(f, fac, (d) =>
		createObjective(d, {
			id: 'obj1',
			title: 'Ridurre la solitudine degli anziani',
			sources: [{ type: 'cluster', id: 'k1', label: 'Solitudine' }],
			needAreas: 'Isolamento',
			createdAt: 1
		})
	);
	expect(created.ok).toBe(true);
	const a = h.join('anna');
	const b = h.join('bruno');
	return { h, f, a, b };
}

describe('[O1] who writes an objective card', () => {
	it('only facilitators create cards', () => {
		const { h, a } = setup();
		const r = h.send(a, anna, (d) =>
			createObjective(d, { id: 'obj2', title: 'x', sources: [], needAreas: '', createdAt: 2 })
		);
		expect(r).toMatchObject({ ok: false, reason: 'not-allowed' });
	});

	it('participants write the fields the facilitator opened, while drafting', () => {
		const { h, a } = setup(['objectives', 'crossCuttingIntegrated']);
		expect(
			h.send(a, anna, (d) =>
				setObjectiveText(d, 'obj1', 'objectives', 'Attivare una rete di vicinato')
			).ok
		).toBe(true);
		expect(
			h.send(a, anna, (d) => setObjectiveValue(d, 'obj1', 'crossCuttingIntegrated', 'SI')).ok
		).toBe(true);
	});

	it('refuses a field that is not open, and any field outside the drafting phase', () => {
		const { h, a } = setup(['objectives']);
		expect(
			h.send(a, anna, (d) => setObjectiveText(d, 'obj1', 'target', 'Anziani soli'))
		).toMatchObject({ ok: false, reason: 'not-allowed' });
		h.settings = { ...h.settings, phase: 'wrap_up' };
		expect(h.send(a, anna, (d) => setObjectiveText(d, 'obj1', 'objectives', 'x'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
	});

	it('lets co-writers of an open field edit each other’s text', () => {
		const { h, a, b } = setup(['objectives']);
		expect(
			h.send(a, anna, (d) => setObjectiveText(d, 'obj1', 'objectives', 'Prima frase.')).ok
		).toBe(true);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(h.server));
		expect(
			h.send(b, bruno, (d) => setObjectiveText(d, 'obj1', 'objectives', 'Frase riscritta.')).ok
		).toBe(true);
		expect(readObjectives(h.server)[0]!.fields.objectives).toBe('Frase riscritta.');
	});

	it('refuses values outside the template and changes to the card’s sources', () => {
		const { h, a, f } = setup(['crossCuttingIntegrated', 'objectiveType']);
		expect(
			h.send(a, anna, (d) => setObjectiveValue(d, 'obj1', 'crossCuttingIntegrated', 'FORSE'))
		).toMatchObject({ ok: false, reason: 'bad-value' });
		expect(
			h.send(a, anna, (d) =>
				setObjectiveValue(d, 'obj1', 'objectiveType', ['RIPARATIVO', 'INVENTATO'])
			)
		).toMatchObject({ ok: false, reason: 'bad-value' });
		expect(
			h.send(a, anna, (d) => d.getMap<Y.Map<unknown>>('objectives').get('obj1')!.set('sources', []))
		).toMatchObject({ ok: false });
		expect(h.send(f, fac, (d) => setObjectivePart(d, 'obj1', 'macroAreas', ['D', 'E'])).ok).toBe(
			true
		);
	});

	it('refuses a text over the limit', () => {
		const { h, f } = setup();
		expect(
			h.send(f, fac, (d) => setObjectiveText(d, 'obj1', 'plannedActions', 'x'.repeat(5001)))
		).toMatchObject({ ok: false, reason: 'bad-value' });
	});
});

describe('[O4] comments', () => {
	const comment = (id: string, authorId: string) => (d: Y.Doc) =>
		addComment(d, {
			id,
			objectiveId: 'obj1',
			field: 'objectives',
			parentId: null,
			text: 'Non sono d’accordo',
			authorId,
			createdAt: 3
		});

	it('anyone at the table comments, in their own name', () => {
		const { h, a } = setup();
		expect(h.send(a, anna, comment('c1', 'anna')).ok).toBe(true);
		expect(h.send(a, anna, comment('c2', 'bruno'))).toMatchObject({
			ok: false,
			reason: 'bad-value'
		});
	});

	it('the author or a facilitator resolves a comment; nobody else does', () => {
		const { h, a, b, f } = setup();
		h.send(a, anna, comment('c1', 'anna'));
		for (const d of [b, f]) Y.applyUpdate(d, Y.encodeStateAsUpdate(h.server));
		expect(h.send(b, bruno, (d) => resolveComment(d, 'c1', true))).toMatchObject({ ok: false });
		expect(h.send(f, fac, (d) => resolveComment(d, 'c1', true)).ok).toBe(true);
	});

	it('follows the lock and the phase: participants comment only while drafting, unlocked', () => {
		const { h, a } = setup();
		h.settings = { ...h.settings, locked: true };
		expect(h.send(a, anna, comment('c1', 'anna'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
		h.settings = { ...h.settings, locked: false, phase: 'wrap_up' };
		expect(h.send(h.join('anna'), anna, comment('c2', 'anna'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
		h.settings = { ...h.settings, phase: 'draft' };
		expect(h.send(h.join('anna'), anna, comment('c3', 'anna')).ok).toBe(true);
	});

	it('refuses a new comment at the key of an existing one', () => {
		const { h, a } = setup();
		expect(h.send(a, anna, comment('c1', 'anna')).ok).toBe(true);
		const forked = new Y.Doc();
		h.clients.set(forked.clientID, 'bruno');
		expect(h.send(forked, bruno, comment('c1', 'bruno'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
	});
});
