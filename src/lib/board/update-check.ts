import * as Y from 'yjs';
import {
	canCluster,
	canCreateCardDirectly,
	canEditCard,
	CARD_TEXT_MAX,
	cardKinds,
	CLUSTER_TITLE_MAX,
	MAX_UPDATE_BYTES,
	TARGET_MAX,
	type BoardSettings,
	type Writer
} from './board';
import { Root, serverOnlyRoots } from './board-doc';
import {
	contentMatches,
	expectedContent,
	mayChangeComment,
	mayEditObjectivePart,
	OBJECTIVE_TEXT_MAX,
	partOf,
	validCommentValue,
	validFieldValue,
	validPartValue
} from '$lib/objectives/objective-rules';

/**
 * Checks one Yjs update from a client against the board's rules before it is
 * applied, stored or forwarded (SPEC B9-B11). It decodes the update, works out
 * where every inserted item would land and which items it deletes, and answers
 * with the first rule broken. It never changes the document.
 */
export type Refusal =
	| 'too-large'
	| 'malformed'
	| 'missing-dependencies'
	| 'observer'
	| 'client-id-taken'
	| 'server-only'
	| 'unknown-location'
	| 'bad-value'
	| 'not-allowed'
	| 'not-own-item';

export type CheckResult =
	| { ok: true; claimedClientIds: number[]; createdCards: string[]; empty: boolean }
	| { ok: false; reason: Refusal; detail: string };

export interface CheckContext {
	doc: Y.Doc;
	writer: Writer;
	/** The board's settings; `openFields` lists what participants may write in objective cards. */
	settings: BoardSettings & { openFields?: readonly string[] };
	/** Who owns a Yjs client id: a participant id, 'server', or undefined if unclaimed. */
	clientOwner(clientId: number): string | undefined;
	/** The participant who wrote a card, from the server's records. */
	cardOwner(cardId: string): string | null;
	/** The policy areas of the board's plan: the only ones a card may be tagged with. */
	policyAreaIds: ReadonlySet<number>;
}

type AnyStruct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
type Content = Y.Item['content'];
type Path = string[];

class Refused extends Error {
	constructor(
		readonly reason: Refusal,
		readonly detail: string
	) {
		super(detail);
	}
}

const KEY = /^[A-Za-z0-9_-]{1,40}$/;
/** Roots whose entries are maps: deleting an entry deletes everything inside it. */
const containerRoots: readonly string[] = [
	Root.cards,
	Root.clusters,
	Root.objectives,
	Root.comments
];
const MAX_CLAIMS_PER_UPDATE = 4;

export function checkUpdate(ctx: CheckContext, update: Uint8Array): CheckResult {
	if (update.byteLength > MAX_UPDATE_BYTES) {
		return { ok: false, reason: 'too-large', detail: `update of ${update.byteLength} bytes` };
	}
	let decoded: { structs: AnyStruct[]; ds: DeleteSet };
	try {
		decoded = Y.decodeUpdate(update) as { structs: AnyStruct[]; ds: DeleteSet };
	} catch {
		return { ok: false, reason: 'malformed', detail: 'the update does not decode' };
	}
	try {
		return new UpdateCheck(ctx, decoded.structs, decoded.ds).run();
	} catch (err) {
		if (err instanceof Refused) return { ok: false, reason: err.reason, detail: err.detail };
		return { ok: false, reason: 'malformed', detail: 'the update is inconsistent' };
	}
}

class UpdateCheck {
	private readonly byClient = new Map<number, Y.Item[]>();
	private readonly paths = new Map<Y.Item | Y.AbstractType<unknown>, Path>();
	private readonly claimed: number[] = [];
	private readonly newCards = new Map<string, Y.Item>();
	private readonly newObjectives = new Set<string>();
	private readonly newComments = new Set<string>();
	private readonly objectiveTextGrowth = new Map<string, number>();
	private readonly deletedContainers = new Set<string>();
	private readonly textGrowth = new Map<string, number>();

