import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cooperation programme (issue 18): partner economies and their agreements (a renewal is a new
 * agreement that `renews` the old one), the partner and agreement an activity is held under
 * (sessions, delegations, seminars), seminars with their registrations and check-ins, and the
 * follow-up surveys sent months after a session closed with every answer kept (its history).
 */
export class Programme1795570000000 implements MigrationInterface {
  name = 'Programme1795570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "title" text NOT NULL, "signed_on" date, "expires_on" date, "counterpart" text NOT NULL DEFAULT '', "priority_areas" text array NOT NULL DEFAULT '{}', "forms" text array NOT NULL DEFAULT '{}', "document_url" text, "status" text NOT NULL DEFAULT 'planned', "renews_id" uuid, "reminded_for" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "agreements_dates_check" CHECK ("expires_on" IS NULL OR "signed_on" IS NULL OR "expires_on" > "signed_on"), CONSTRAINT "agreements_status_check" CHECK ("status" IN ('planned', 'active', 'renewal-due', 'expired', 'renewed')), CONSTRAINT "PK_01532f6c999d44c776e3d1fa4c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "agreements_expires_on_idx" ON "agreements"  ("expires_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "agreements_partner_idx" ON "agreements"  ("partner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "partners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "country" character(2) NOT NULL, "name" text NOT NULL, "agencies" text array NOT NULL DEFAULT '{}', "priority_areas" text array NOT NULL DEFAULT '{}', "notes" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_56ca16e69d22a211a31f3d7ca0b" UNIQUE ("country"), CONSTRAINT "PK_998645b20820e4ab99aeae03b41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "seminar_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seminar_id" uuid NOT NULL, "company_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'registered', "waitlisted_at" TIMESTAMP WITH TIME ZONE, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_in_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "seminar_registrations_user_key" UNIQUE ("seminar_id", "user_id"), CONSTRAINT "seminar_registrations_status_check" CHECK ("status" IN ('registered', 'waitlisted', 'withdrawn')), CONSTRAINT "PK_ebfe3807a793e25c0b1e339f2a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "seminar_registrations_company_idx" ON "seminar_registrations"  ("company_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "seminar_registrations_status_idx" ON "seminar_registrations"  ("seminar_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "seminars" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "kind" text NOT NULL, "description" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" text NOT NULL, "venue" text, "video_url" text, "capacity" integer NOT NULL, "partner_id" uuid, "agreement_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "seminars_capacity_check" CHECK ("capacity" > 0), CONSTRAINT "seminars_window_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "seminars_kind_check" CHECK ("kind" IN ('seminar', 'workshop', 'forum')), CONSTRAINT "PK_c45e6b90e0fa9d8ea7341de3660" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "seminars_partner_idx" ON "seminars"  ("partner_id") `);
    await queryRunner.query(`CREATE INDEX "seminars_starts_at_idx" ON "seminars"  ("starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "follow_up_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "company_id" uuid NOT NULL, "outcome" "public"."meeting_outcome" NOT NULL, "value_band" text, "note" text NOT NULL DEFAULT '', "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_55ccdbb271ee260fba5bce6ce04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "follow_up_answers_survey_idx" ON "follow_up_answers"  ("survey_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "follow_up_answers_meeting_idx" ON "follow_up_answers"  ("meeting_id", "company_id", "answered_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "company_id" uuid NOT NULL, "months" smallint NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "follow_up_surveys_key" UNIQUE ("session_id", "company_id", "months"), CONSTRAINT "PK_d93e8b6e39dac07adaa41b4d016" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "follow_up_surveys_due_idx" ON "follow_up_surveys"  ("due_at") WHERE "sent_at" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "delegations" ADD "partner_id" uuid`);
    await queryRunner.query(`ALTER TABLE "delegations" ADD "agreement_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "partner_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "agreement_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "follow_up_months" smallint array NOT NULL DEFAULT '{3,6}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegations" ADD CONSTRAINT "FK_e7d5e40a7679745a043f6d340cd" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegations" ADD CONSTRAINT "FK_444770c9ce8b0078746f9b12e94" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_08f5eca128ff245f83a8b294bce" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_045f803dd1f8a53f399fc3a2292" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_c5c28fd1f36d8d87ce25dddec5d" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_375df3684a2b15f603d47b530e8" FOREIGN KEY ("renews_id") REFERENCES "agreements"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminar_registrations" ADD CONSTRAINT "FK_48bdaa979fbd06a80e95ca522c7" FOREIGN KEY ("seminar_id") REFERENCES "seminars"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminar_registrations" ADD CONSTRAINT "FK_f2de5690d1b30cfe3b266834bc2" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminar_registrations" ADD CONSTRAINT "FK_e42b5114785830a973b345c1b71" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminars" ADD CONSTRAINT "FK_62217dffb4738bb3b2fcbfc75cf" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminars" ADD CONSTRAINT "FK_73f4553a295fd6772c5206ad3a7" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_answers" ADD CONSTRAINT "FK_8c4f1710f7bcd97dcd2f156af2c" FOREIGN KEY ("survey_id") REFERENCES "follow_up_surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_answers" ADD CONSTRAINT "FK_211bf957ea9181826df4281d8c7" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_answers" ADD CONSTRAINT "FK_2c3bd94ef4f1beabe13ca4e1382" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_surveys" ADD CONSTRAINT "FK_8187324d6798c4dcb07b5c023bc" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_surveys" ADD CONSTRAINT "FK_95e0976eb8b608ed662a1307bb3" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "follow_up_surveys" DROP CONSTRAINT "FK_95e0976eb8b608ed662a1307bb3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_surveys" DROP CONSTRAINT "FK_8187324d6798c4dcb07b5c023bc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_answers" DROP CONSTRAINT "FK_2c3bd94ef4f1beabe13ca4e1382"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_answers" DROP CONSTRAINT "FK_211bf957ea9181826df4281d8c7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_answers" DROP CONSTRAINT "FK_8c4f1710f7bcd97dcd2f156af2c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminars" DROP CONSTRAINT "FK_73f4553a295fd6772c5206ad3a7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminars" DROP CONSTRAINT "FK_62217dffb4738bb3b2fcbfc75cf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminar_registrations" DROP CONSTRAINT "FK_e42b5114785830a973b345c1b71"`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminar_registrations" DROP CONSTRAINT "FK_f2de5690d1b30cfe3b266834bc2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "seminar_registrations" DROP CONSTRAINT "FK_48bdaa979fbd06a80e95ca522c7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_375df3684a2b15f603d47b530e8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP CONSTRAINT "FK_c5c28fd1f36d8d87ce25dddec5d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_045f803dd1f8a53f399fc3a2292"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_08f5eca128ff245f83a8b294bce"`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegations" DROP CONSTRAINT "FK_444770c9ce8b0078746f9b12e94"`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegations" DROP CONSTRAINT "FK_e7d5e40a7679745a043f6d340cd"`,
    );
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "follow_up_months"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "agreement_id"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "partner_id"`);
    await queryRunner.query(`ALTER TABLE "delegations" DROP COLUMN "agreement_id"`);
    await queryRunner.query(`ALTER TABLE "delegations" DROP COLUMN "partner_id"`);
    await queryRunner.query(`DROP INDEX "public"."follow_up_surveys_due_idx"`);
    await queryRunner.query(`DROP TABLE "follow_up_surveys"`);
    await queryRunner.query(`DROP INDEX "public"."follow_up_answers_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."follow_up_answers_survey_idx"`);
    await queryRunner.query(`DROP TABLE "follow_up_answers"`);
    await queryRunner.query(`DROP INDEX "public"."seminars_starts_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."seminars_partner_idx"`);
    await queryRunner.query(`DROP TABLE "seminars"`);
    await queryRunner.query(`DROP INDEX "public"."seminar_registrations_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."seminar_registrations_company_idx"`);
    await queryRunner.query(`DROP TABLE "seminar_registrations"`);
    await queryRunner.query(`DROP TABLE "partners"`);
    await queryRunner.query(`DROP INDEX "public"."agreements_partner_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreements_expires_on_idx"`);
    await queryRunner.query(`DROP TABLE "agreements"`);
  }
}
