import { describe, expect, it } from 'vitest';
import { taxonomyVersionsData } from './taxonomy';
import { cycleMappings, mapCodes } from './taxonomy-mapping';

const version = (id: string) => taxonomyVersionsData.find((v) => v.id === id)!;
const v2025 = version('2025-2027');
const v2021 = version('2021-2023');
const none = { macroAreas: [], keyPoints: {}, leps: [] };

describe('[M43] the documented 2021-2023 → 2025-2027 table', () => {
	const [table] = cycleMappings;

	it('maps every old macro-area to one that exists in 2025-2027, C into A', () => {
		expect(Object.keys(table!.macroAreas)).toEqual(v2021.macroAreas.map((a) => a.code));
		const codes = new Set(v2025.macroAreas.map((a) => a.code));
		for (const targets of Object.values(table!.macroAreas))
			for (const t of targets) expect(codes.has(t)).toBe(true);
		expect(table!.macroAreas.C).toEqual(['A']);
	});

	it('names only punti chiave that exist in their versions', () => {
		for (const k of table!.keyPoints) {
			const from = v2021.macroAreas.find((a) => a.code === k.from.macroArea)!;
			expect(from.keyPoints).toContain(k.from.label);
			for (const t of k.to)
				expect(v2025.macroAreas.find((a) => a.code === t.macroArea)!.keyPoints).toContain(t.label);
		}
	});

	it('carries every old punto chiave but the one the table leaves open', () => {
		const keyPoints = Object.fromEntries(v2021.macroAreas.map((a) => [a.code, a.keyPoints]));
		const mapped = mapCodes('2021-2023', v2025, {
			macroAreas: v2021.macroAreas.map((a) => a.code),
			keyPoints,
			leps: []
		});
		expect(mapped.macroAreas).toEqual(['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
		expect(mapped.pending).toEqual([
			{
				kind: 'keyPoint',
				oldCode: 'Sviluppo delle reti',
				macroArea: 'C',
				candidates: [
					'A|Rafforzamento delle reti sociali',
					'A|Allargamento della rete e co-programmazione'
				]
			}
		]);
		expect(mapped.keyPoints.H).toContain('Interventi a favore dei NEET');
		expect(mapped.keyPoints.A).toContain(
			"Facilitare l'accesso alle opportunità di benessere e partecipazione attiva"
		);
		expect(mapped.keyPoints.A).toContain(
			'Presenza di nuovi soggetti a rischio/nuova utenza rispetto al passato'
		);
	});
});

describe('[M43] carrying codes', () => {
	it('keeps codes within one version, pending what the version lacks', () => {
		const mapped = mapCodes('2025-2027', v2025, {
			macroAreas: ['A', 'Z'],
			keyPoints: { A: ['Famiglie numerose', 'Inventato'] },
			leps: [v2025.leps[0]!.name, 'LEPS inventato']
		});
		expect(mapped.macroAreas).toEqual(['A']);
		expect(mapped.keyPoints).toEqual({ A: ['Famiglie numerose'] });
		expect(mapped.leps).toEqual([v2025.leps[0]!.name]);
		expect(mapped.pending).toEqual([
			{ kind: 'macroArea', oldCode: 'Z', candidates: [] },
			{ kind: 'keyPoint', oldCode: 'Inventato', macroArea: 'A', candidates: [] },
			{ kind: 'leps', oldCode: 'LEPS inventato', candidates: [] }
		]);
	});

	it('guesses nothing between versions without a table: every macro-area is pending', () => {
		const mapped = mapCodes('2025-2027', v2021, { ...none, macroAreas: ['A', 'K'] });
		expect(mapped.macroAreas).toEqual([]);
		expect(mapped.pending.map((p) => [p.oldCode, p.candidates])).toEqual([
			['A', []],
			['K', []]
		]);
	});
});
