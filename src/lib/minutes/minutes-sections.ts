import { participationOf } from '$lib/outcomes/meeting-read';
import type {
	Block,
	CardRecord,
	MinutesSource,
	PhaseRecord,
	ReviewedObjectiveRecord,
	RoundRecord
} from './minutes';
import {
	italianDate,
	italianNumber,
	italianPoints,
	italianRank,
	italianTime,
	kindLabels,
	methodLabels,
	modeLabels,
	objectiveStatusLabels,
	phaseLabels,
	sourceLabels
} from './minutes-labels';

/**
 * The body of each section of the verbale (SPEC M-V1), one pure function per
 * section. List items and headings are single lines and paragraphs have no blank
 * lines, so the facilitator's text box reads them back unchanged (M-V4).
 */
const p = (text: string): Block => ({ type: 'paragraph', text });
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const noBoard = p("L'incontro non ha usato la lavagna.");

export function infoSection({ meeting: m }: MinutesSource): Block[] {
	const items = [
		`Data: ${italianDate(m.date)}`,
		`Orario: dalle ${m.startTime} alle ${m.endTime}`,
		`Modalità: ${modeLabels[m.mode] ?? m.mode}`,
		m.place ? `Luogo: ${m.place}` : '',
		m.onlineUrl ? `Collegamento: ${m.onlineUrl}` : '',
		`Tavolo: ${m.tavolo}`,
		m.subgroup ? `Sottogruppo: ${m.subgroup}` : '',
		`Piano: ${m.plan}`
	];
	return [{ type: 'list', ordered: false, items: items.filter(Boolean).map(oneLine) }];
}

/** M-V2: the foglio firme as a table — name, organisation, time of signature. */
export function attendanceSection({ attendance }: MinutesSource): Block[] {
	if (attendance.length === 0) return [p('Nessuna firma sul foglio firme.')];
	const { presences, organizations } = participationOf(attendance);
	const signed =
		presences === 1
			? 'Ha firmato il foglio firme 1 persona'
			: `Hanno firmato il foglio firme ${presences} persone`;
	return [
		p(`${signed} di ${organizations} ${organizations === 1 ? 'ente' : 'enti'}.`),
		{
			type: 'table',
			columns: ['N.', 'Nome e cognome', 'Ente / organizzazione', 'Ora', 'Firma'],
			rows: attendance.map((a, i) => [
				String(i + 1),
				a.name || '(dati cancellati)',
				a.organization || '—',
				italianTime(a.joinedAt),
				sourceLabels[a.source] ?? a.source
			])
		}
	];
}

export function agendaSection({ agenda }: MinutesSource): Block[] {
	if (agenda.length === 0) return [p('Nessun ordine del giorno indicato.')];
	return [{ type: 'list', ordered: true, items: agenda.map(oneLine) }];
}

/**
 * The plan's objectives reviewed at the incontro (monitoring M33): one row per
 * indicator with its latest value, its period and the progress towards its target,
 * never averaged across indicators (M30).
 */
export function monitoringSection({ reviewed }: MinutesSource): Block[] {
	const rows = reviewed.flatMap((o) => {
		const status = objectiveStatusLabels[o.status] ?? o.status;
		const objective = [
			String(o.number),
			oneLine(o.title),
			o.archived ? `${status} (archiviato)` : status
		];
		if (o.indicators.length === 0) return [[...objective, 'Nessun indicatore', '—', '—']];
		return o.indicators.map((i) => [...objective, oneLine(i.name), latestText(i), progressText(i)]);
	});
	const count = reviewed.length;
	return [
		p(
			count === 1
				? "All'ordine del giorno un obiettivo del piano, con l'ultimo valore misurato di ciascun indicatore."
				: `All'ordine del giorno ${count} obiettivi del piano, con l'ultimo valore misurato di ciascun indicatore.`
		),
		{
			type: 'table',
			columns: ['N.', 'Obiettivo', 'Stato', 'Indicatore', 'Ultimo valore', 'Avanzamento'],
			rows
		}
	];
}

type ReviewedIndicator = ReviewedObjectiveRecord['indicators'][number];

function latestText({ latest, unit }: ReviewedIndicator): string {
	if (!latest) return 'non ancora misurato';
	const value = latest.value === null ? 'n/d' : `${italianNumber(latest.value)}${unit ?? ''}`;
	return `${value} (${latest.period})`;
}

