import { describe, expect, it } from 'vitest';
import type { CommentView } from './objective-doc';
import { mayEditObjectivePart } from './objective-rules';
import { objectiveFields } from './objective-template';
import {
	blankIndicator,
	choicesOf,
	commentCount,
	commentThreads,
	controlOf,
	issueMessage,
	keyPointAreas,
	openableParts,
	patchIndicator,
	removeIndicator,
	ruleContext,
	toggle,
	toggleKeyPoint
} from './objective-view';

const field = (key: string) => objectiveFields.find((f) => f.key === key)!;

describe('controls of the 21 template fields', () => {
	it('long texts as textareas, SI/NO as radios, the objective type as checkboxes', () => {
		const controls = Object.fromEntries(objectiveFields.map((f) => [f.key, controlOf(f)]));
		expect(controls.objectives).toBe('text');
		expect(controls.budgetedResources).toBe('text');
		expect(controls.crossCuttingIntegrated).toBe('radio');
		expect(controls.innovativeCareModels).toBe('radio');
		expect(controls.newServiceDefinition).toBe('radio');
		expect(controls.objectiveType).toBe('checkboxes');
	});

	it('offers exactly the values the server accepts', () => {
		expect(choicesOf(field('asstInvolvement'))).toEqual(['SI', 'NO']);
		expect(choicesOf(field('innovativeCareModels'))).toEqual(['SI', 'NO', 'n/d']);
		expect(choicesOf(field('needType'))).toEqual(['BISOGNO CONSOLIDATO', 'NUOVO BISOGNO']);
	});

	it('lets the facilitator open the 21 fields and the five parts of a card', () => {
		expect(openableParts).toHaveLength(26);
		expect(openableParts.slice(-5)).toEqual([
			'title',
			'macroAreas',
			'keyPoints',
			'leps',
			'indicators'
		]);
	});
});

const comment = (id: string, over: Partial<CommentView> = {}): CommentView => ({
	id,
	objectiveId: 'o1',
	field: 'objectives',
	parentId: null,
	text: id,
	authorId: 'p1',
	createdAt: 0,
	resolved: false,
	...over
});

describe('comment threads', () => {
	const comments = [
		comment('a'),
		comment('b', { resolved: true }),
		comment('a1', { parentId: 'a' }),
		comment('orphan', { parentId: 'gone' }),
		comment('other', { field: 'target' }),
		comment('elsewhere', { objectiveId: 'o2' })
	];

	it('groups replies under their comment, per card and field', () => {
		const threads = commentThreads(comments, 'o1', 'objectives');
		expect(threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
			['a', ['a1']],
			['b', []],
			['orphan', []]
		]);
	});

	it('counts every comment and the threads still open', () => {
		expect(commentCount(commentThreads(comments, 'o1', 'objectives'))).toEqual({
			total: 4,
			open: 2
		});
		expect(commentCount([])).toEqual({ total: 0, open: 0 });
	});
});

describe('consistency warnings in the catalogue', () => {
	it('turns the code into a key and passes the details as parameters', () => {
		expect(issueMessage({ code: 'key-point-outside-mapping', macroArea: 'F' })).toEqual({
			key: 'objective_issue_key_point_outside_mapping',
			params: { macroArea: 'F' }
		});
		expect(issueMessage({ code: 'innovative-but-continuing' })).toEqual({
			key: 'objective_issue_innovative_but_continuing',
			params: {}
		});
	});
});

describe('sets, punti chiave and indicators', () => {
	it('adds and removes values, in the taxonomy order when given', () => {
		expect(toggle(['E'], 'A', true, ['A', 'B', 'D', 'E'])).toEqual(['A', 'E']);
		expect(toggle(['A', 'E'], 'A', false)).toEqual(['E']);
		expect(toggle(['A'], 'A', true)).toEqual(['A']);
	});

	it('drops a macro-area from the punti chiave when its last one is unticked', () => {
		const start = { D: ['Domiciliarità'] };
		expect(toggleKeyPoint(start, 'E', 'Caregiver', true)).toEqual({
			D: ['Domiciliarità'],
			E: ['Caregiver']
		});
		expect(toggleKeyPoint(start, 'D', 'Domiciliarità', false)).toEqual({});
		expect(start).toEqual({ D: ['Domiciliarità'] });
	});

	it('shows the punti chiave of chosen areas and of areas still holding ticked ones', () => {
		const areas = [{ code: 'A' }, { code: 'D' }, { code: 'F' }];
		expect(keyPointAreas(areas, ['D'], { F: ['x'], A: [] })).toEqual(['D', 'F']);
	});

	it('keeps numerator and denominator for ratios only', () => {
		const list = [blankIndicator()];
		const ratio = patchIndicator(list, 0, { kind: 'ratio' });
		expect(ratio[0]).toMatchObject({ kind: 'ratio', numerator: '', denominator: '' });
		const back = patchIndicator(ratio, 0, { kind: 'increment', baseline: '120 accessi' });
		expect(back[0]).not.toHaveProperty('numerator');
		expect(back[0]).toMatchObject({ kind: 'increment', baseline: '120 accessi' });
		expect(removeIndicator(back, 0)).toEqual([]);
	});
});

describe('[O1] the same rule as the server, from the document', () => {
	it('participants write open fields while drafting and unlocked; facilitators always', () => {
		const meta = { phase: 'draft' as const, locked: false, openFields: ['objectives'] };
		const participant = { role: 'participant', participantId: 'p1' } as const;
		const facilitator = { role: 'facilitator', participantId: 'f1' } as const;
		expect(mayEditObjectivePart(ruleContext(participant, meta), 'objectives')).toBe(true);
		expect(mayEditObjectivePart(ruleContext(participant, meta), 'budgetedResources')).toBe(false);
		const locked = ruleContext(participant, { ...meta, locked: true });
		expect(mayEditObjectivePart(locked, 'objectives')).toBe(false);
		const wrapUp = { ...meta, phase: 'wrap_up' as const };
		expect(mayEditObjectivePart(ruleContext(participant, wrapUp), 'objectives')).toBe(false);
		expect(mayEditObjectivePart(ruleContext(facilitator, wrapUp), 'budgetedResources')).toBe(true);
	});
});
