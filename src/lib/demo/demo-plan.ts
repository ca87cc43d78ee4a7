import type { OrganizationType, RoleLevel, Sector } from '$lib/directory/organization-types';
import type { MeetingMode, MeetingStatus } from '$lib/meeting/meeting-status';
import type { UserRole } from '$lib/auth/roles';
import type { TavoloRole } from '$lib/tavolo/tavolo-roles';

/**
 * The demo plan: the Ambito di Seriate and its Piano di Zona 2025-2027 "Fare
 * insieme", with the five tavoli the plan runs. Comuni, populations, policy areas,
 * tavoli, their themes and the organisations come from the real plan (see
 * ../shared/domain, Seriate plan §5.2 and §6); the people are invented.
 */
export const demoPassword = 'tavoli-demo';

export const demoAmbito = {
	name: 'Ambito Territoriale di Seriate',
	leadBody: 'Comune di Seriate',
	/** Popolazione al 01.01.2023 (Seriate plan, Tabella 1). */
	comuni: [
		['Seriate', 25321],
		['Albano S. Alessandro', 8268],
		['Bagnatica', 4485],
		['Brusaporto', 5653],
		['Cavernago', 2826],
		['Costa di Mezzate', 3398],
		['Grassobbio', 6459],
		['Montello', 3219],
		['Pedrengo', 5917],
		['Scanzorosciate', 9939],
		["Torre de' Roveri", 2557]
	] as const
};

export const demoPlan = {
	title: 'Piano di Zona 2025-2027 «Fare insieme»',
	period: '2025-2027',
	taxonomyVersionId: '2025-2027',
	/** The plan's eight areas (§6.2) and the regional macro-areas each maps to. */
	policyAreas: [
		[
			"Interventi di sistema per il potenziamento dell'Ufficio di Piano e il rafforzamento della gestione associata",
			['K']
		],
		['Interventi per la famiglia e i minori', ['I', 'G']],
		['Politiche giovanili', ['G', 'H']],
		['Interventi a favore delle persone con disabilità', ['J']],
		['Politiche per la terza età', ['E']],
		['Domiciliarità', ['D', 'E']],
		[
			"Contrasto alla povertà e all'emarginazione sociale e promozione dell'inclusione",
			['A', 'B', 'H']
		],
		["Contrasto al gioco d'azzardo patologico e ad altre dipendenze", ['L']]
	] as const
};

type OrgSeed = [name: string, type: OrganizationType, sector: Sector, aliases: string[]];
const comuneOrgs: OrgSeed[] = demoAmbito.comuni.map(([name]) => [
	`Comune di ${name}`,
	'comune',
	'public',
	[`Comune ${name}`]
]);

export const demoOrganizations: OrgSeed[] = [
	...comuneOrgs,
	['ASST Bergamo Est', 'asst', 'public', ['ASST BG EST']],
	['ATS Bergamo', 'ats', 'public', []],
	['SI.MI.FA. Ambito di Seriate', 'other', 'public', ['SI.MI.FA Ambito']],
	['IISS Majorana', 'school', 'public', []],
	['I.C. Calcinate', 'school', 'public', []],
	['Ordine dei Medici chirurghi e odontoiatri – provincia di Bergamo', 'other', 'public', []],
	['Cooperativa Namastè', 'social_cooperative', 'third_sector', ['Coop. Namastè']],
	['Cooperativa P.A.E.S.E.', 'social_cooperative', 'third_sector', ['coop. P.A.E.S.E.']],
	['Cooperativa Universiis', 'social_cooperative', 'third_sector', ['Coop. Universiis']],
	['Bergamo Sanità', 'social_cooperative', 'third_sector', []],
	['KCS', 'social_cooperative', 'third_sector', []],
	['Cooperativa Serena', 'social_cooperative', 'third_sector', []],
	[
		"Cooperativa L'Impronta",
		'social_cooperative',
		'third_sector',
		['Cooperativa Impronta', "Coop. L'Impronta"]
	],
	['Cooperativa Progettazione', 'social_cooperative', 'third_sector', ['Coop Progettazione']],
	[
		'Cooperativa Il Piccolo Principe',
		'social_cooperative',
		'third_sector',
		['coop. IL Piccolo Principe', 'Coop. Il Piccolo Principe']
	],
	['Cooperativa RUAH', 'social_cooperative', 'third_sector', ['Coop. RUAH']],
	['Consorzio FA', 'social_cooperative', 'third_sector', []],
	['Mestieri Lombardia', 'social_cooperative', 'third_sector', []],
	['CSV Bergamo', 'association', 'third_sector', []],
	['Tempo di Agire OdV', 'association', 'third_sector', []],
	['Comitato Territorio CSI di Bergamo', 'association', 'third_sector', []],
	['ANTEAS/FNP CGIL', 'union', 'third_sector', []],
	['CISL', 'union', 'third_sector', ['ANTEAS CISL']],
	['CGIL', 'union', 'third_sector', []],
	['Ufficio per la pastorale delle persone con disabilità', 'parish', 'third_sector', []],
	['CET Seriate', 'parish', 'third_sector', []],
	['Scuola Edile', 'other', 'third_sector', []],
	['EFP Sacra Famiglia', 'school', 'third_sector', []],
	['Fondazione Angelo Custode', 'foundation', 'third_sector', []],
	['Fondazione Opera Bonomelli', 'foundation', 'third_sector', []]
];

