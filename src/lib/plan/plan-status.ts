export const PlanStatus = {
	drafting: 'drafting',
	approved: 'approved',
	inForce: 'in_force',
	closed: 'closed'
} as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];
export const planStatuses = Object.values(PlanStatus) as [PlanStatus, ...PlanStatus[]];
