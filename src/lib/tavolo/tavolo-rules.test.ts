import { describe, expect, it } from 'vitest';
import { facilitatorWarnings, meetingGaps } from './tavolo-rules';

describe('[T1] facilitator pair', () => {
	it('is satisfied by one public and one third-sector facilitator', () => {
		expect(
			facilitatorWarnings([
				{ role: 'facilitator_public', sector: 'public' },
				{ role: 'facilitator_third_sector', sector: 'third_sector' },
				{ role: 'member', sector: 'third_sector' }
			])
		).toEqual([]);
	});

	it('names each missing facilitator', () => {
		expect(facilitatorWarnings([{ role: 'member', sector: null }])).toEqual([
			'missing_public_facilitator',
			'missing_third_sector_facilitator'
		]);
	});

	it('flags a third facilitator and a facilitator from the wrong sector', () => {
		expect(
			facilitatorWarnings([
				{ role: 'facilitator_public', sector: 'third_sector' },
				{ role: 'facilitator_public', sector: 'public' },
				{ role: 'facilitator_third_sector', sector: 'public' }
			])
		).toEqual([
			'too_many_facilitators',
			'public_facilitator_not_public',
			'third_sector_facilitator_not_third_sector'
		]);
	});
});

describe('[T2] at least quarterly', () => {
	it('accepts meetings 90 days apart', () => {
		expect(meetingGaps(['2026-01-01', '2026-04-01'], '2026-04-02')).toEqual([]);
	});

	it('flags a gap of 91 days between two incontri, whatever the input order', () => {
		expect(meetingGaps(['2026-04-02', '2026-01-01'], '2026-04-03')).toEqual([
			{ from: '2026-01-01', to: '2026-04-02', days: 91 }
		]);
	});

	it('flags the open gap when nothing is planned after the last incontro', () => {
		expect(meetingGaps(['2026-01-01'], '2026-06-01')).toEqual([
			{ from: '2026-01-01', to: null, days: 151 }
		]);
	});

	it('says nothing for a tavolo without incontri yet', () => {
		expect(meetingGaps([], '2026-06-01')).toEqual([]);
	});
});