export type TavoloKey = 'domiciliarita' | 'disabilita' | 'famiglia' | 'lavoro' | 'giovani';

export const demoTavoli: {
	key: TavoloKey;
	name: string;
	workThemes: string;
	scope: string[];
	policyAreas: number[];
	subgroups: { name: string; kind: 'age_band' | 'theme'; description: string }[];
}[] = [
	{
		key: 'domiciliarita',
		name: 'Domiciliarità e Terza Età',
		workThemes:
			'Invecchiamento attivo, politiche per la longevità, silver age, interventi per la NA',
		scope: [
			"Conoscenza/informazione dell'offerta del territorio",
			'Conoscenza quali/quantitativa della popolazione anziana del territorio, distinta per fasce di età',
			'Necessità di dare risposte concrete ai bisogni intercettati',
			"Promozione di stili di vita che favoriscano l'invecchiamento attivo."
		],
		policyAreas: [4, 5],
		subgroups: [
			{
				name: 'Caregiver familiari',
				kind: 'theme',
				description: 'Sostegno a chi assiste un familiare anziano a domicilio'
			}
		]
	},
	{
		key: 'disabilita',
		name: "Persone con disabilità e 'Dopo di noi'",
		workThemes: "D&I, disabilità lieve, inserimenti lavorativi, progetti per l'autonomia",
		scope: [
			"Presa in carico integrata socio-sanitaria: rinforzo della presa in carico e dell'accompagnamento delle persone con disabilità e dei caregivers",
			'Opportunità dedicate ad adulti/giovani adulti con «disabilità lieve»',
			"Contrasto all'isolamento sociale: rinforzo del welfare comunitario",
			'Minori: un ponte fra scuola ed extra scuola. Adulti: possibilità di vivere un buon tempo libero.'
		],
		policyAreas: [3],
		subgroups: []
	},
	{
		key: 'famiglia',
		name: 'Famiglia e genitorialità',
		workThemes:
			"Famiglie, scuole, adolescenza, disagio giovanile, bullismo e cyberbullismo, supporto all'educazione, mediazione culturale e intergenerazionale",
		scope: [
			"Avvio di una maggiore integrazione socio sanitaria a partire dalla costruzione di una collaborazione con i pediatri e il Consultorio presente sul territorio dell'Ambito",
			"Strutturazione e consolidamento del lavoro svolto con i dirigenti scolastici e gli Istituti superiori dell'Ambito",
			"Costruzione di una maggiore connessione con le Parrocchie dell'Ambito",
			'Monitoraggio costante delle macro progettualità di Ambito',
			"Promozione di una maggiore sinergia tra gli Enti del Terzo Settore operanti sull'Ambito al fine di ottimizzare/integrare risorse e opportunità."
		],
		policyAreas: [1],
		subgroups: [
			{ name: '0/6', kind: 'age_band', description: 'Prima infanzia' },
			{
				name: '7/14',
				kind: 'age_band',
				description: 'Età della scuola primaria e secondaria di primo grado'
			},
			{
				name: '14/18',
				kind: 'age_band',
				description: 'Adolescenza (le fasce si sovrappongono, come nel piano)'
			}
		]
	},
	{
		key: 'lavoro',
		name: 'Lavoro, inclusione sociale e contrasto alla povertà',
		workThemes:
			"Politiche abitative, politiche per il lavoro e l'inclusione, condizione di povertà o marginalità",
		scope: [
			"Nuove soluzioni per fronteggiare l'emergenza abitativa",
			"Percorsi di accesso all'offerta abitativa",
			'Integrazione tra i servizi di formazione e i servizi per il lavoro',
			'Incremento e differenziazione delle modalità di accesso ai servizi',
			'Strategie per intercettare tempestivamente nuovi target',
			'Percorsi di inclusione in ottica preventiva.'
		],
		policyAreas: [6, 7],
		subgroups: [
			{ name: 'Abitare', kind: 'theme', description: 'Emergenza abitativa e accesso alla casa' }
		]
	},
	{
		key: 'giovani',
		name: 'Giovani',
		workThemes:
			"Politiche giovanili, NEET, protagonismo giovanile, inserimento lavorativo, orientamento e formazione, supporto all'autoimpiego/autoimprenditorialità",
		scope: [
			'La valorizzazione di conoscenze ed esperienze da parte dei giovani riguardo alla partecipazione alla vita della comunità locale',
			'La presa di coscienza da parte della comunità locale dei possibili miglioramenti che il mondo giovanile, esprimendo le proprie potenzialità, può favorire'
		],
		policyAreas: [2],
		subgroups: []
	}
];

