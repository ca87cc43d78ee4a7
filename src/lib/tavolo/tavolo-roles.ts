/** A person's role inside one tavolo (distinct from their account role). */
export const TavoloRole = {
	facilitatorPublic: 'facilitator_public',
	facilitatorThirdSector: 'facilitator_third_sector',
	member: 'member',
	observer: 'observer',
	udpReferent: 'udp_referent'
} as const;
export type TavoloRole = (typeof TavoloRole)[keyof typeof TavoloRole];
export const tavoloRoles = Object.values(TavoloRole) as [TavoloRole, ...TavoloRole[]];

export function isFacilitatorRole(role: TavoloRole): boolean {
	return role === TavoloRole.facilitatorPublic || role === TavoloRole.facilitatorThirdSector;
}

export const TavoloStatus = { active: 'active', suspended: 'suspended', closed: 'closed' } as const;
export type TavoloStatus = (typeof TavoloStatus)[keyof typeof TavoloStatus];
export const tavoloStatuses = Object.values(TavoloStatus) as [TavoloStatus, ...TavoloStatus[]];

export const SubgroupKind = { ageBand: 'age_band', theme: 'theme' } as const;
export type SubgroupKind = (typeof SubgroupKind)[keyof typeof SubgroupKind];
export const subgroupKinds = Object.values(SubgroupKind) as [SubgroupKind, ...SubgroupKind[]];
