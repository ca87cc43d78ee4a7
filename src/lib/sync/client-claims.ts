import { MAX_CLAIMS_PER_PARTICIPANT } from './limits';

/**
 * Who writes under each Yjs client id of one room (SPEC B9, B13): a participant,
 * or the server (null). A client id is claimed by its first accepted update or
 * presence and keeps its owner; the count per participant bounds how many clocks
 * a reconnecting storm can add to the board's state vector, which every sync carries.
 */
export class ClientClaims {
	private readonly owners = new Map<number, string | null>();
	private readonly counts = new Map<string, number>();

	/** The stored claims, as the room loads them. */
	constructor(stored: readonly { clientId: number; participantId: string | null }[]) {
		for (const c of stored) this.add(c.clientId, c.participantId);
	}

	has(clientId: number): boolean {
		return this.owners.has(clientId);
	}

	/** The participant who claimed the id, 'server' for the server's own, undefined when unclaimed. */
	ownerOf(clientId: number): string | undefined {
		if (!this.owners.has(clientId)) return undefined;
		return this.owners.get(clientId) ?? 'server';
	}

	/** Whether `more` fresh ids take a participant past their bound (B13). */
	over(participantId: string, more: number): boolean {
		return (this.counts.get(participantId) ?? 0) + more > MAX_CLAIMS_PER_PARTICIPANT;
	}

	/** Claims an id for its first writer; false when it was claimed already. */
	add(clientId: number, participantId: string | null): boolean {
		if (this.owners.has(clientId)) return false;
		this.owners.set(clientId, participantId);
		if (participantId !== null)
			this.counts.set(participantId, (this.counts.get(participantId) ?? 0) + 1);
		return true;
	}

	/** Every id of one participant becomes another's (two lines of one person merged). */
	reassign(from: string, into: string): void {
		if (from === into) return;
		for (const [clientId, owner] of this.owners)
			if (owner === from) this.owners.set(clientId, into);
		this.counts.set(into, (this.counts.get(into) ?? 0) + (this.counts.get(from) ?? 0));
		this.counts.delete(from);
	}
}
