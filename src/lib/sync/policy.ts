import * as Y from 'yjs';
import type { Content, Effects, Insert, Path, Removal } from './effects';

/**
 * The rules of a document, one small pure policy per root (docs/BOARD.md,
 * "Effects"). Each root's policy sees only that root's effects and the
 * writer's context, and answers with a refusal or null. A root without a
 * policy refuses everything: a new root needs a policy before anyone writes it.
 */
export type Refusal =
	| 'too-large'
	| 'malformed'
	| 'observer'
	| 'client-id-taken'
	| 'server-only'
	| 'unknown-location'
	| 'bad-value'
	| 'not-allowed'
	| 'not-own-item'
	| 'too-many';

export interface Refused {
	reason: Refusal;
	detail: string;
}

export interface RootEffects {
	inserts: Insert[];
	removals: Removal[];
}

export type RootPolicy<Ctx> = (effects: RootEffects, ctx: Ctx) => Refused | null;
export type PolicyRegistry<Ctx> = Readonly<Record<string, RootPolicy<Ctx>>>;

export const refuse = (reason: Refusal, detail: string): Refused => ({ reason, detail });

/** The policy of a root only the server writes. */
export const serverOnly: RootPolicy<unknown> = (_, __) =>
	refuse('server-only', 'written by the server only');

/** An update's effects by the root they touch. */
export function effectsByRoot(effects: Effects): Map<string, RootEffects> {
	const byRoot = new Map<string, RootEffects>();
	const of = (root: string) => {
		let entry = byRoot.get(root);
		if (!entry) byRoot.set(root, (entry = { inserts: [], removals: [] }));
		return entry;
	};
	for (const insert of effects.inserts) of(insert.path[0]!).inserts.push(insert);
	for (const removal of effects.removals) of(removal.path[0]!).removals.push(removal);
	return byRoot;
}

/**
 * A key of a root map put more than once by one update: no client of ours does
 * it (an entry's id is new and set once), and every put but the last would stay
 * in the document unseen by the policies, which read an entry's last put, and
 * by the bounds that count entries.
 */
function keyPutTwice({ inserts }: RootEffects): string | null {
	const put = new Set<string>();
	for (const { path } of inserts) {
		if (path.length !== 2) continue;
		if (put.has(path[1]!)) return path[1]!;
		put.add(path[1]!);
	}
	return null;
}

export function judge<Ctx>(
	registry: PolicyRegistry<Ctx>,
	effects: Effects,
	ctx: Ctx
): Refused | null {
	for (const [root, rootEffects] of effectsByRoot(effects)) {
		const policy = Object.hasOwn(registry, root) ? registry[root] : undefined;
		if (!policy) return refuse('unknown-location', `nothing may be written in ${root}`);
		const twice = keyPutTwice(rootEffects);
		if (twice !== null)
			return refuse('not-allowed', `${root}: ${twice} is put twice in one update`);
		const refused = policy(rootEffects, ctx);
		if (refused) return { reason: refused.reason, detail: `${root}: ${refused.detail}` };
	}
	return null;
}

/** Keys of map entries: ids made by our clients, nothing else. */
export const ENTRY_KEY = /^[A-Za-z0-9_-]{1,40}$/;

/** What an update does to one entry `<root>/<key>` of a root map. */
export interface Entry {
	key: string;
	/** The update puts a value at the key: new (`reused` false) or replacing one. */
	put: Insert | null;
	/** The entry's current value goes (deleted or overwritten). */
	removed: Removal | null;
	/** Effects inside the entry (paths longer than two). */
	inserts: Insert[];
	removals: Removal[];
}

export function entriesOf(effects: RootEffects): Map<string, Entry> {
	const entries = new Map<string, Entry>();
	const of = (key: string) => {
		let entry = entries.get(key);
		if (!entry)
			entries.set(key, (entry = { key, put: null, removed: null, inserts: [], removals: [] }));
		return entry;
	};
	for (const insert of effects.inserts) {
		const entry = of(insert.path[1]!);
		if (insert.path.length === 2) entry.put = insert;
		else entry.inserts.push(insert);
	}
	for (const removal of effects.removals) {
		const entry = of(removal.path[1]!);
		if (removal.path.length === 2) entry.removed = removal;
		else entry.removals.push(removal);
	}
	return entries;
}

/** True for content that holds a type of this kind (a deleted item counts as any). */
export function isType(content: Content, type: typeof Y.Map | typeof Y.Text): boolean {
	if (content instanceof Y.ContentDeleted) return true;
	return content instanceof Y.ContentType && content.type instanceof type;
}

/** True for one plain value that passes `valid` (a deleted item counts as valid). */
export function isValue(content: Content, valid: (v: unknown) => boolean): boolean {
	if (content instanceof Y.ContentDeleted) return true;
	return isPlainValue(content, valid);
}

/**
 * True for one plain value that passes `valid`, and for nothing else: a deleted
 * item (ContentDeleted) is no value, so it never satisfies a field that must
 * hold one — written last under a key, it would leave the key empty.
 */
export function isPlainValue(content: Content, valid: (v: unknown) => boolean): boolean {
	return content instanceof Y.ContentAny && content.arr.length === 1 && valid(content.arr[0]);
}

/** The value an insert writes, if it is one plain value. */
export function valueOf(insert: Insert): unknown {
	const c = insert.content;
	return c instanceof Y.ContentAny && c.arr.length === 1 ? c.arr[0] : undefined;
}

export function samePath(a: Path, b: Path): boolean {
	return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * The length a text at `textPath` would have after the update: what the
 * document holds, plus the characters inserted, less those removed.
 */
export function textLengthAfter(doc: Y.Doc, textPath: Path, effects: RootEffects): number {
	let node: unknown = doc.share.get(textPath[0]!);
	for (const key of textPath.slice(1)) node = node instanceof Y.Map ? node.get(key) : undefined;
	let length = node instanceof Y.Text ? node.length : 0;
	const inText = (p: Path) =>
		p.length === textPath.length + 1 && samePath(p.slice(0, -1), textPath);
	for (const i of effects.inserts)
		if (inText(i.path) && i.content instanceof Y.ContentString) length += i.length;
	for (const r of effects.removals)
		if (inText(r.path) && r.item.content instanceof Y.ContentString) length -= r.length;
	return length;
}