type Seat = [TavoloKey, TavoloRole];
export interface PersonSeed {
	fullName: string;
	organization: string;
	jobTitle: string;
	level: RoleLevel;
	seats: Seat[];
	login?: { email: string; role: UserRole };
}

const all = (role: TavoloRole): Seat[] =>
	(['domiciliarita', 'disabilita', 'famiglia', 'lavoro', 'giovani'] as const).map((k) => [k, role]);

export const demoPeople: PersonSeed[] = [
	{
		fullName: 'Laura Ferrari',
		organization: 'Comune di Seriate',
		jobTitle: 'Ufficio di Piano',
		level: 'strategic',
		seats: all('udp_referent'),
		login: { email: 'admin@demo.local', role: 'admin' }
	},
	{
		fullName: 'Marco Colombo',
		organization: 'Comune di Seriate',
		jobTitle: 'Assistente sociale coordinatore',
		level: 'technical',
		seats: [
			['domiciliarita', 'facilitator_public'],
			['famiglia', 'member']
		],
		login: { email: 'facilitatore@demo.local', role: 'facilitator' }
	},
	{
		fullName: 'Giulia Rossi',
		organization: 'Cooperativa Universiis',
		jobTitle: 'Coordinatrice servizi domiciliari',
		level: 'technical',
		seats: [['domiciliarita', 'member']],
		login: { email: 'partecipante@demo.local', role: 'participant' }
	},
	{
		fullName: 'Anna Ghilardi',
		organization: 'ATS Bergamo',
		jobTitle: 'Dipartimento PIPSS',
		level: 'strategic',
		seats: [
			['domiciliarita', 'observer'],
			['famiglia', 'observer']
		],
		login: { email: 'osservatore@demo.local', role: 'observer' }
	},
	{
		fullName: 'Elena Bonetti',
		organization: 'Cooperativa Namastè',
		jobTitle: 'Responsabile area anziani',
		level: 'strategic',
		seats: [['domiciliarita', 'facilitator_third_sector']]
	},
	{
		fullName: 'Roberto Mazzola',
		organization: 'Comune di Pedrengo',
		jobTitle: 'Assessore ai servizi sociali',
		level: 'strategic',
		seats: [['domiciliarita', 'member']]
	},
	{
		fullName: 'Silvia Testa',
		organization: 'Comune di Scanzorosciate',
		jobTitle: 'Assistente sociale',
		level: 'technical',
		seats: [
			['domiciliarita', 'member'],
			['famiglia', 'member']
		]
	},
	{
		fullName: 'Paolo Belotti',
		organization: 'ASST Bergamo Est',
		jobTitle: 'Infermiere di famiglia e comunità',
		level: 'technical',
		seats: [
			['domiciliarita', 'member'],
			['disabilita', 'member']
		]
	},
	{
		fullName: 'Marta Previtali',
		organization: 'Cooperativa P.A.E.S.E.',
		jobTitle: 'Coordinatrice SAD',
		level: 'operational',
		seats: [['domiciliarita', 'member']]
	},
	{
		fullName: 'Giorgio Cattaneo',
		organization: 'Bergamo Sanità',
		jobTitle: 'Direttore',
		level: 'strategic',
		seats: [['domiciliarita', 'member']]
	},
	{
		fullName: 'Sara Pagnoncelli',
		organization: 'KCS',
		jobTitle: 'Referente caregiver',
		level: 'technical',
		seats: [['domiciliarita', 'member']]
	},
	{
		fullName: 'Andrea Zanchi',
		organization: 'CSV Bergamo',
		jobTitle: 'Animatore territoriale',
		level: 'technical',
		seats: [
			['domiciliarita', 'member'],
			['lavoro', 'member']
		]
	},
	{
		fullName: 'Franco Rota',
		organization: 'ANTEAS/FNP CGIL',
		jobTitle: 'Volontario',
		level: 'operational',
		seats: [['domiciliarita', 'member']]
	},
	{
		fullName: 'Luisa Bergamelli',
		organization: 'CISL',
		jobTitle: 'Segretaria territoriale',
		level: 'strategic',
		seats: [
			['domiciliarita', 'member'],
			['lavoro', 'member']
		]
	},
	{
		fullName: 'Stefano Carminati',
		organization: 'Comune di Bagnatica',
		jobTitle: 'Responsabile servizi sociali',
		level: 'strategic',
		seats: [['disabilita', 'facilitator_public']]
	},
	{
		fullName: 'Chiara Pesenti',
		organization: 'Cooperativa Serena',
		jobTitle: 'Coordinatrice area disabilità',
		level: 'technical',
		seats: [['disabilita', 'facilitator_third_sector']]
	},
	{
		fullName: 'Federica Nava',
		organization: 'Comune di Costa di Mezzate',
		jobTitle: 'Assistente sociale',
		level: 'technical',
		seats: [
			['disabilita', 'member'],
			['famiglia', 'member']
		]
	},
	{
		fullName: 'Alberto Moretti',
		organization: 'Comune di Cavernago',
		jobTitle: 'Sindaco',
		level: 'strategic',
		seats: [['disabilita', 'member']]
	},
	{
		fullName: 'Valentina Gamba',
		organization: "Cooperativa L'Impronta",
		jobTitle: 'Educatrice',
		level: 'operational',
		seats: [
			['disabilita', 'member'],
			['famiglia', 'member']
		]
	},
	{
		fullName: 'Nicola Frigeni',
		organization: 'Cooperativa Progettazione',
		jobTitle: 'Responsabile inserimenti lavorativi',
		level: 'technical',
		seats: [
			['disabilita', 'member'],
			['lavoro', 'member']
		]
	},
	{
		fullName: 'Ilaria Brembilla',
		organization: 'Tempo di Agire OdV',
		jobTitle: 'Presidente',
		level: 'strategic',
		seats: [['disabilita', 'member']]
	},
	{
		fullName: 'Michele Arnoldi',
		organization: 'Comitato Territorio CSI di Bergamo',
		jobTitle: 'Referente sport inclusivo',
		level: 'operational',
		seats: [['disabilita', 'member']]
	},
	{
		fullName: 'don Giuseppe Locatelli',
		organization: 'Ufficio per la pastorale delle persone con disabilità',
		jobTitle: 'Responsabile',
		level: 'strategic',
		seats: [['disabilita', 'member']]
	},
	{
		fullName: 'Cristina Lazzari',
		organization: 'IISS Majorana',
		jobTitle: 'Docente referente inclusione',
		level: 'technical',
		seats: [
			['disabilita', 'member'],
			['lavoro', 'member']
		]
	},
	{
		fullName: 'Francesca Locatelli',
		organization: 'SI.MI.FA. Ambito di Seriate',
		jobTitle: 'Coordinatrice tutela minori',
		level: 'technical',
		seats: [['famiglia', 'facilitator_public']]
	},
	{
		fullName: 'Davide Brignoli',
		organization: 'Consorzio FA',
		jobTitle: 'Responsabile area minori e famiglie',
		level: 'strategic',
		seats: [['famiglia', 'facilitator_third_sector']]
	},
	{
		fullName: 'Paola Magni',
		organization: 'I.C. Calcinate',
		jobTitle: 'Dirigente scolastica',
		level: 'strategic',
		seats: [['famiglia', 'member']]
	},
	{
		fullName: 'Tommaso Vavassori',
		organization: 'Cooperativa Il Piccolo Principe',
		jobTitle: 'Educatore',
		level: 'operational',
		seats: [
			['famiglia', 'member'],
			['lavoro', 'member']
		]
	},
	{
		fullName: 'Rita Plebani',
		organization: 'Cooperativa Universiis',
		jobTitle: 'Pedagogista',
		level: 'technical',
		seats: [['famiglia', 'member']]
	},
	{
		fullName: 'Emanuele Sangaletti',
		organization: 'CGIL',
		jobTitle: 'Funzionario',
		level: 'technical',
		seats: [['famiglia', 'member']]
	},
	{
		fullName: 'don Luca Pezzotta',
		organization: 'CET Seriate',
		jobTitle: 'Parroco, referente oratori',
		level: 'strategic',
		seats: [
			['famiglia', 'member'],
			['giovani', 'member']
		]
	},
	{
		fullName: 'Barbara Milesi',
		organization: 'Fondazione Angelo Custode',
		jobTitle: 'Responsabile consultorio',
		level: 'technical',
		seats: [['famiglia', 'member']]
	},
	{
		fullName: 'Roberta Sala',
		organization: 'Comune di Albano S. Alessandro',
		jobTitle: 'Responsabile area sociale',
		level: 'strategic',
		seats: [['lavoro', 'facilitator_public']]
	},
	{
		fullName: 'Luca Cortinovis',
		organization: 'Fondazione Opera Bonomelli',
		jobTitle: 'Coordinatore servizi grave marginalità',
		level: 'technical',
		seats: [['lavoro', 'facilitator_third_sector']]
	},
	{
		fullName: 'Giovanni Ravasio',
		organization: 'Comune di Montello',
		jobTitle: 'Assistente sociale',
		level: 'technical',
		seats: [['lavoro', 'member']]
	},
	{
		fullName: 'Elisa Finazzi',
		organization: 'Mestieri Lombardia',
		jobTitle: 'Operatrice servizi al lavoro',
		level: 'operational',
		seats: [
			['lavoro', 'member'],
			['giovani', 'member']
		]
	},
	{
		fullName: 'Daniele Facchinetti',
		organization: 'Cooperativa RUAH',
		jobTitle: 'Responsabile accoglienza',
		level: 'technical',
		seats: [['lavoro', 'member']]
	},
	{
		fullName: 'Monica Suardi',
		organization: 'Ordine dei Medici chirurghi e odontoiatri – provincia di Bergamo',
		jobTitle: 'Consigliera',
		level: 'strategic',
		seats: [['lavoro', 'member']]
	},
	{
		fullName: 'Fabio Algeri',
		organization: 'Scuola Edile',
		jobTitle: 'Orientatore',
		level: 'operational',
		seats: [
			['lavoro', 'member'],
			['famiglia', 'member']
		]
	},
	{
		fullName: 'Irene Begnis',
		organization: 'EFP Sacra Famiglia',
		jobTitle: 'Coordinatrice formazione',
		level: 'technical',
		seats: [['lavoro', 'member']]
	},
	{
		fullName: 'Matteo Valsecchi',
		organization: 'Comune di Seriate',
		jobTitle: 'Referente Informagiovani',
		level: 'technical',
		seats: [['giovani', 'facilitator_public']]
	},
	{
		fullName: 'Alessia Carrara',
		organization: 'Comune di Grassobbio',
		jobTitle: 'Assessora alle politiche giovanili',
		level: 'strategic',
		seats: [['giovani', 'member']]
	},
	{
		fullName: 'Simone Pedrini',
		organization: 'Comune di Brusaporto',
		jobTitle: 'Educatore di comunità',
		level: 'operational',
		seats: [['giovani', 'member']]
	}
];

