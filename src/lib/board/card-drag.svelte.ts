/**
 * Dragging cards between the columns of the facilitator's board with pointer
 * events (issue 13), so one path serves a mouse, a pen and a finger: HTML5 drag
 * and drop never fires on a touch screen. A press becomes a drag once it moves
 * past a few pixels; the pointer is captured, the column under it is found by
 * hit-testing `[data-drop-column]`, and releasing it there calls `ondrop`.
 * The click a mouse sends after a drag is not a press of the card.
 */

/** Past this many pixels a press is a drag, not a click or a shaky tap. */
const DRAG_THRESHOLD_PX = 6;
/** Near this many pixels from the columns' edge a drag scrolls them sideways, this much a move. */
const EDGE_PX = 48;
const EDGE_SCROLL_PX = 24;
/** The value of `data-drop-column` for the cards in no cluster. */
export const NO_CLUSTER_DROP = '-';

interface Press {
	pointerId: number;
	cardId: string;
	x: number;
	y: number;
	element: Element;
}

export class CardDrag {
	#press: Press | null = null;
	#cardId = $state<string | null>(null);
	#over = $state<string | null | undefined>(undefined);
	#x = $state(0);
	#y = $state(0);
	#swallowClick = false;

	constructor(
		private readonly enabled: () => boolean,
		private readonly ondrop: (cardId: string, clusterId: string | null) => void
	) {}

	/** The card being dragged, while a drag is on. */
	get cardId(): string | null {
		return this.#cardId;
	}
	/** The cluster id of the column under the pointer (null: no cluster), undefined over none. */
	get over(): string | null | undefined {
		return this.#over;
	}
	get x(): number {
		return this.#x;
	}
	get y(): number {
		return this.#y;
	}

	down = (event: PointerEvent) => {
		if (!this.enabled() || event.button !== 0 || !event.isPrimary) return;
		const element = (event.target as Element).closest('[data-drag-card]');
		const cardId = element?.getAttribute('data-drag-card');
		if (!element || !cardId) return;
		this.#press = {
			pointerId: event.pointerId,
			cardId,
			x: event.clientX,
			y: event.clientY,
			element
		};
	};

	move = (event: PointerEvent) => {
		const press = this.#press;
		if (!press || press.pointerId !== event.pointerId) return;
		if (this.#cardId === null) {
			const distance = Math.hypot(event.clientX - press.x, event.clientY - press.y);
			if (distance < DRAG_THRESHOLD_PX) return;
			this.#cardId = press.cardId;
			// Further moves come here even when the pointer leaves the card.
			if (press.element.isConnected) press.element.setPointerCapture(event.pointerId);
		}
		event.preventDefault();
		this.#x = event.clientX;
		this.#y = event.clientY;
		if (event.currentTarget instanceof Element) scrollNearEdge(event.currentTarget, event.clientX);
		this.#over = columnAt(event.clientX, event.clientY);
	};

	up = (event: PointerEvent) => {
		const press = this.#press;
		if (!press || press.pointerId !== event.pointerId) return;
		const cardId = this.#cardId;
		const target = cardId ? columnAt(event.clientX, event.clientY) : undefined;
		this.cancel();
		if (!cardId) return;
		this.#swallowClick = true;
		// A drag released on no column, or a touch that sends no click: forget the flag soon.
		setTimeout(() => (this.#swallowClick = false), 0);
		if (target !== undefined) this.ondrop(cardId, target);
	};

	cancel = () => {
		this.#press = null;
		this.#cardId = null;
		this.#over = undefined;
	};

	/** In the capture phase: the click that ends a drag does not select the card. */
	click = (event: MouseEvent) => {
		if (!this.#swallowClick) return;
		this.#swallowClick = false;
		event.preventDefault();
		event.stopPropagation();
	};
}

/** Columns off screen come into reach: a drag near an edge of the columns scrolls them. */
function scrollNearEdge(columns: Element, x: number) {
	const box = columns.getBoundingClientRect();
	if (x > box.right - EDGE_PX) columns.scrollBy({ left: EDGE_SCROLL_PX });
	else if (x < box.left + EDGE_PX) columns.scrollBy({ left: -EDGE_SCROLL_PX });
}

function columnAt(x: number, y: number): string | null | undefined {
	const value = document
		.elementFromPoint(x, y)
		?.closest('[data-drop-column]')
		?.getAttribute('data-drop-column');
	if (value === undefined || value === null) return undefined;
	return value === NO_CLUSTER_DROP ? null : value;
}
