ALTER TABLE `plans` ADD `predecessor_id` integer REFERENCES plans(id);--> statement-breakpoint
ALTER TABLE `plan_objectives` ADD `predecessor_id` integer REFERENCES plan_objectives(id);--> statement-breakpoint
ALTER TABLE `plan_objectives` ADD `pending_mapping` text DEFAULT '[]' NOT NULL;