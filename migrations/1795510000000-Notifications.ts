import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reaching people (issue 14): each user's settings (language, time zone, reminder minutes, per
 * kind email / in-app / off), the in-app notifications, and the transactional outbox of emails.
 */
export class Notifications1795510000000 implements MigrationInterface {
  name = 'Notifications1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_settings" ("user_id" uuid NOT NULL, "language" text NOT NULL DEFAULT 'en', "timezone" text NOT NULL DEFAULT 'UTC', "reminders" integer array NOT NULL DEFAULT '{1440,15}', "notifications" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ed056b9344e6f7d8d46ec4b302" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "params" jsonb NOT NULL, "link" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_unread_idx" ON "notifications" ("user_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_created_idx" ON "notifications" ("user_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "to_address" text NOT NULL, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "ics" jsonb, "unsubscribe_url" text, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "not_before" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sending_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_outbox_status_check" CHECK ("status" IN ('pending', 'sent', 'failed', 'withdrawn')), CONSTRAINT "PK_83d47c7dba1da2d038749fe757e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_outbox_key" ON "notification_outbox" ("key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox" ("not_before") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_settings" ADD CONSTRAINT "FK_4ed056b9344e6f7d8d46ec4b302" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_outbox" ADD CONSTRAINT "FK_6cebf6f9720f5d90acb2d9054b1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_outbox"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "user_settings"`);
  }
}
