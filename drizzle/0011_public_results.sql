-- SPEC monitoring M13: a plan's public results page, opt-in; the slug stays across unpublish and republish.
CREATE TABLE `plan_publications` (
	`plan_id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`published_at` integer,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_publications_slug_uq` ON `plan_publications` (`slug`);