function progressText({ progress, target }: ReviewedIndicator): string {
	if (progress === null) return '—';
	const percent = `${italianNumber(progress)}%`;
	return target ? `${percent} del valore atteso (${oneLine(target)})` : percent;
}

function cardLine(c: CardRecord): string {
	const text = `${kindLabels[c.kind] ?? c.kind}: ${c.text}`;
	return oneLine(c.author ? `${text} — ${c.author}` : text);
}

function phaseHeading(record: PhaseRecord): Block {
	const name = phaseLabels[record.phase] ?? record.phase;
	return {
		type: 'heading',
		text:
			record.endedAt === null
				? `${name} — situazione alla stesura del verbale`
				: `${name} — fase conclusa alle ${italianTime(record.endedAt)}`
	};
}

const cardsOf = (r: PhaseRecord) => [...r.clusters.flatMap((c) => c.cards), ...r.loose];
const schede = (n: number) => `${n} ${n === 1 ? 'scheda' : 'schede'}`;

/** The first phase: every card, by cluster. */
function fullListing(record: PhaseRecord): Block[] {
	const blocks: Block[] = [];
	for (const cluster of record.clusters) {
		blocks.push(p(oneLine(`«${cluster.title}» (${schede(cluster.cards.length)})`)));
		if (cluster.cards.length)
			blocks.push({ type: 'list', ordered: false, items: cluster.cards.map(cardLine) });
	}
	if (record.loose.length) {
		if (record.clusters.length) blocks.push(p('Schede non raggruppate'));
		blocks.push({ type: 'list', ordered: false, items: record.loose.map(cardLine) });
	}
	return blocks;
}

/**
 * A later phase: only what changed since the phase before — each cluster whose
 * cards changed with its new and moved cards, then the cards that left the board
 * (removed, or merged into another) — so no phase repeats the whole board.
 */
function changedListing(record: PhaseRecord, previous: PhaseRecord): Block[] {
	const before = new Map<string, string | null>();
	for (const c of previous.clusters) for (const card of c.cards) before.set(card.id, c.title);
	for (const card of previous.loose) before.set(card.id, null);
	const line = (card: CardRecord, place: string | null) =>
		!before.has(card.id)
			? cardLine(card)
			: before.get(card.id) !== place
				? `Spostata qui: ${cardLine(card)}`
				: null;
	const blocks: Block[] = [];
	const unchanged: string[] = [];
	const groups = [
		...record.clusters.map((c) => ({ title: c.title, cards: c.cards })),
		{ title: null, cards: record.loose }
	];
	for (const group of groups) {
		const items = group.cards.flatMap((card) => line(card, group.title) ?? []).map(oneLine);
		if (items.length === 0) {
			if (group.title !== null) unchanged.push(`«${group.title}»`);
			continue;
		}
		blocks.push(
			p(
				oneLine(
					group.title === null
						? 'Schede non raggruppate'
						: `«${group.title}» (${schede(group.cards.length)})`
				)
			)
		);
		blocks.push({ type: 'list', ordered: false, items });
	}
	const present = new Set(cardsOf(record).map((c) => c.id));
	const gone = cardsOf(previous).filter((c) => !present.has(c.id));
	if (gone.length) {
		blocks.push(p('Schede tolte o unite ad altre'));
		blocks.push({ type: 'list', ordered: false, items: gone.map(cardLine) });
	}
	if (unchanged.length)
		blocks.push(p(oneLine(`Raggruppamenti invariati: ${unchanged.join(', ')}.`)));
	return blocks;
}

function phaseBlocks(record: PhaseRecord, previous: PhaseRecord | undefined): Block[] {
	const heading = phaseHeading(record);
	if (cardsOf(record).length === 0) return [heading, p('Nessuna scheda.')];
	if (previous && sameCards(previous, record))
		return [heading, p('Nessuna modifica alle schede rispetto alla fase precedente.')];
	return [heading, ...(previous ? changedListing(record, previous) : fullListing(record))];
}

const sameCards = (a: PhaseRecord, b: PhaseRecord) =>
	JSON.stringify([a.clusters, a.loose]) === JSON.stringify([b.clusters, b.loose]);

