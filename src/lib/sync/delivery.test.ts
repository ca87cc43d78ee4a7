import { describe, expect, it } from 'vitest';
import {
	ANSWER_DEAD_MS,
	ANSWER_LATE_MS,
	Delivery,
	PING_GAP_MS,
	PING_INTERVAL_MS
} from './delivery';

function setup() {
	const state = { now: 0, socket: true, pings: 0, dead: 0 };
	const delivery = new Delivery({
		now: () => state.now,
		ping: () => {
			if (state.socket) state.pings++;
			return state.socket;
		},
		changed: () => undefined,
		dead: () => state.dead++
	});
	return { state, delivery };
}

describe('Delivery', () => {
	it('counts a write delivered once a ping sent after it is answered', () => {
		const { state, delivery } = setup();
		delivery.synced();
		const seq = delivery.wrote();
		expect(state.pings).toBe(1);
		expect(delivery.delivered(seq)).toBe(false);
		delivery.answered();
		expect(delivery.delivered(seq)).toBe(true);
		expect(delivery.undelivered).toBe(false);
	});

	it('does not count a write made while a ping was in flight delivered by its answer', () => {
		const { state, delivery } = setup();
		delivery.synced();
		const first = delivery.wrote();
		const second = delivery.wrote();
		delivery.answered();
		expect(delivery.delivered(first)).toBe(true);
		expect(delivery.delivered(second)).toBe(false);
		state.now += PING_GAP_MS;
		delivery.tick();
		expect(state.pings).toBe(2);
		delivery.answered();
		expect(delivery.delivered(second)).toBe(true);
	});

	it('sends nothing for writes made offline until the socket has synced', () => {
		const { state, delivery } = setup();
		const seq = delivery.wrote();
		state.now += PING_INTERVAL_MS * 3;
		delivery.tick();
		expect(state.pings).toBe(0);
		delivery.answered();
		expect(delivery.delivered(seq)).toBe(false);
		delivery.synced();
		expect(state.pings).toBe(1);
		delivery.answered();
		expect(delivery.delivered(seq)).toBe(true);
	});

	it('forgets the ping in flight when the socket closes', () => {
		const { state, delivery } = setup();
		delivery.synced();
		const seq = delivery.wrote();
		delivery.closed();
		delivery.answered();
		expect(delivery.delivered(seq)).toBe(false);
		state.now += PING_GAP_MS;
		delivery.synced();
		expect(state.pings).toBe(2);
	});

	it('pings an idle socket once a second, one at a time', () => {
		const { state, delivery } = setup();
		delivery.synced();
		delivery.tick();
		expect(state.pings).toBe(1);
		state.now += PING_INTERVAL_MS;
		delivery.tick();
		expect(state.pings).toBe(1);
		delivery.answered();
		state.now += PING_INTERVAL_MS / 2;
		delivery.tick();
		expect(state.pings).toBe(2);
		delivery.answered();
		state.now += PING_INTERVAL_MS / 2;
		delivery.tick();
		expect(state.pings).toBe(2);
		state.now += PING_INTERVAL_MS / 2;
		delivery.tick();
		expect(state.pings).toBe(3);
	});

	it('is late past ANSWER_LATE_MS and gives the socket up past ANSWER_DEAD_MS', () => {
		const { state, delivery } = setup();
		delivery.synced();
		delivery.tick();
		state.now += ANSWER_LATE_MS - 1;
		delivery.tick();
		expect(delivery.late).toBe(false);
		state.now += 1;
		delivery.tick();
		expect(delivery.late).toBe(true);
		state.now += ANSWER_DEAD_MS - ANSWER_LATE_MS;
		delivery.tick();
		expect(state.dead).toBe(1);
		delivery.closed();
		expect(delivery.late).toBe(false);
	});

	it('a late answer clears the lateness without giving up', () => {
		const { state, delivery } = setup();
		delivery.synced();
		delivery.tick();
		state.now += ANSWER_LATE_MS;
		delivery.tick();
		delivery.answered();
		expect(delivery.late).toBe(false);
		expect(state.dead).toBe(0);
	});

	it('counts the undelivered writes of a document thrown away lost, and no others', () => {
		const { state, delivery } = setup();
		delivery.synced();
		const kept = delivery.wrote();
		delivery.answered();
		delivery.closed();
		const thrownAway = delivery.wrote();
		delivery.forget();
		expect(delivery.undelivered).toBe(false);
		expect(delivery.lost(thrownAway)).toBe(true);
		expect(delivery.delivered(thrownAway)).toBe(false);
		expect(delivery.delivered(kept)).toBe(true);
		state.now += PING_INTERVAL_MS;
		delivery.synced();
		const next = delivery.wrote();
		delivery.answered();
		expect(delivery.delivered(next)).toBe(true);
		expect(delivery.delivered(thrownAway)).toBe(false);
	});
});
