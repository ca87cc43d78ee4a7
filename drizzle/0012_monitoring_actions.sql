CREATE TABLE `objective_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`objective_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`planned_on` text NOT NULL,
	`done_on` text,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`objective_id`) REFERENCES `plan_objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `objective_budgets` (
	`objective_id` integer NOT NULL,
	`year` integer NOT NULL,
	`planned` real,
	`committed` real,
	`paid` real,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`objective_id`, `year`),
	FOREIGN KEY (`objective_id`) REFERENCES `plan_objectives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `plans` ADD `monitoring_cadence` text DEFAULT 'semester' NOT NULL;