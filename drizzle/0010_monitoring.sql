-- SPEC monitoring M8: one measurement per objective, indicator and period (a repeat replaces it and
-- keeps the replaced entry in `history`), and one evaluation grid per objective.
CREATE TABLE `indicator_measurements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objective_id` integer NOT NULL,
	`indicator_id` text NOT NULL,
	`period` text NOT NULL,
	`value` real,
	`numerator` real,
	`denominator` real,
	`note` text NOT NULL,
	`source` text NOT NULL,
	`entered_by` integer,
	`entered_at` integer NOT NULL,
	`history` text NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `plan_objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_measurements_period_uq` ON `indicator_measurements` (`objective_id`,`indicator_id`,`period`);--> statement-breakpoint
CREATE TABLE `objective_evaluations` (
	`objective_id` integer PRIMARY KEY NOT NULL,
	`actions_planned` integer,
	`actions_done` integer,
	`budget_planned` real,
	`budget_paid` real,
	`user_evaluation` text,
	`resource_adequacy` text,
	`notes` text,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `plan_objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
