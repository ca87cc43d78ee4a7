import { expect, type APIRequestContext } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { readObjectives, setObjectivePart } from '../../src/lib/objectives/objective-doc';
import type { Indicator } from '../../src/lib/objectives/objective-template';
import { authCookieName } from './helpers';
import { leave, nodeClient } from './sync-node';

/**
 * Seeding what a tavolo sends to its plan's inbox, for the journeys whose subject is what
 * happens after: an incontro's board with one objective card per need (the first given
 * an indicator through the board's document), and the UdP's decision on a card.
 */
const server = { origin: baseURL, port: Number(new URL(baseURL).port) };

export async function cookieOf(request: APIRequestContext): Promise<string> {
	const cookie = (await request.storageState()).cookies.find((c) => c.name === authCookieName);
	return `${authCookieName}=${cookie!.value}`;
}

/** The board of the incontro with one objective card per need, the first given `indicator`. */
export async function draftCards(
	udp: APIRequestContext,
	meetingId: number,
	cards: { needs: string[]; indicator: Indicator }
) {
	const opened = await udp.post(`/api/meetings/${meetingId}/board`);
	expect(opened.status()).toBe(200);
	const { boardId } = (await opened.json()) as { boardId: string };
	for (const text of cards.needs)
		expect(
			(await udp.post(`/api/boards/${boardId}/cards`, { data: { kind: 'need', text } })).status()
		).toBe(201);
	const board = (await (await udp.get(`/api/boards/${boardId}`)).json()) as {
		cards: { id: string; text: string }[];
	};
	const phase = await udp.post(`/api/boards/${boardId}/commands/phase`, {
		data: { phase: 'draft' }
	});
	expect(phase.status()).toBe(200);
	const cardIds: string[] = [];
	for (const text of cards.needs) {
		const card = board.cards.find((c) => c.text === text)!;
		const made = await udp.post(`/api/boards/${boardId}/objectives`, {
			data: { type: 'card', id: card.id }
		});
		expect(made.status()).toBe(201);
		cardIds.push(((await made.json()) as { objectiveId: string }).objectiveId);
	}
	const writer = nodeClient(server, boardId, await cookieOf(udp));
	await writer.synced;
	setObjectivePart(writer.doc, cardIds[0]!, 'indicators', [cards.indicator]);
	// A second client syncs from the server: once it reads the indicator, the server holds it.
	const reader = nodeClient(server, boardId, await cookieOf(udp));
	await expect
		.poll(async () => {
			await reader.synced;
			return readObjectives(reader.doc).find((o) => o.id === cardIds[0])?.indicators.length;
		})
		.toBe(1);
	expect(writer.refusals).toEqual([]);
	leave(writer);
	leave(reader);
	return { boardId, cardIds };
}

/** A form action posted as SvelteKit's enhanced forms do; expects it to succeed or redirect. */
export async function formAction(
	request: APIRequestContext,
	url: string,
	form: Record<string, string>
): Promise<{ type: string; location?: string }> {
	const answer = await request.post(url, {
		form,
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(answer.status(), url).toBe(200);
	const result = (await answer.json()) as { type: string; location?: string };
	expect(['success', 'redirect'], `${url}: ${JSON.stringify(result)}`).toContain(result.type);
	return result;
}

/** The UdP's decision on one card of an outcome, through the inbox's form action. */
export async function decide(udp: APIRequestContext, planId: number, form: Record<string, string>) {
	const result = await formAction(udp, `/plans/${planId}/inbox?/decide`, form);
	expect(result.type).toBe('success');
}
