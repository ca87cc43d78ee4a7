/** Kinds of body that take part in a Piano di Zona. */
export const OrganizationType = {
	comune: 'comune',
	asst: 'asst',
	ats: 'ats',
	socialCooperative: 'social_cooperative',
	association: 'association',
	foundation: 'foundation',
	union: 'union',
	school: 'school',
	parish: 'parish',
	other: 'other'
} as const;
export type OrganizationType = (typeof OrganizationType)[keyof typeof OrganizationType];
export const organizationTypes = Object.values(OrganizationType) as [
	OrganizationType,
	...OrganizationType[]
];

export const Sector = { public: 'public', thirdSector: 'third_sector' } as const;
export type Sector = (typeof Sector)[keyof typeof Sector];
export const sectors = Object.values(Sector) as [Sector, ...Sector[]];

const publicTypes: ReadonlySet<OrganizationType> = new Set(['comune', 'asst', 'ats', 'school']);

/**
 * The sector a type of body usually belongs to. Schools are public (state schools);
 * "other" defaults to the third sector, and the UdP can always override it.
 */
export function defaultSector(type: OrganizationType): Sector {
	return publicTypes.has(type) ? Sector.public : Sector.thirdSector;
}

/** How senior a person is in their organisation: the plans ask for strategic-level seats. */
export const RoleLevel = {
	strategic: 'strategic',
	technical: 'technical',
	operational: 'operational'
} as const;
export type RoleLevel = (typeof RoleLevel)[keyof typeof RoleLevel];
export const roleLevels = Object.values(RoleLevel) as [RoleLevel, ...RoleLevel[]];