	constructor(
		private readonly ctx: CheckContext,
		private readonly structs: AnyStruct[],
		private readonly ds: DeleteSet
	) {}

	run(): CheckResult {
		const meaningful = this.structs.filter((s) => !(s instanceof Y.Skip));
		const empty = meaningful.length === 0 && this.ds.clients.size === 0;
		if (empty) return { ok: true, claimedClientIds: [], createdCards: [], empty };
		if (this.ctx.writer.role === 'observer')
			throw new Refused('observer', 'observers cannot write');
		for (const s of meaningful) this.checkClient(s.id.client);
		this.indexNewItems(meaningful);
		const fresh = meaningful.filter((s): s is Y.Item => s instanceof Y.Item && this.isNew(s));
		for (const item of fresh) this.collectNewCard(item);
		this.collectDeletedContainers();
		for (const item of fresh) this.checkInsert(item);
		this.checkDeletes();
		this.checkTextLengths();
		return {
			ok: true,
			claimedClientIds: this.claimed,
			createdCards: [...this.newCards.keys()],
			empty
		};
	}

	/** B9: inserts only under the writer's own client ids; an id of another session is refused. */
	private checkClient(client: number): void {
		const owner = this.ctx.clientOwner(client);
		if (owner === this.ctx.writer.participantId) return;
		if (owner !== undefined)
			throw new Refused('client-id-taken', `client id ${client} belongs to someone else`);
		if (!this.claimed.includes(client)) {
			if (this.claimed.length >= MAX_CLAIMS_PER_UPDATE)
				throw new Refused('malformed', 'too many client ids');
			this.claimed.push(client);
		}
	}

	private indexNewItems(structs: AnyStruct[]): void {
		const known = Y.getState;
		for (const s of structs) {
			if (!(s instanceof Y.Item)) continue;
			const state = known(this.ctx.doc.store, s.id.client);
			const list = this.byClient.get(s.id.client) ?? [];
			if (list.length === 0 && s.id.clock > state) {
				throw new Refused(
					'missing-dependencies',
					`client ${s.id.client} skips from ${state} to ${s.id.clock}`
				);
			}
			list.push(s);
			this.byClient.set(s.id.client, list);
		}
	}

	private isNew(item: Y.Item): boolean {
		return item.id.clock + item.length > Y.getState(this.ctx.doc.store, item.id.client);
	}

	/** The item (in this update, or already in the document) that holds an id. */
	private find(id: Y.ID): Y.Item | null {
		const list = this.byClient.get(id.client);
		const fromUpdate = list?.find(
			(s) => id.clock >= s.id.clock && id.clock < s.id.clock + s.length
		);
		if (fromUpdate && this.isNew(fromUpdate)) return fromUpdate;
		if (id.clock < Y.getState(this.ctx.doc.store, id.client)) {
			const struct = Y.getItem(this.ctx.doc.store, id) as Y.Item | Y.GC;
			return struct instanceof Y.Item ? struct : null;
		}
		if (fromUpdate) return fromUpdate;
		throw new Refused('missing-dependencies', `unknown item ${id.client}:${id.clock}`);
	}

	/** Where an item lives: root name, then map keys ('#' for a position in a text). */
	private pathOf(item: Y.Item, depth = 0): Path {
		const cached = this.paths.get(item);
		if (cached) return cached;
		if (depth > 12) throw new Refused('malformed', 'item nesting too deep or cyclic');
		let path: Path;
		if (!this.isNew(item) || item.parent instanceof Y.AbstractType) {
			path = this.pathOfType(item.parent as Y.AbstractType<unknown>).concat(item.parentSub ?? '#');
		} else if (typeof item.parent === 'string') {
			path = [item.parent, item.parentSub ?? '#'];
		} else if (item.parent) {
			const parent = this.find(item.parent as Y.ID);
			if (!parent) throw new Refused('malformed', 'parent was garbage-collected');
			path = this.pathOf(parent, depth + 1).concat(item.parentSub ?? '#');
		} else {
			const sibling = item.origin ?? item.rightOrigin;
			const neighbour = sibling ? this.find(sibling) : null;
			if (!neighbour) throw new Refused('malformed', 'item without parent or neighbour');
			path = this.pathOf(neighbour, depth + 1);
		}
		this.paths.set(item, path);
		return path;
	}

