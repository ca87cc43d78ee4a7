/**
 * How often a plan's indicators are measured (monitoring SPEC M1, M14): a setting of the
 * plan, stored on its row; the period rules of each cadence are monitoring's.
 */
export const monitoringCadences = ['semester', 'quarter', 'year'] as const;
export type MonitoringCadence = (typeof monitoringCadences)[number];
