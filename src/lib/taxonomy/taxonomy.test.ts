import { describe, expect, it } from 'vitest';
import { taxonomyVersionsData } from './taxonomy';

describe('regional taxonomy data', () => {
	const byId = new Map(taxonomyVersionsData.map((v) => [v.id, v]));

	it('2025-2027 has 11 macro-areas, string codes, and no C', () => {
		const codes = byId.get('2025-2027')?.macroAreas.map((m) => m.code);
		expect(codes).toEqual(['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
	});

	it('2025-2027 carries the 5 priority LEPS with objectives and indicators', () => {
		const leps = byId.get('2025-2027')?.leps ?? [];
		expect(leps).toHaveLength(5);
		for (const l of leps) {
			expect(l.objectives.length).toBeGreaterThan(0);
			expect(l.indicators.length).toBeGreaterThan(0);
		}
	});

	it('2021-2023 has the 10 macro-areas A-J with their key points', () => {
		const version = byId.get('2021-2023');
		expect(version?.macroAreas.map((m) => m.code)).toEqual('ABCDEFGHIJ'.split(''));
		expect(version?.macroAreas.every((m) => m.keyPoints.length > 0)).toBe(true);
	});

	it('L has no key points in 2025-2027, as printed in the plan', () => {
		const l = byId.get('2025-2027')?.macroAreas.find((m) => m.code === 'L');
		expect(l?.keyPoints).toEqual([]);
	});
});
