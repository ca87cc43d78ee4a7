/**
 * mulberry32, a small seeded generator, so that a failing run can be replayed from
 * its seed: the bench's own (scripts/bench/traffic.js), one implementation for both.
 */
export { random as prng } from '../../scripts/bench/traffic.js';

export const pick = <T>(r: () => number, list: readonly T[]): T =>
	list[Math.floor(r() * list.length)]!;