	private pathOfType(type: Y.AbstractType<unknown>): Path {
		const cached = this.paths.get(type);
		if (cached) return cached;
		const holder = type._item;
		const path = holder ? this.pathOf(holder) : [Y.findRootTypeKey(type)];
		this.paths.set(type, path);
		return path;
	}

	private collectNewCard(item: Y.Item): void {
		const path = this.pathOf(item);
		if (path.length !== 2) return;
		if (path[0] === Root.cards) this.newCards.set(path[1]!, item);
		if (path[0] === Root.objectives) this.newObjectives.add(path[1]!);
		if (path[0] === Root.comments) this.newComments.add(path[1]!);
	}

	private collectDeletedContainers(): void {
		this.forEachDeleted((item, path) => {
			if (path.length === 2 && containerRoots.includes(path[0]!) && this.isCurrent(item, path)) {
				this.deletedContainers.add(path.join('/'));
			}
		});
	}

	/** True for the item a map key currently holds (not an older overwritten value). */
	private isCurrent(item: Y.Item, path: Path): boolean {
		const root = this.ctx.doc.share.get(path[0]!);
		return root instanceof Y.Map && root._map.get(path[1]!) === item;
	}

	private forEachDeleted(f: (item: Y.Item, path: Path) => void): void {
		for (const [client, ranges] of this.ds.clients) {
			for (const range of ranges) {
				let clock = range.clock;
				while (clock < range.clock + range.len) {
					const struct = this.findDeletable(client, clock);
					if (!struct) break;
					if (struct instanceof Y.Item && !(struct.deleted && !this.isNew(struct)))
						f(struct, this.pathOf(struct));
					clock = struct.id.clock + struct.length;
				}
			}
		}
	}

