import { createContext } from 'svelte';
import type * as Y from 'yjs';
import type { BoardClient } from '$lib/board/board-client.svelte';
import { newBoardId } from '$lib/board/board-doc';
import { authorLabel } from '$lib/board/board-view';
import { objectiveApi, type Priority } from './objective-api';
import * as objectiveDoc from './objective-doc';
import type { CommentView, ObjectiveView } from './objective-doc';
import { mayComment, mayEditObjectivePart, OBJECTIVE_TEXT_MAX } from './objective-rules';
import { fieldCursor, writersIn } from './objective-presence';
import type { FieldValue } from './objective-template';
import { bindText, type TextField } from './text-binding';
import { ruleContext } from './objective-view';

type Part = 'macroAreas' | 'keyPoints' | 'leps' | 'indicators';

/** A textarea bound to one text of a card, and the Y.Text it is bound to now. */
interface BoundField {
	objectiveId: string;
	key: string;
	field: TextField;
	text: Y.Text | null;
	unbind: (() => void) | null;
}

/**
 * The objective cards of a board in the browser (issue 6): cards and comments as
 * plain data read through objective-doc.ts, and writes that first ask the same
 * rule the server applies (mayEditObjectivePart), so a field that is not open is
 * never written. Textareas are bound to their shared texts (text-binding.ts),
 * bound again when a fresh document replaces a refused one.
 */
export class ObjectiveClient {
	readonly api: ReturnType<typeof objectiveApi>;
	#objectives = $state.raw<ObjectiveView[]>([]);
	#comments = $state.raw<CommentView[]>([]);
	#doc: Y.Doc | null = null;
	/** Not reactive on purpose: the binding updates the textarea itself. */
	#fields: BoundField[] = [];
	/** The field my focus is in, as a presence cursor (O8). */
	#focused: string | null = null;

	constructor(private readonly board: BoardClient) {
		this.api = objectiveApi(board.boardId);
	}

	/** Starts following the board's document; returns the function that stops. */
	start(): () => void {
		const stop = this.board.onDocument((doc) => this.#read(doc));
		return () => {
			stop();
			for (const bound of this.#fields) this.#attach(bound, null);
		};
	}

	#read(doc: Y.Doc): void {
		this.#doc = doc;
		for (const bound of this.#fields)
			this.#attach(bound, objectiveDoc.objectiveText(doc, bound.objectiveId, bound.key));
		this.#objectives = objectiveDoc.readObjectives(doc);
		this.#comments = objectiveDoc.readComments(doc);
	}

	get objectives(): ObjectiveView[] {
		return this.#objectives;
	}
	get comments(): CommentView[] {
		return this.#comments;
	}
	get me() {
		return this.board.me;
	}

	/** Is this field or part open to participants (what the facilitator chose)? */
	isOpen(part: string): boolean {
		return this.board.view.meta.openFields.includes(part);
	}

	/** O1: may I write this field or part of a card now? */
	mayEdit(part: string): boolean {
		return (
			this.board.synced &&
			mayEditObjectivePart(ruleContext(this.board.me, this.board.view.meta), part)
		);
	}

	/** Who wrote a comment, as the board names people; null in anonymous mode (B7). */
	authorOf(comment: CommentView): string | null {
		return authorLabel(this.board.view, comment.authorId);
	}

	/** O4: participants comment while drafting, unlocked; the author or a facilitator resolves. */
	get mayComment(): boolean {
		return this.board.synced && mayComment(this.board.me, this.board.view.meta);
	}
	mayResolve(comment: CommentView): boolean {
		return (
			this.mayComment &&
			(this.board.isFacilitator || comment.authorId === this.board.me.participantId)
		);
	}

	/**
	 * Binds a textarea to the title (`key` "title") or a text field of a card:
	 * every keystroke is written at the caret if O1 allows it, others' edits
	 * appear as they come. Returns the function that unbinds it.
	 */
	bindText(objectiveId: string, key: string, field: TextField): () => void {
		const bound: BoundField = { objectiveId, key, field, text: null, unbind: null };
		this.#fields = [...this.#fields, bound];
		if (this.#doc) this.#attach(bound, objectiveDoc.objectiveText(this.#doc, objectiveId, key));
		return () => {
			this.#attach(bound, null);
			this.#fields = this.#fields.filter((b) => b !== bound);
		};
	}

	#attach(bound: BoundField, text: Y.Text | null): void {
		if (text === bound.text) return;
		bound.unbind?.();
		bound.text = text;
		bound.unbind = text
			? bindText(text, bound.field, {
					mayWrite: () => this.mayEdit(bound.key),
					maxLength: OBJECTIVE_TEXT_MAX
				})
			: null;
	}

	/**
	 * O8: my focus entered a field I may write; the others see me writing there.
	 * One presence update per focus change, none per keystroke.
	 */
	focusField(objectiveId: string, key: string): void {
		if (!this.mayEdit(key)) return;
		this.#focused = fieldCursor(objectiveId, key);
		this.board.setPresence({ cursor: this.#focused });
	}

	/** O8: my focus left a field. Cleared a moment later, so moving to the next field is one update. */
	blurField(objectiveId: string, key: string): void {
		if (this.#focused !== fieldCursor(objectiveId, key)) return;
		this.#focused = null;
		setTimeout(() => {
			if (this.#focused === null) this.board.setPresence({ cursor: null });
		});
	}

	/** O8: a card's editor closed; my focus is in none of its fields any more. */
	leave(objectiveId: string): void {
		if (!this.#focused?.startsWith(`${objectiveId}/`)) return;
		this.#focused = null;
		this.board.setPresence({ cursor: null });
	}

	/** O8: the others writing in a field now, by name; never me. */
	writersOf(objectiveId: string, key: string): string[] {
		return writersIn(this.board.presence, this.board.me.participantId, objectiveId, key);
	}

	setValue(objectiveId: string, key: string, value: FieldValue): boolean {
		return (
			this.mayEdit(key) &&
			this.board.write((doc) => objectiveDoc.setObjectiveValue(doc, objectiveId, key, value))
		);
	}

	setPart(objectiveId: string, part: Part, value: unknown): boolean {
		return (
			this.mayEdit(part) &&
			this.board.write((doc) => objectiveDoc.setObjectivePart(doc, objectiveId, part, value))
		);
	}

	delete(objectiveId: string): boolean {
		return (
			this.board.isFacilitator &&
			this.board.write((doc) => objectiveDoc.deleteObjective(doc, objectiveId))
		);
	}

	addComment(objectiveId: string, field: string, text: string, parentId: string | null): boolean {
		const comment = {
			id: newBoardId(),
			objectiveId,
			field,
			parentId,
			text,
			authorId: this.board.me.participantId,
			createdAt: Date.now() + this.board.offset
		};
		return this.mayComment && this.board.write((doc) => objectiveDoc.addComment(doc, comment));
	}

	resolveComment(comment: CommentView, resolved: boolean): boolean {
		return (
			this.mayResolve(comment) &&
			this.board.write((doc) => objectiveDoc.resolveComment(doc, comment.id, resolved))
		);
	}

	/** "Crea scheda obiettivo" from a priority (facilitators); the card's id, or null. */
	async createFrom(priority: Pick<Priority, 'targetType' | 'targetId'>): Promise<string | null> {
		const result = await this.api.create({ type: priority.targetType, id: priority.targetId });
		return result.ok ? result.value.objectiveId : null;
	}
}

export const [getObjectiveClient, setObjectiveClient] = createContext<ObjectiveClient>();
