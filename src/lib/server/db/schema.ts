/** Every table, for drizzle's relational queries and for drizzle-kit. */
export * from '../../auth/auth.schema';
export * from '../../directory/directory.schema';
export * from '../../meeting/meeting.schema';
export * from '../../plan/plan.schema';
export * from '../../taxonomy/taxonomy.schema';
export * from '../../tavolo/tavolo.schema';
export * from '../../attendance/attendance.schema';
export * from '../../board/board.schema';
export * from '../../voting/voting.schema';
export * from '../../outcomes/outcome.schema';
export * from '../../plan-objectives/plan-objective.schema';
export * from '../../minutes/minutes.schema';
export * from '../../monitoring/monitoring.schema';
