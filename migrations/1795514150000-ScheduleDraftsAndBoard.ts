import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules as drafts (one per session, with the fingerprint of the inputs it was planned from),
 * and one meeting per table and slot, which the database itself keeps when organisers place
 * meetings by hand at the same time.
 */
export class ScheduleDraftsAndBoard1795514150000 implements MigrationInterface {
  name = 'ScheduleDraftsAndBoard1795514150000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "schedule_drafts" ("session_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "meetings" jsonb NOT NULL, "report" jsonb NOT NULL, "fingerprint" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3e42d80bff2f97e88bccb50c0cb" PRIMARY KEY ("session_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "schedule_drafts_id_key" ON "schedule_drafts"  ("id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "meetings_table_key" ON "meetings"  ("session_id", "slot_index", "table_number") WHERE "status" <> 'cancelled' AND "table_number" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_drafts" ADD CONSTRAINT "FK_3e42d80bff2f97e88bccb50c0cb" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "schedule_drafts" DROP CONSTRAINT "FK_3e42d80bff2f97e88bccb50c0cb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."meetings_table_key"`);
    await queryRunner.query(`DROP INDEX "public"."schedule_drafts_id_key"`);
    await queryRunner.query(`DROP TABLE "schedule_drafts"`);
  }
}
