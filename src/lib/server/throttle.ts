import { answerJson, tooMany } from './live-endpoint';
import type { Runtime } from './runtime';

/**
 * Token buckets by key (an address, a join code, a participant), in memory: a
 * bucket holds up to `capacity` tokens and refills at `perSecond`. A request
 * goes on while its bucket holds a token; what it costs is charged once its
 * outcome is known, so a wrong join code can cost twenty times a right one and
 * the bucket may go into debt. Memory is bounded: past `maxKeys` the least
 * recently used bucket is forgotten (a forgotten bucket is a full one, which
 * only ever favours an honest client).
 */
export interface ThrottleSpec {
	capacity: number;
	perSecond: number;
	maxKeys?: number;
}

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
	tokens: number;
	at: number;
}

export class KeyedThrottle {
	private readonly buckets = new Map<string, Bucket>();

	constructor(private readonly spec: ThrottleSpec) {}

	/** May a request under `key` go on now? */
	check(key: string, now: number): ThrottleVerdict {
		const bucket = this.refilled(key, now);
		if (bucket.tokens >= 1) return { ok: true };
		return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.spec.perSecond) };
	}

	/** Takes `cost` tokens from `key`'s bucket, into debt if need be. */
	charge(key: string, cost: number, now: number): void {
		this.refilled(key, now).tokens -= cost;
	}

	/** check, then charge `cost` when allowed. */
	take(key: string, cost: number, now: number): ThrottleVerdict {
		const verdict = this.check(key, now);
		if (verdict.ok) this.charge(key, cost, now);
		return verdict;
	}

	private refilled(key: string, now: number): Bucket {
		const { capacity, perSecond, maxKeys = 50_000 } = this.spec;
		const found = this.buckets.get(key);
		const bucket = found ?? { tokens: capacity, at: now };
		const elapsed = Math.max(0, now - bucket.at) / 1000;
		bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * perSecond);
		bucket.at = now;
		// Re-inserted on every use: the Map's first key is the least recently used.
		this.buckets.delete(key);
		this.buckets.set(key, bucket);
		if (this.buckets.size > maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
		return bucket;
	}
}

/**
 * Under a global symbol, as the runtime itself (runtime.ts): the SvelteKit bundle
 * and server/'s live path are separate module graphs and must count in the same
 * buckets, or a client could double its allowance by switching paths.
 */
const perRuntime = ((globalThis as { [key: symbol]: unknown })[Symbol.for('tavoli.throttles')] ??=
	new WeakMap()) as WeakMap<Runtime, Map<string, KeyedThrottle>>;

/** The throttle named `name` of this running app (a test's server gets its own). */
export function throttleOf(runtime: Runtime, name: string, spec: ThrottleSpec): KeyedThrottle {
	let named = perRuntime.get(runtime);
	if (!named) perRuntime.set(runtime, (named = new Map()));
	let throttle = named.get(name);
	if (!throttle) named.set(name, (throttle = new KeyedThrottle(spec)));
	return throttle;
}

/** The 429 every throttled endpoint answers: the reason and when to come back. */
export function tooManyRequests(retryAfterSeconds: number, reason = 'too-many-requests') {
	return answerJson(tooMany(retryAfterSeconds, reason));
}
