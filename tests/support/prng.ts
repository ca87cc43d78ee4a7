/** mulberry32: a small seeded generator, so that a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

export const pick = <T>(r: () => number, list: readonly T[]): T =>
	list[Math.floor(r() * list.length)]!;