export interface MeetingSeed {
	tavolo: TavoloKey;
	/** Days from the day the demo is loaded (0 = that day). */
	dayOffset: number;
	startTime: string;
	endTime: string;
	title: string;
	mode: MeetingMode;
	status: MeetingStatus;
	agenda: string;
	subgroup?: string;
}

const sala = 'Sala consiliare, Piazza Alebardi 1, Seriate';
const standardAgenda =
	'Saluti e presentazione dei presenti\nRestituzione del lavoro precedente\nLavoro sui bisogni emersi\nVarie ed eventuali';

function cycle(tavolo: TavoloKey, offsets: number[], time: [string, string]): MeetingSeed[] {
	return offsets.map((dayOffset, i) => ({
		tavolo,
		dayOffset,
		startTime: time[0],
		endTime: time[1],
		title: `Incontro del tavolo n. ${i + 1}`,
		mode: 'in_person',
		status: dayOffset < -50 ? 'minutes_approved' : dayOffset < 0 ? 'minutes_shared' : 'planned',
		agenda: standardAgenda
	}));
}

export const demoMeetings: MeetingSeed[] = [
	...cycle('domiciliarita', [-300, -240, -180, -120, -60], ['17:30', '19:30']),
	{
		tavolo: 'domiciliarita',
		dayOffset: 0,
		startTime: '17:30',
		endTime: '19:30',
		title: 'Co-programmazione: bisogni e priorità 2027',
		mode: 'hybrid',
		status: 'convened',
		agenda:
			'Benvenuto e foglio firme\nBrainstorming: bisogni, problemi, risorse e proposte\nRaggruppamento dei contributi\nVoto delle priorità\nSintesi e prossimi passi'
	},
	{
		...cycle('domiciliarita', [60], ['17:30', '19:30'])[0]!,
		title: 'Stesura delle schede obiettivo'
	},
	{
		tavolo: 'domiciliarita',
		dayOffset: 21,
		startTime: '10:00',
		endTime: '12:00',
		title: 'Sottogruppo caregiver: mappa dei servizi',
		mode: 'online',
		status: 'planned',
		agenda: 'Mappa dei servizi per i caregiver\nProposte per la Bottega della domiciliarità',
		subgroup: 'Caregiver familiari'
	},
	...cycle('disabilita', [-280, -210, -140, -70, 14], ['18:00', '20:00']),
	...cycle('famiglia', [-270, -200, -130, -65, 30], ['17:00', '19:00']),
	{
		tavolo: 'famiglia',
		dayOffset: 10,
		startTime: '16:30',
		endTime: '18:00',
		title: 'Sottogruppo 0/6: rete dei servizi per la prima infanzia',
		mode: 'in_person',
		status: 'convened',
		agenda: 'Servizi 0/6 esistenti\nBisogni delle famiglie con bambini piccoli',
		subgroup: '0/6'
	},
	...cycle('lavoro', [-250, -190, -110, -45, 45], ['14:30', '16:30']),
	...cycle('giovani', [-150], ['18:00', '19:30'])
];

export const demoPlaces: Record<TavoloKey, string> = {
	domiciliarita: sala,
	disabilita: 'Sala civica, Comune di Bagnatica',
	famiglia: 'Centro per la Famiglia, Seriate',
	lavoro: 'Sala riunioni, Comune di Albano S. Alessandro',
	giovani: 'Informagiovani, Seriate'
};
