CREATE TABLE `ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`participant_id` text NOT NULL,
	`sector` text,
	`content` text NOT NULL,
	`done` integer NOT NULL,
	`paper` integer NOT NULL,
	`recorded_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `vote_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `attendance`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_round_voter_uq` ON `ballots` (`round_id`,`voter_key`);--> statement-breakpoint
CREATE TABLE `board_priorities` (
	`board_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`round_id` integer,
	`promoted_at` integer NOT NULL,
	PRIMARY KEY(`board_id`, `target_type`, `target_id`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `vote_rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vote_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` text NOT NULL,
	`options` text NOT NULL,
	`targets` text NOT NULL,
	`status` text NOT NULL,
	`run_off_of` integer,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	`revealed_at` integer,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_rounds_board_idx` ON `vote_rounds` (`board_id`);--> statement-breakpoint
ALTER TABLE `boards` ADD `active_round_id` integer;--> statement-breakpoint
ALTER TABLE `boards` ADD `open_fields` text DEFAULT '[]' NOT NULL;