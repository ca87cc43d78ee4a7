import type { Runtime } from '$lib/server/runtime';
import { throttleOf, type ThrottleVerdict } from '$lib/server/throttle';

/**
 * How fast joins may come (SPEC J9). A right code is cheap and a wrong one dear:
 * an address holds 200 tokens and gets 2 back a second; a join costs 0.2 of
 * them, a wrong code 20. So a room of 150 behind one venue address (one NAT) —
 * or a thousand, or a load test — joins at once, while one address tries about
 * 10 codes and then one every 10 s, against 31^6 ≈ 887 million codes. Each code
 * also bounds the new foglio firme lines it gives (500, then 5 a second), so a
 * script holding the right code cannot fill the sheet; a device that joins
 * again takes no new line and costs its code nothing.
 */
export const JOIN_RATE = {
	perAddress: { capacity: 200, perSecond: 2 },
	perCode: { capacity: 500, perSecond: 5 },
	joinCost: 0.2,
	wrongCodeCost: 20
} as const;

/** A code as its bucket knows it: "abc-234" and "ABC234" are one (as board's normalizeJoinCode). */
const codeKey = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export type JoinOutcome = 'new-line' | 'same-line' | 'unknown-code';

const buckets = (runtime: Runtime) => ({
	address: throttleOf(runtime, 'join-address', JOIN_RATE.perAddress),
	code: throttleOf(runtime, 'join-code', JOIN_RATE.perCode)
});

/** May this address try this code now? Asked before the code is looked up. */
export function joinAllowed(runtime: Runtime, address: string, code: string): ThrottleVerdict {
	const now = runtime.clock.now();
	const { address: byAddress, code: byCode } = buckets(runtime);
	const first = byAddress.check(address, now);
	if (!first.ok) return first;
	return byCode.check(codeKey(code), now);
}

/** Charges what the attempt cost, once its outcome is known. */
export function chargeJoin(
	runtime: Runtime,
	address: string,
	code: string,
	outcome: JoinOutcome
): void {
	const now = runtime.clock.now();
	const { address: byAddress, code: byCode } = buckets(runtime);
	byAddress.charge(
		address,
		outcome === 'unknown-code' ? JOIN_RATE.wrongCodeCost : JOIN_RATE.joinCost,
		now
	);
	if (outcome === 'new-line') byCode.charge(codeKey(code), 1, now);
}