	private findDeletable(client: number, clock: number): Y.Item | Y.GC | null {
		const inUpdate = this.byClient
			.get(client)
			?.find((s) => clock >= s.id.clock && clock < s.id.clock + s.length);
		if (inUpdate && this.isNew(inUpdate)) return inUpdate;
		if (clock < Y.getState(this.ctx.doc.store, client))
			return Y.getItem(this.ctx.doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
		return null;
	}

	private owns(item: Y.Item): boolean {
		const owner = this.ctx.clientOwner(item.id.client);
		return owner === this.ctx.writer.participantId || this.claimed.includes(item.id.client);
	}

	private cardOwner(cardId: string): string | null {
		return this.newCards.has(cardId) ? this.ctx.writer.participantId : this.ctx.cardOwner(cardId);
	}

	private isMergedCard(cardId: string): boolean {
		const fresh = this.newCards.get(cardId);
		if (fresh) return this.newValue(cardId, 'mergedFrom') !== undefined;
		const card = this.ctx.doc.getMap<Y.Map<unknown>>(Root.cards).get(cardId);
		return Array.isArray(card?.get('mergedFrom'));
	}

	/** The value a new card gets for a field in this update, if any. */
	private newValue(cardId: string, field: string): unknown {
		for (const list of this.byClient.values()) {
			for (const s of list) {
				if (!this.isNew(s) || !(s.content instanceof Y.ContentAny)) continue;
				const p = this.pathOf(s);
				if (p[0] === Root.cards && p[1] === cardId && p[2] === field && p.length === 3)
					return s.content.arr[0];
			}
		}
		return undefined;
	}

	/** B4-B6, B10: may the writer put this item where it lands, with this content? */
	private checkInsert(item: Y.Item): void {
		const path = this.pathOf(item);
		const [root, key, field, inner] = path;
		if (serverOnlyRoots.includes(root!))
			throw new Refused('server-only', `${root} is written by the server only`);
		if (!key || !KEY.test(key))
			throw new Refused('unknown-location', `no place for ${path.join('/')}`);
		const content = item.content;
		if (root === Root.cards) return this.checkCardInsert(item, path, key, field, inner, content);
		if (root === Root.objectives) return this.checkObjectiveInsert(item, path, content);
		if (root === Root.comments) return this.checkCommentInsert(path, content);
		if (root === Root.clusters) {
			if (!canCluster(this.ctx.writer, this.ctx.settings))
				throw new Refused('not-allowed', 'clustering is closed for you');
			if (field === undefined) return expectType(content, Y.Map, path);
			if (path.length !== 3) throw new Refused('unknown-location', path.join('/'));
			if (field === 'title')
				return expectValue(
					content,
					(v) => typeof v === 'string' && v.length <= CLUSTER_TITLE_MAX,
					path
				);
			if (field === 'createdAt') return expectValue(content, (v) => typeof v === 'number', path);
		}
		throw new Refused('unknown-location', `no place for ${path.join('/')}`);
	}

	private checkCardInsert(
		item: Y.Item,
		path: Path,
		cardId: string,
		field: string | undefined,
		inner: string | undefined,
		content: Content
	): void {
		const { writer, settings } = this.ctx;
		const creating = this.newCards.has(cardId);
		if (field === undefined) {
			expectType(content, Y.Map, path);
			const allowed = this.isMergedCard(cardId)
				? canCluster(writer, settings)
				: canCreateCardDirectly(writer, settings);
			if (!allowed) throw new Refused('not-allowed', 'you cannot add cards now');
			if (
				writer.role !== 'facilitator' &&
				this.newValue(cardId, 'authorId') !== writer.participantId
			) {
				throw new Refused('bad-value', 'a card must name its own author');
			}
			return;
		}
		if (field === 'text') {
			if (path.length === 3) {
				if (!creating && writer.role !== 'facilitator')
					throw new Refused('not-allowed', 'the text of a card cannot be replaced');
				return expectType(content, Y.Text, path);
			}
			if (path.length !== 4 || inner !== '#') throw new Refused('unknown-location', path.join('/'));
			if (!creating && !canEditCard(writer, settings, this.cardOwner(cardId))) {
				throw new Refused('not-allowed', 'you can only edit your own cards while collecting');
			}
			if (!(content instanceof Y.ContentString || content instanceof Y.ContentDeleted))
				throw new Refused('bad-value', 'card text is plain text');
			this.textGrowth.set(
				cardId,
				(this.textGrowth.get(cardId) ?? 0) + (content instanceof Y.ContentString ? item.length : 0)
			);
			return;
		}
		if (path.length !== 3) throw new Refused('unknown-location', path.join('/'));
		this.checkFieldValue(field, content, path);
		if (creating) return;
		this.checkFieldWrite(cardId, field);
	}

	private checkFieldWrite(cardId: string, field: string): void {
		const { writer, settings } = this.ctx;
		if (writer.role === 'facilitator') return;
		if (field === 'authorId')
			throw new Refused('not-allowed', 'the author of a card cannot change');
		if (field === 'clusterId' || field === 'mergedInto' || field === 'mergedFrom') {
			if (!canCluster(writer, settings))
				throw new Refused('not-allowed', 'clustering is closed for you');
			return;
		}
		if (!canEditCard(writer, settings, this.cardOwner(cardId))) {
			throw new Refused('not-allowed', 'you can only edit your own cards while collecting');
		}
	}

	private checkFieldValue(field: string, content: Content, path: Path): void {
		const isId = (v: unknown) => v === null || (typeof v === 'string' && KEY.test(v));
		const rules: Record<string, (v: unknown) => boolean> = {
			kind: (v) => typeof v === 'string' && (cardKinds as string[]).includes(v),
			authorId: (v) =>
				v === this.ctx.writer.participantId ||
				(this.ctx.writer.role === 'facilitator' && typeof v === 'string'),
			clusterId: isId,
			mergedInto: isId,
			mergedFrom: (v) =>
				Array.isArray(v) && v.length <= 50 && v.every((x) => typeof x === 'string' && KEY.test(x)),
			target: (v) => typeof v === 'string' && v.length <= TARGET_MAX,
			policyAreaId: (v) => v === null || (typeof v === 'number' && this.ctx.policyAreaIds.has(v)),
			createdAt: (v) => typeof v === 'number' && Number.isFinite(v)
		};
		const rule = rules[field];
		if (!rule) throw new Refused('unknown-location', `cards have no field ${field}`);
		if (content instanceof Y.ContentDeleted) return;
		expectValue(content, rule, path);
	}

	/**
	 * B9: deleting or overwriting only one's own items, except where the phase shares editing
	 * and in one's own card while it may be edited (B5).
	 */
	private checkDeletes(): void {
		const { writer, settings } = this.ctx;
		this.forEachDeleted((item, path) => {
			const [root, key, field] = path;
			if (serverOnlyRoots.includes(root!))
				throw new Refused('server-only', `${root} is written by the server only`);
			if (
				containerRoots.includes(root!) &&
				path.length > 2 &&
				this.deletedContainers.has(`${root}/${key}`)
			)
				return;
			if (writer.role === 'facilitator') return;
			if (root === Root.objectives) return this.checkObjectiveDelete(path);
			if (root === Root.comments) return this.checkCommentDelete(path);
			if (root === Root.clusters) {
				if (!canCluster(writer, settings))
					throw new Refused('not-allowed', 'clustering is closed for you');
				return;
			}
			if (root !== Root.cards || !key)
				throw new Refused('unknown-location', `no place for ${path.join('/')}`);
			const shared =
				field === undefined
					? this.isMergedCard(key)
					: ['clusterId', 'mergedInto', 'mergedFrom'].includes(field);
			if (shared && canCluster(writer, settings)) return;
			// The author's own card may hold items the server wrote (a revealed or HTTP card).
			const ownCard = field !== 'authorId' && canEditCard(writer, settings, this.cardOwner(key));
			if (!this.owns(item) && !ownCard)
				throw new Refused('not-own-item', `${path.join('/')} was written by someone else`);
			if (field === 'authorId')
				throw new Refused('not-allowed', 'the author of a card cannot change');
			if (!canEditCard(writer, settings, this.cardOwner(key))) {
				throw new Refused('not-allowed', 'you can only edit your own cards while collecting');
			}
			if (field === 'text' && path.length === 4) {
				this.textGrowth.set(key, (this.textGrowth.get(key) ?? 0) - item.length);
			}
		});
	}

	/** O1: objective cards — facilitators create them; participants write only what is open to them. */
	private checkObjectiveInsert(item: Y.Item, path: Path, content: Content): void {
		const kind = expectedContent(path);
		if (!kind) throw new Refused('unknown-location', `no place for ${path.join('/')}`);
		if (!contentMatches(kind, content))
			throw new Refused('bad-value', `${path.join('/')} has the wrong kind of content`);
		const { writer } = this.ctx;
		const creating = this.newObjectives.has(path[1]!);
		if (path.length === 2 && writer.role !== 'facilitator') {
			throw new Refused('not-allowed', 'only facilitators create objective cards');
		}
		if (kind === 'value' && !(content instanceof Y.ContentDeleted)) {
			const value = (content as Y.ContentAny).arr[0];
			const valid =
				path[2] === 'fields' ? validFieldValue(path[3]!, value) : validPartValue(path[2]!, value);
			if (!valid)
				throw new Refused('bad-value', `${path.join('/')} has a value that is not allowed`);
		}
		if (kind === 'chars') {
			const key = path.slice(0, -1).join('/');
			this.objectiveTextGrowth.set(key, (this.objectiveTextGrowth.get(key) ?? 0) + item.length);
		}
		if (creating || path.length === 2) return;
		if (
			(kind === 'map' || kind === 'text' || path[2] === 'sources' || path[2] === 'createdAt') &&
			writer.role !== 'facilitator'
		) {
			throw new Refused('not-allowed', 'the structure of an objective card is the facilitator’s');
		}
		if (!mayEditObjectivePart(this.objectiveRules(), partOf(path) ?? '')) {
			throw new Refused('not-allowed', 'this field is not open to participants now');
		}
	}

	private checkObjectiveDelete(path: Path): void {
		const kind = expectedContent(path);
		const shared =
			(kind === 'chars' || kind === 'value') &&
			mayEditObjectivePart(this.objectiveRules(), partOf(path) ?? '');
		if (!shared) throw new Refused('not-allowed', 'this field is not open to participants now');
	}

	private objectiveRules() {
		const s = this.ctx.settings;
		return {
			writer: this.ctx.writer,
			phase: s.phase,
			locked: s.locked,
			openFields: new Set(s.openFields ?? [])
		};
	}

	/** O4: comments on a field — the author edits them; the author or a facilitator resolves or deletes them. */
	private checkCommentInsert(path: Path, content: Content): void {
		const [, id, prop] = path;
		if (path.length === 2) return expectType(content, Y.Map, path);
		if (path.length !== 3 || !prop) throw new Refused('unknown-location', path.join('/'));
		if (!(content instanceof Y.ContentDeleted)) {
			const value =
				content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined;
			if (!validCommentValue(prop, value, this.ctx.writer))
				throw new Refused('bad-value', `${path.join('/')} has a value that is not allowed`);
		}
		if (this.newComments.has(id!)) return;
		if (!mayChangeComment(this.ctx.writer, this.commentAuthor(id!), prop))
			throw new Refused('not-allowed', 'only its author changes a comment');
	}

	private checkCommentDelete(path: Path): void {
		const id = path[1]!;
		if (
			!mayChangeComment(
				this.ctx.writer,
				this.commentAuthor(id),
				path.length === 2 ? undefined : path[2]
			)
		) {
			throw new Refused('not-own-item', 'only its author or a facilitator removes a comment');
		}
	}

	private commentAuthor(id: string): string | null {
		if (this.newComments.has(id)) return this.ctx.writer.participantId;
		const author = this.ctx.doc.getMap<Y.Map<unknown>>(Root.comments).get(id)?.get('authorId');
		return typeof author === 'string' ? author : null;
	}

	private checkTextLengths(): void {
		for (const [key, growth] of this.objectiveTextGrowth) {
			const [root, id, ...rest] = key.split('/');
			let node: unknown = this.ctx.doc.share.get(root!);
			for (const k of [id!, ...rest]) node = node instanceof Y.Map ? node.get(k) : undefined;
			const current = node instanceof Y.Text ? node.length : 0;
			if (current + growth > OBJECTIVE_TEXT_MAX)
				throw new Refused('bad-value', `text over ${OBJECTIVE_TEXT_MAX} characters`);
		}
		for (const [cardId, growth] of this.textGrowth) {
			const text = this.ctx.doc.getMap<Y.Map<unknown>>(Root.cards).get(cardId)?.get('text');
			const current = text instanceof Y.Text ? text.length : 0;
			if (current + growth > CARD_TEXT_MAX)
				throw new Refused('bad-value', `card text over ${CARD_TEXT_MAX} characters`);
		}
	}
}

function expectType(content: Content, type: typeof Y.Map | typeof Y.Text, path: Path): void {
	if (content instanceof Y.ContentDeleted) return;
	if (!(content instanceof Y.ContentType) || !(content.type instanceof type)) {
		throw new Refused('bad-value', `${path.join('/')} has the wrong kind of content`);
	}
}

function expectValue(content: Content, valid: (v: unknown) => boolean, path: Path): void {
	if (content instanceof Y.ContentDeleted) return;
	if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !valid(content.arr[0])) {
		throw new Refused('bad-value', `${path.join('/')} has a value that is not allowed`);
	}
}
