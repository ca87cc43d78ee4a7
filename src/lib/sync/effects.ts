import * as Y from 'yjs';

/**
 * The effects model of a Yjs update (docs/BOARD.md, "Effects"): everything the
 * update would do to the current document, computed before anything is
 * applied, stored or forwarded. Pure: the document is only read.
 *
 * - an **insert** is a new item with the place it lands (root, map keys, '#'
 *   for a position in a text or array) and its content;
 * - a **removal** is an existing, live item the update deletes, either through
 *   its delete set or because an insert takes a map key that holds a value
 *   (an overwrite);
 * - anything Yjs would have to keep **pending** (a struct after a gap in its
 *   client's clocks, an origin or parent the document does not hold, a delete
 *   range past the clocks the document holds) is reported instead of effects,
 *   with the client ids it waits for: Yjs would apply it later, when those
 *   items arrive, without anyone checking it then.
 */
export type Path = readonly string[];
export type Content = Y.Item['content'];

export interface Insert {
	path: Path;
	content: Content;
	/** Length of the new part (a struct may repeat clocks the document has). */
	length: number;
	/** The key held a value before (live or deleted): the entry is not new. */
	reused: boolean;
}

export interface Removal {
	path: Path;
	item: Y.Item;
	/** How much of the item goes (a delete range may cover part of a string). */
	length: number;
	cause: 'delete' | 'overwrite';
}

export interface Effects {
	inserts: Insert[];
	removals: Removal[];
	/** Client ids the update writes new structs under: the writer must own them (B9). */
	clients: number[];
}

