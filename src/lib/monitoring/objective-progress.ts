/** What the tavoli and the board read of a plan objective's monitoring (SPEC M30). */

import { formatNumber } from '$lib/i18n/messages';

/**
 * An indicator as the tavoli, the board and the public page read it (M13, M30): no note
 * nor source (free text that may name someone).
 */
export interface ReadableIndicator {
	name: string;
	level: string;
	baseline: string | null;
	target: string | null;
	unit: string | null;
	latest: { period: string; value: number | null } | null;
	progress: number | null;
}

/** The same with its id (M2), for the tavoli and the board. */
export interface IndicatorProgress extends ReadableIndicator {
	id: string;
}

/** A plan objective with its status and the progress of each of its indicators. */
export interface ObjectiveProgress {
	id: number;
	number: number;
	title: string;
	status: 'draft' | 'review' | 'consolidated' | 'approved';
	archived: boolean;
	indicators: IndicatorProgress[];
}

/**
 * A measurement's value as read beside its indicator: the number in the reader's format followed by
 * the indicator's unit, or `blank` when the measurement carries no number.
 */
export function measuredValue(
	measurement: { value: number | null },
	unit: string | null,
	blank: string
): string {
	return measurement.value === null ? blank : `${formatNumber(measurement.value)}${unit ?? ''}`;
}
