CREATE TABLE `outcome_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outcome_id` integer NOT NULL,
	`card_id` text NOT NULL,
	`decision` text NOT NULL,
	`plan_objective_id` integer,
	`reason` text NOT NULL,
	`decided_by` integer,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`outcome_id`) REFERENCES `outcomes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_objective_id`) REFERENCES `plan_objectives`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outcome_decisions_card_uq` ON `outcome_decisions` (`outcome_id`,`card_id`);--> statement-breakpoint
CREATE TABLE `plan_objective_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objective_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`snapshot` text NOT NULL,
	`changed` text NOT NULL,
	`changed_by` integer,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `plan_objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `plan_objectives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`policy_area_id` integer,
	`template` text NOT NULL,
	`fields` text NOT NULL,
	`verbatim` text NOT NULL,
	`macro_areas` text NOT NULL,
	`key_points` text NOT NULL,
	`leps` text NOT NULL,
	`indicators` text NOT NULL,
	`status` text NOT NULL,
	`approved_at` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`policy_area_id`) REFERENCES `policy_areas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_objectives_plan_number_uq` ON `plan_objectives` (`plan_id`,`number`);--> statement-breakpoint
CREATE INDEX `plan_objectives_plan_idx` ON `plan_objectives` (`plan_id`);