import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting preferences (issue 16): a firm marks another participant of a session `must-meet`,
 * `interested` or `not-interested`; one mark per session, firm and other firm (the primary key).
 */
export class MeetingPreferences1795520000000 implements MigrationInterface {
  name = 'MeetingPreferences1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_preferences" ("session_id" uuid NOT NULL, "company_id" uuid NOT NULL, "other_company_id" uuid NOT NULL, "preference" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_preferences_preference_check" CHECK ("preference" IN ('must-meet', 'interested', 'not-interested')), CONSTRAINT "meeting_preferences_not_self_check" CHECK ("company_id" <> "other_company_id"), CONSTRAINT "PK_851598bf48738d92574ceb5ad43" PRIMARY KEY ("session_id", "company_id", "other_company_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_preferences" ADD CONSTRAINT "FK_558df9eee24a287aa11cefd7d7c" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_preferences" ADD CONSTRAINT "FK_2e01452dbc0e3918f3985a04214" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_preferences" ADD CONSTRAINT "FK_3a20b448eeac0046fa5ba6040c3" FOREIGN KEY ("other_company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_preferences" DROP CONSTRAINT "FK_3a20b448eeac0046fa5ba6040c3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_preferences" DROP CONSTRAINT "FK_2e01452dbc0e3918f3985a04214"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_preferences" DROP CONSTRAINT "FK_558df9eee24a287aa11cefd7d7c"`,
    );
    await queryRunner.query(`DROP TABLE "meeting_preferences"`);
  }
}