export type EffectsResult =
	| { ok: true; effects: Effects }
	| { ok: false; reason: 'malformed'; detail: string }
	| { ok: false; reason: 'pending'; clients: number[]; detail: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = { clients: Map<number, { clock: number; len: number }[]> };
/** Where a new item lands: a type in the document, a root, a new item of the update, or nowhere. */
type Parent =
	| { kind: 'type'; type: Y.AbstractType<unknown> }
	| { kind: 'root'; name: string }
	| { kind: 'new'; item: Y.Item }
	| { kind: 'gone' };
interface Place {
	parent: Parent;
	key: string | null;
	path: Path;
}

const MAX_DEPTH = 32;

class Pending extends Error {
	constructor(
		readonly client: number,
		detail: string
	) {
		super(detail);
	}
}
class Malformed extends Error {}

export function computeEffects(doc: Y.Doc, update: Uint8Array): EffectsResult {
	let decoded: { structs: Struct[]; ds: DeleteSet };
	try {
		decoded = Y.decodeUpdate(update) as unknown as { structs: Struct[]; ds: DeleteSet };
	} catch {
		return { ok: false, reason: 'malformed', detail: 'the update does not decode' };
	}
	try {
		return { ok: true, effects: new EffectsOf(doc, decoded.structs, decoded.ds).compute() };
	} catch (err) {
		if (err instanceof Pending)
			return { ok: false, reason: 'pending', clients: [err.client], detail: err.message };
		if (err instanceof Malformed) return { ok: false, reason: 'malformed', detail: err.message };
		return { ok: false, reason: 'malformed', detail: 'the update is inconsistent' };
	}
}

class EffectsOf {
	/** New structs per client, in clock order, and the clock after the last one. */
	private readonly fresh = new Map<number, { structs: (Y.Item | Y.GC)[]; end: number }>();
	private readonly places = new Map<Y.Item, Place>();
	private readonly removals: Removal[] = [];
	private readonly removed = new Set<Y.Item>();
	/** Clients whose clocks the update skips (a merged update's gap): what follows would wait. */
	private readonly skipped = new Set<number>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly structs: Struct[],
		private readonly ds: DeleteSet
	) {}

	compute(): Effects {
		this.indexStructs();
		this.checkOrder();
		this.collectDeletes();
		const inserts: Insert[] = [];
		for (const { structs } of this.fresh.values()) {
			for (const s of structs) {
				if (!(s instanceof Y.Item)) continue;
				const insert = this.insertOf(s);
				if (insert) inserts.push(insert);
			}
		}
		return {
			inserts,
			removals: this.removals.filter((r) => !this.insideRemoved(r.item)),
			clients: [...this.fresh.keys()]
		};
	}

	private state(client: number): number {
		return Y.getState(this.doc.store, client);
	}

	/** New structs by client; a gap in a client's clocks would leave the rest pending. */
	private indexStructs(): void {
		for (const s of this.structs) {
			const client = s.id.client;
			const state = this.state(client);
			const known = this.fresh.get(client);
			const next = known?.end ?? state;
			if (s instanceof Y.Skip) {
				if (s.id.clock + s.length > next) this.skipped.add(client);
				continue;
			}
			if (s.id.clock + s.length <= next) continue;
			if (s.id.clock > next || this.skipped.has(client))
				throw new Pending(client, `client ${client} skips from ${next} to ${s.id.clock}`);
			const entry = known ?? { structs: [], end: state };
			entry.structs.push(s);
			entry.end = s.id.clock + s.length;
			this.fresh.set(client, entry);
		}
	}

	/**
	 * Yjs resolves the references of every struct of an update, those it already
	 * holds too, and trusts a reference to the struct's own client to point back:
	 * a struct built on a later one of its own client, or clients that build on
	 * each other's new structs both ways, make Yjs throw halfway through applying
	 * (found by the fuzz test); a struct it holds that names an item it lacks
	 * would stay pending. All refused here.
	 */
	private checkOrder(): void {
		const edges = new Map<number, Set<number>>();
		for (const s of this.structs) {
			if (!(s instanceof Y.Item)) continue;
			const client = s.id.client;
			const parent = s.parent instanceof Y.ID ? s.parent : null;
			for (const ref of [s.origin, s.rightOrigin, parent]) {
				if (!ref) continue;
				if (ref.client === client) {
					if (ref.clock >= s.id.clock) throw new Malformed('an item built on a later one');
				} else if (ref.clock >= this.state(ref.client)) {
					this.find(ref);
					const to = edges.get(client) ?? new Set<number>();
					edges.set(client, to.add(ref.client));
				}
			}
		}
		const visiting = new Set<number>();
		const done = new Set<number>();
		const visit = (client: number): void => {
			if (done.has(client)) return;
			if (visiting.has(client)) throw new Malformed('clients built on each other');
			visiting.add(client);
			for (const next of edges.get(client) ?? []) visit(next);
			visiting.delete(client);
			done.add(client);
		};
		for (const client of edges.keys()) visit(client);
	}

	/** The struct holding an id: in the document, or new in this update; pending otherwise. */
	private find(id: Y.ID): Y.Item | Y.GC {
		if (id.clock < this.state(id.client))
			return Y.getItem(this.doc.store, id) as unknown as Y.Item | Y.GC;
		const entry = this.fresh.get(id.client);
		const found = entry?.structs.find(
			(s) => id.clock >= s.id.clock && id.clock < s.id.clock + s.length
		);
		if (found) return found;
		throw new Pending(id.client, `unknown item ${id.client}:${id.clock}`);
	}

	/**
	 * A struct the document holds in part: Yjs integrates the rest right after the
	 * item holding the previous clock, whatever parent the struct names. That item
	 * must be live in the place the struct lands. A collected one made Yjs throw
	 * halfway through applying (found by the fuzz test); one of another type would
	 * splice two lists. Honest clients resend an item whole, so its start sits where
	 * it stood; a struct that lands nowhere (Yjs collects it) is not checked.
	 */
	private checkContinuation(item: Y.Item, place: Place, offset: number): void {
		const before = Y.getItem(
			this.doc.store,
			Y.createID(item.id.client, item.id.clock + offset - 1)
		) as unknown as Y.Item | Y.GC;
		const { parent } = place;
		const type =
			parent.kind === 'type'
				? parent.type
				: parent.kind === 'root'
					? this.doc.share.get(parent.name)
					: undefined;
		if (!(before instanceof Y.Item) || before.parent !== type || before.parentSub !== place.key)
			throw new Malformed('an item continues one that stands elsewhere');
	}

	private isNew(item: Y.Item): boolean {
		return item.id.clock + item.length > this.state(item.id.client);
	}

	private insertOf(item: Y.Item): Insert | null {
		const place = this.placeOf(item, 0);
		if (place.parent.kind === 'gone') return null;
		const offset = Math.max(0, this.state(item.id.client) - item.id.clock);
		if (offset > 0) this.checkContinuation(item, place, offset);
		let reused = false;
		if (place.key !== null) {
			const current = this.currentAt(place.parent, place.key);
			reused = current !== undefined;
			if (current && !current.deleted && !this.removed.has(current)) {
				this.removed.add(current);
				this.removals.push({
					path: place.path,
					item: current,
					length: current.length,
					cause: 'overwrite'
				});
			}
		}
		const length = item.length - offset;
		// A new item the update's own delete set removes whole is what Yjs makes of it:
		// deleted content. Read as written, a value deleted at once (an author, a merge
		// target) passed every check and never stood.
		const content = this.deletesWhole(item.id.client, item.id.clock + offset, length)
			? new Y.ContentDeleted(length)
			: offset > 0
				? item.content.copy().splice(offset)
				: item.content;
		return { path: place.path, content, length, reused };
	}

	/** Whether the update's delete set covers clocks [from, from + length) of the client. */
	private deletesWhole(client: number, from: number, length: number): boolean {
		let covered = 0;
		for (const { clock, len } of this.ds.clients.get(client) ?? [])
			covered += Math.max(0, Math.min(clock + len, from + length) - Math.max(clock, from));
		return covered >= length;
	}

	/** The item a map key holds in the document (the last of its chain), if any. */
	private currentAt(parent: Parent, key: string): Y.Item | undefined {
		if (parent.kind === 'type') return parent.type._map.get(key);
		if (parent.kind === 'root') {
			const root = this.doc.share.get(parent.name);
			return root?._map.get(key);
		}
		return undefined;
	}

	private placeOf(item: Y.Item, depth: number): Place {
		const cached = this.places.get(item);
		if (cached) return cached;
		if (depth > MAX_DEPTH) throw new Malformed('items nested too deep or in a cycle');
		const place = this.isNew(item) ? this.placeOfNew(item, depth) : this.placeInDoc(item);
		this.places.set(item, place);
		return place;
	}

	private placeOfNew(item: Y.Item, depth: number): Place {
		const raw = item.parent as unknown;
		if (typeof raw === 'string') {
			return this.placeUnder({ kind: 'root', name: raw }, [raw], item.parentSub);
		}
		if (raw instanceof Y.ID) {
			const holder = this.find(raw);
			if (!(holder instanceof Y.Item)) return gone;
			// A type deleted meanwhile and garbage-collected: someone wrote into it while
			// another removed it (an honest race); Yjs drops such items, so do we.
			if (holder.deleted && holder.content instanceof Y.ContentDeleted) return gone;
			if (!(holder.content instanceof Y.ContentType))
				throw new Malformed('an item is placed inside something that is not a type');
			if (this.isNew(holder)) {
				const at = this.placeOf(holder, depth + 1);
				if (at.parent.kind === 'gone') return gone;
				return this.placeUnder({ kind: 'new', item: holder }, at.path, item.parentSub);
			}
			return this.placeInType(holder.content.type, item.parentSub);
		}
		const neighbourId = item.origin ?? item.rightOrigin;
		if (!neighbourId) throw new Malformed('an item without parent or neighbour');
		const neighbour = this.find(neighbourId);
		if (!(neighbour instanceof Y.Item)) return gone;
		return this.placeOf(neighbour, depth + 1);
	}

	/** An item the document already holds: where it is, unless it or its parent is deleted. */
	private placeInDoc(item: Y.Item): Place {
		const type = item.parent as Y.AbstractType<unknown> | null;
		if (!type) return gone;
		return this.placeInType(type, item.parentSub);
	}

	private placeInType(type: Y.AbstractType<unknown>, key: string | null): Place {
		if (type._item?.deleted) return gone;
		return this.placeUnder({ kind: 'type', type }, this.pathOfType(type, 0), key);
	}

	/**
	 * '#' in a path is a position in a text or array, so no map key may be '#': an
	 * item in a text's map slot "#" read as the text's own characters, and let a card
	 * text past its bound (and an attribute past the no-formatting rule).
	 */
	private placeUnder(parent: Parent, at: Path, key: string | null): Place {
		if (key === '#') throw new Malformed('the key "#" is reserved for positions');
		return { parent, key, path: [...at, key ?? '#'] };
	}

	private pathOfType(type: Y.AbstractType<unknown>, depth: number): Path {
		if (depth > MAX_DEPTH) throw new Malformed('types nested too deep');
		const holder = type._item;
		if (!holder) return [Y.findRootTypeKey(type)];
		const parent = holder.parent as Y.AbstractType<unknown>;
		return [...this.pathOfType(parent, depth + 1), holder.parentSub ?? '#'];
	}

	/**
	 * Every live item the delete set reaches. A range past what the document and
	 * this update hold for a client would stay pending in Yjs.
	 */
	private collectDeletes(): void {
		for (const [client, ranges] of this.ds.clients) {
			const end = this.fresh.get(client)?.end ?? this.state(client);
			for (const range of ranges) {
				// Yjs cannot even re-encode an empty range it keeps: it throws.
				if (range.len <= 0) throw new Malformed('an empty delete range');
				if (range.clock + range.len > end)
					throw new Pending(
						client,
						`deletes ${client}:${range.clock}+${range.len} not yet written`
					);
				this.collectRange(client, range.clock, range.clock + range.len);
			}
		}
	}

	private collectRange(client: number, from: number, to: number): void {
		let clock = from;
		const state = this.state(client);
		while (clock < Math.min(to, state)) {
			const struct = Y.getItem(this.doc.store, Y.createID(client, clock)) as unknown as
				Y.Item | Y.GC;
			const stop = Math.min(to, struct.id.clock + struct.length);
			if (struct instanceof Y.Item && !struct.deleted && !this.removed.has(struct)) {
				const place = this.placeInDoc(struct);
				if (place.parent.kind !== 'gone') {
					this.removed.add(struct);
					this.removals.push({
						path: place.path,
						item: struct,
						length: stop - clock,
						cause: 'delete'
					});
				}
			}
			clock = stop;
		}
	}

	/** True when an ancestor of the item is removed too: the ancestor's removal says it all. */
	private insideRemoved(item: Y.Item): boolean {
		let holder = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null;
		while (holder) {
			if (this.removed.has(holder)) return true;
			holder = (holder.parent as Y.AbstractType<unknown> | null)?._item ?? null;
		}
		return false;
	}
}

const gone: Place = { parent: { kind: 'gone' }, key: null, path: [] };
