import { z } from 'zod';
import mapping20212025 from './data/mapping-2021-2023-2025-2027.json';

/**
 * Carrying an objective's macro-areas, punti chiave and LEPS from one taxonomy version
 * to another (monitoring SPEC M43, docs/TAXONOMY-MAPPING.md). Between two versions a
 * documented table says where each old macro-area went and which punti chiave were
 * renamed; what the table does not settle to exactly one answer is returned as pending,
 * with its candidates, for the UdP to choose — never guessed.
 */

const place = z.object({ macroArea: z.string(), label: z.string() });
const tableShape = z.object({
	from: z.string(),
	to: z.string(),
	source: z.string(),
	macroAreas: z.record(z.string(), z.array(z.string())),
	keyPoints: z.array(z.object({ from: place, to: z.array(place) }))
});
export type CycleMapping = z.infer<typeof tableShape>;

/** The documented tables, one per pair of versions. */
export const cycleMappings: readonly CycleMapping[] = [tableShape.parse(mapping20212025)];

/** What a carry left for the UdP: the old code, where it was, and the candidates (maybe none). */
export interface PendingMapping {
	kind: 'macroArea' | 'keyPoint' | 'leps';
	/** The old macro-area code, punto chiave label or LEPS name. */
	oldCode: string;
	/** For a punto chiave: the old macro-area it was under. */
	macroArea?: string;
	/** Macro-area codes, or `code|label` of punti chiave, or LEPS names of the new version. */
	candidates: string[];
}

/** The new version as the mapping needs it (a TaxonomyVersion, or its rows from the database). */
export interface MappingTarget {
	id: string;
	macroAreas: readonly { code: string; keyPoints: readonly string[] }[];
	leps: readonly { name: string }[];
}

export interface MappedCodes {
	macroAreas: string[];
	keyPoints: Record<string, string[]>;
	leps: string[];
	pending: PendingMapping[];
}

/** Case, apostrophes and spacing do not make two labels different (’ and ' both occur). */
const same = (a: string, b: string) => norm(a) === norm(b);
const norm = (s: string) => s.replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** The table from one version to another; identity within a version; undefined otherwise. */
export function mappingBetween(from: string, to: string): CycleMapping | 'same' | undefined {
	if (from === to) return 'same';
	return cycleMappings.find((m) => m.from === from && m.to === to);
}

function macroAreaTargets(table: CycleMapping | 'same' | undefined, code: string): string[] {
	if (table === 'same') return [code];
	return table?.macroAreas[code] ?? [];
}

/** [M43] One old punto chiave in the new version: the table's answer, else the same words under the mapped area. */
function keyPointTargets(
	table: CycleMapping | 'same' | undefined,
	target: MappingTarget,
	oldArea: string,
	label: string,
	newAreas: readonly string[]
): { macroArea: string; label: string }[] {
	const listed =
		table === 'same' || !table
			? undefined
			: table.keyPoints.find((k) => k.from.macroArea === oldArea && same(k.from.label, label));
	if (listed) return listed.to;
	return target.macroAreas
		.filter((a) => newAreas.includes(a.code))
		.flatMap((a) =>
			a.keyPoints.filter((p) => same(p, label)).map((p) => ({ macroArea: a.code, label: p }))
		);
}

/**
 * [M43] An objective's codes in the new version: each old macro-area, punto chiave and
 * LEPS that maps to exactly one thing of the new version is carried; the rest is pending
 * with its candidates (the table's several answers, or none).
 */
export function mapCodes(
	from: string,
	target: MappingTarget,
	codes: {
		macroAreas: readonly string[];
		keyPoints: Record<string, readonly string[]>;
		leps: readonly string[];
	}
): MappedCodes {
	const table = mappingBetween(from, target.id);
	const known = new Set(target.macroAreas.map((a) => a.code));
	const out: MappedCodes = { macroAreas: [], keyPoints: {}, leps: [], pending: [] };
	const areaOf = new Map<string, string[]>();
	for (const code of codes.macroAreas) {
		const targets = macroAreaTargets(table, code).filter((c) => known.has(c));
		areaOf.set(code, targets);
		if (targets.length === 1) out.macroAreas.push(targets[0]!);
		else out.pending.push({ kind: 'macroArea', oldCode: code, candidates: targets });
	}
	for (const [area, labels] of Object.entries(codes.keyPoints)) {
		const newAreas = areaOf.get(area) ?? macroAreaTargets(table, area);
		for (const label of labels) {
			const targets = keyPointTargets(table, target, area, label, newAreas);
			const [only] = targets;
			if (targets.length === 1 && only && known.has(only.macroArea)) {
				(out.keyPoints[only.macroArea] ??= []).push(only.label);
				if (!out.macroAreas.includes(only.macroArea)) out.macroAreas.push(only.macroArea);
			} else
				out.pending.push({
					kind: 'keyPoint',
					oldCode: label,
					macroArea: area,
					candidates: targets.map((t) => `${t.macroArea}|${t.label}`)
				});
		}
	}
	for (const name of codes.leps) {
		const found = target.leps.find((l) => same(l.name, name));
		if (found) out.leps.push(found.name);
		else out.pending.push({ kind: 'leps', oldCode: name, candidates: [] });
	}
	out.macroAreas = [...new Set(out.macroAreas)];
	for (const k of Object.keys(out.keyPoints)) out.keyPoints[k] = [...new Set(out.keyPoints[k])];
	return out;
}
