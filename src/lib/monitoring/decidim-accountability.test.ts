import { describe, expect, it } from 'vitest';
import {
	accountabilityRow,
	combinedProgress,
	DECIDIM_COLUMNS,
	planDates
} from './decidim-accountability';

describe('[M12] Decidim progress', () => {
	it.each([
		[[], 0],
		[[null, null], 0],
		[[50], 50],
		[[40, null, 60], 50],
		[[150, 50], 100],
		[[150], 100],
		[[0, 0], 0],
		[[33.33, 33.33, 33.34], 33.3]
	])('%o combines to %d', (progresses, expected) => {
		expect(combinedProgress(progresses)).toBe(expected);
	});
});

describe('[M12] Decidim rows', () => {
	it("has exactly the import columns of Decidim's documentation, in its order", () => {
		expect([...DECIDIM_COLUMNS]).toEqual([
			'id',
			'category/id',
			'scope/id',
			'parent/id',
			'title/it',
			'description/it',
			'start_date',
			'end_date',
			'status/id',
			'progress',
			'proposals_ids'
		]);
	});

	it('dates the plan from its first to its last day, nothing for another spelling', () => {
		expect(planDates('2025-2027')).toEqual({ start: '2025-01-01', end: '2027-12-31' });
		expect(planDates('triennio')).toEqual({ start: '', end: '' });
	});

	it('fills every documented column, titles numbered, no Decidim ids it cannot know', () => {
		const row = accountabilityRow(
			{
				id: 7,
				number: 3,
				title: 'Casa',
				description: 'Indicatori:',
				policyArea: 'Abitare',
				macroAreas: ['A', 'B'],
				statusLabel: 'approvato',
				progresses: [20, null]
			},
			'2025-2027'
		);
		expect(Object.keys(row)).toEqual([...DECIDIM_COLUMNS]);
		expect(row).toMatchObject({
			id: 7,
			'title/it': '3. Casa',
			'description/it': 'Area di policy: Abitare\nMacroaree: A, B\nStato: approvato\nIndicatori:',
			'category/id': '',
			'scope/id': '',
			'status/id': '',
			'parent/id': '',
			proposals_ids: '',
			progress: 20,
			start_date: '2025-01-01',
			end_date: '2027-12-31'
		});
	});
});
