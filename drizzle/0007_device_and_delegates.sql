CREATE TABLE `attendance_devices` (
	`device_id` text NOT NULL,
	`attendance_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`device_id`, `attendance_id`),
	FOREIGN KEY (`attendance_id`) REFERENCES `attendance`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attendance_devices_line_idx` ON `attendance_devices` (`attendance_id`);--> statement-breakpoint
ALTER TABLE `attendance` ADD `merged_into` text;--> statement-breakpoint
ALTER TABLE `attendance` ADD `delegate_at` integer;