/**
 * M-V1: what was written, as the board stood at the end of each phase and now: the
 * first phase lists every card, each later one only what changed, and a phase that
 * changed no card says so.
 */
export function phasesSection(source: MinutesSource): Block[] {
	if (!source.hadBoard) return [noBoard];
	return source.phases.flatMap((record, i) => phaseBlocks(record, source.phases[i - 1]));
}

function roundBlocks(round: RoundRecord, n: number): Block[] {
	const paper = round.paperBallots ? ` (di cui ${round.paperBallots} su carta)` : '';
	const blocks: Block[] = [
		{ type: 'heading', text: `Votazione n. ${n} — ${methodLabels[round.method] ?? round.method}` },
		p(`Schede di voto: ${round.ballots}${paper}.`)
	];
	if (round.criteria)
		blocks.push(
			p(oneLine(`Criteri: ${round.criteria.join(' e ')}; il punteggio è la somma delle medie.`))
		);
	blocks.push({
		type: 'table',
		columns: ['Posizione', 'Voce', 'Punteggio', 'Enti pubblici', 'Terzo Settore', 'Non indicato'],
		rows: round.ranking.map((r) => {
			return [
				italianRank(r.rank, r.tied),
				r.label,
				italianNumber(r.score),
				italianNumber(r.bySector.public),
				italianNumber(r.bySector.third_sector),
				italianNumber(r.bySector.unknown)
			];
		})
	});
	if (round.condorcetWinner)
		blocks.push(p(oneLine(`Vince ogni confronto diretto: «${round.condorcetWinner}».`)));
	return blocks;
}

/** M-V2: every revealed round with its ranking and the public / third-sector split. */
export function votesSection(source: MinutesSource): Block[] {
	if (!source.hadBoard) return [noBoard];
	if (source.rounds.length === 0) return [p('Nessuna votazione con risultati pubblicati.')];
	return [
		p(
			"Il voto dei partecipanti è consultivo: l'Ufficio di Piano ne riceve i risultati come indicazione del tavolo."
		),
		...source.rounds.flatMap((r, i) => roundBlocks(r, i + 1))
	];
}

function fieldValue(value: string | string[] | null): string {
	if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
	return value && value.trim() ? value.trim() : '—';
}

/** M-V2: each objective card with the 21 fields of the regional template, labelled. */
export function objectivesSection(source: MinutesSource): Block[] {
	if (!source.hadBoard) return [noBoard];
	if (source.objectives.length === 0) return [p('Nessuna scheda obiettivo in bozza.')];
	return source.objectives.flatMap((o): Block[] => [
		{ type: 'heading', text: oneLine(o.title) || 'Scheda senza titolo' },
		...(o.sources.length
			? [p(oneLine(`Nasce da: ${o.sources.map((s) => `«${s}»`).join(', ')}.`))]
			: []),
		...(o.macroAreas.length ? [p(oneLine(`Macroaree: ${o.macroAreas.join('; ')}.`))] : []),
		{
			type: 'table',
			columns: ['Campo', 'Contenuto'],
			rows: o.fields.map((f) => [f.label, fieldValue(f.value)])
		}
	]);
}

/** M-V1: the priorities the tavolo indicated, the needs left for later, the next steps. */
export function decisionsSection(source: MinutesSource): Block[] {
	const blocks: Block[] = [];
	if (source.priorities.length) {
		blocks.push(p('Il tavolo ha indicato come prioritari:'));
		blocks.push({
			type: 'list',
			ordered: true,
			items: source.priorities.map((pr) => {
				const kind = pr.type === 'cluster' ? 'raggruppamento' : 'scheda';
				const vote =
					pr.rank !== null
						? `, ${italianRank(pr.rank, pr.tied)} con ${italianPoints(pr.score ?? 0)}`
						: '';
				return oneLine(`«${pr.label}» (${kind}${vote})`);
			})
		});
	} else blocks.push(p('Nessuna priorità indicata sulla lavagna.'));
	if (source.unchosen.length) {
		blocks.push(p('Bisogni emersi e non scelti in questo incontro, da riprendere:'));
		blocks.push({ type: 'list', ordered: false, items: source.unchosen.map(oneLine) });
	}
	blocks.push(p('Prossimi passi: da completare a cura dei facilitatori.'));
	return blocks;
}
