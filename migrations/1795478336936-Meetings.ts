import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings, their attendance (one company per slot, enforced by the key), feedback and schedule reports. */

export class Meetings1795478336936 implements MigrationInterface {
  name = 'Meetings1795478336936';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_attendance" ("session_id" uuid NOT NULL, "slot_index" integer NOT NULL, "company_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, CONSTRAINT "PK_b39ad42e3bdf5e9f0058b206664" PRIMARY KEY ("session_id", "slot_index", "company_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_outcome" AS ENUM('none', 'follow-up', 'negotiating', 'agreement-signed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_feedback" ("meeting_id" uuid NOT NULL, "company_id" uuid NOT NULL, "rating" smallint NOT NULL, "outcome" "public"."meeting_outcome" NOT NULL, "comment" text NOT NULL DEFAULT '', "given_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_feedback_rating_check" CHECK ("rating" BETWEEN 1 AND 5), CONSTRAINT "PK_a8d32ebc755fa612af1e44c1ca0" PRIMARY KEY ("meeting_id", "company_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'held', 'no-show', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."meeting_origin" AS ENUM('mutual', 'accepted', 'pending', 'score')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "slot_index" integer NOT NULL, "company_a" uuid NOT NULL, "company_b" uuid NOT NULL, "table_number" integer, "room_id" text, "status" "public"."meeting_status" NOT NULL DEFAULT 'scheduled', "origin" "public"."meeting_origin" NOT NULL, "fixed" boolean NOT NULL DEFAULT false, "score" real NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meetings_pair_order_check" CHECK ("company_a" < "company_b"), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "meetings_session_slot_idx" ON "meetings"  ("session_id", "slot_index") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "meetings_pair_key" ON "meetings"  ("session_id", "company_a", "company_b") WHERE "status" <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE TABLE "schedule_reports" ("session_id" uuid NOT NULL, "report" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_86eecb4fe0b31f79a29ccc6faec" PRIMARY KEY ("session_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_feedback" ADD CONSTRAINT "FK_4b83bf7ed28c86b577aa9f8f914" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meetings" DROP CONSTRAINT "FK_980e7a59a936a0d64cbc5f1e1ea"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_feedback" DROP CONSTRAINT "FK_4b83bf7ed28c86b577aa9f8f914"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c"`,
    );
    await queryRunner.query(`DROP TABLE "schedule_reports"`);
    await queryRunner.query(`DROP INDEX "public"."meetings_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."meetings_session_slot_idx"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_origin"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_status"`);
    await queryRunner.query(`DROP TABLE "meeting_feedback"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_outcome"`);
    await queryRunner.query(`DROP TABLE "meeting_attendance"`);
  }
}
