CREATE TABLE `minutes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`updated_at` integer NOT NULL,
	`shared_at` integer,
	`frozen_at` integer,
	`frozen_by` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`frozen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_meeting_version_uq` ON `minutes` (`meeting_id`,`version`);--> statement-breakpoint
CREATE INDEX `minutes_meeting_idx` ON `minutes` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `minutes_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` integer NOT NULL,
	`participant_id` text NOT NULL,
	`section` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `attendance`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `minutes_comments_minutes_idx` ON `minutes_comments` (`minutes_id`);--> statement-breakpoint
-- A frozen version of the verbale is a record: its content, status and number never change
-- and it is never deleted (SPEC M-V5). The commands never try; this refuses it in SQLite too.
CREATE TRIGGER `minutes_frozen_no_update`
BEFORE UPDATE OF `meeting_id`, `version`, `status`, `content`, `frozen_at` ON `minutes`
WHEN OLD.`status` = 'frozen'
BEGIN
	SELECT RAISE(ABORT, 'frozen minutes never change');
END;
--> statement-breakpoint
CREATE TRIGGER `minutes_frozen_no_delete`
BEFORE DELETE ON `minutes`
WHEN OLD.`status` = 'frozen'
BEGIN
	SELECT RAISE(ABORT, 'frozen minutes are never deleted');
END;
