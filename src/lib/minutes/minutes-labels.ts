/**
 * The Italian words of the verbale. The document is a record of the Ambito and
 * is always written in Italian, whatever language the reader's interface uses.
 */
export const phaseLabels: Record<string, string> = {
	collect: 'Raccolta',
	cluster: 'Raggruppamento',
	vote: 'Votazione',
	draft: 'Stesura obiettivi',
	wrap_up: 'Sintesi'
};

export const kindLabels: Record<string, string> = {
	need: 'Bisogno',
	problem: 'Criticità',
	resource: 'Risorsa',
	proposal: 'Proposta',
	question: 'Domanda'
};

export const modeLabels: Record<string, string> = {
	in_person: 'In presenza',
	online: 'Online',
	hybrid: 'Mista (presenza e online)'
};

export const sourceLabels: Record<string, string> = {
	code: "Codice dell'incontro",
	account: 'Account',
	paper: 'Foglio cartaceo'
};

export const methodLabels: Record<string, string> = {
	dot: 'Voto a punti',
	score: 'Punteggio su due criteri',
	rank: 'Classifica (metodo Borda)'
};

/** A plan objective's status (plan-objectives), as the monitoring section prints it. */
export const objectiveStatusLabels: Record<string, string> = {
	draft: 'Bozza',
	review: 'In revisione',
	consolidated: 'Consolidato',
	approved: 'Approvato'
};

export const statusLabels: Record<string, string> = {
	draft: 'bozza',
	shared: 'condivisa con i partecipanti',
	frozen: 'definitiva'
};

/** "martedì 1 dicembre 2026" for "2026-12-01" (a wall-clock date: no time zone involved). */
export function italianDate(isoDay: string): string {
	return new Intl.DateTimeFormat('it-IT', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${isoDay}T00:00:00Z`));
}

/** "17:42" on the Ambito's wall clock. */
export function italianTime(epochMs: number): string {
	return new Intl.DateTimeFormat('it-IT', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Rome'
	}).format(new Date(epochMs));
}

/** "3 dic 2026, 17:42" on the Ambito's wall clock. */
export function italianDateTime(epochMs: number): string {
	return new Intl.DateTimeFormat('it-IT', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Rome'
	}).format(new Date(epochMs));
}

/** "12,5" — Italian decimals, at most two. */
export function italianNumber(value: number): string {
	return new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 }).format(value);
}

/**
 * "1° posto", "2° posto (pari merito)": the one wording of a rank (voting V11) in
 * the verbale, for the ranking tables and the priorities alike.
 */
export function italianRank(rank: number, tied: boolean): string {
	return tied ? `${rank}° posto (pari merito)` : `${rank}° posto`;
}

/** "1 punto", "4,5 punti". */
export function italianPoints(score: number): string {
	return `${italianNumber(score)} ${score === 1 ? 'punto' : 'punti'}`;
}
