import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Matchmaking sessions, participants, match scores and meeting requests. */

export class Sessions1795475969752 implements MigrationInterface {
  name = 'Sessions1795475969752';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_scores" ("session_id" uuid NOT NULL, "generation" integer NOT NULL, "company_id" uuid NOT NULL, "other_id" uuid NOT NULL, "score" real NOT NULL, CONSTRAINT "PK_3eb48ce9f8cf4f8714dc94b7619" PRIMARY KEY ("session_id", "generation", "company_id", "other_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."request_status" AS ENUM('pending', 'accepted', 'declined', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "from_company_id" uuid NOT NULL, "to_company_id" uuid NOT NULL, "message" text NOT NULL DEFAULT '', "status" "public"."request_status" NOT NULL DEFAULT 'pending', "created_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_requests_not_self_check" CHECK ("from_company_id" <> "to_company_id"), CONSTRAINT "PK_418e48920b2acbd0afdb7f9dec0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "meeting_requests_to_idx" ON "meeting_requests"  ("session_id", "to_company_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "meeting_requests_active_key" ON "meeting_requests"  ("session_id", "from_company_id", "to_company_id") WHERE "status" IN ('pending', 'accepted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_participants" ("session_id" uuid NOT NULL, "company_id" uuid NOT NULL, "availability" jsonb NOT NULL DEFAULT '[]', "joined_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_085dfb8149da27e44e324de0a1d" PRIMARY KEY ("session_id", "company_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "session_participants_company_idx" ON "session_participants"  ("company_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."session_mode" AS ENUM('video', 'in-person')`);
    await queryRunner.query(
      `CREATE TYPE "public"."session_status" AS ENUM('draft', 'open', 'scheduled', 'live', 'closed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "mode" "public"."session_mode" NOT NULL, "timezone" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "slot_minutes" integer NOT NULL, "break_minutes" integer NOT NULL DEFAULT '0', "max_meetings_per_company" integer NOT NULL, "cross_border_only" boolean NOT NULL DEFAULT false, "sides" jsonb, "tables" integer, "request_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "delegation_id" uuid, "status" "public"."session_status" NOT NULL DEFAULT 'open', "weights" jsonb NOT NULL, "score_generation" integer NOT NULL DEFAULT '0', "generation_counter" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sessions_window_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sessions_status_idx" ON "sessions"  ("status") `);
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_3ea1e317291e4a65cb25fb3d64d" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_e3e085ea480008d9bc8ed9805ff" FOREIGN KEY ("from_company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_4fc02cd78ebd89d4ac851f6d543" FOREIGN KEY ("to_company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_participants" ADD CONSTRAINT "FK_0f44aaaaf807cef66c6fa9494a8" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_participants" ADD CONSTRAINT "FK_c338407414f46312765558eac11" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_13b68a6b6bda64bf5effb52d391" FOREIGN KEY ("delegation_id") REFERENCES "delegations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_13b68a6b6bda64bf5effb52d391"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_participants" DROP CONSTRAINT "FK_c338407414f46312765558eac11"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_participants" DROP CONSTRAINT "FK_0f44aaaaf807cef66c6fa9494a8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_4fc02cd78ebd89d4ac851f6d543"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_e3e085ea480008d9bc8ed9805ff"`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_3ea1e317291e4a65cb25fb3d64d"`,
    );
    await queryRunner.query(`DROP INDEX "public"."sessions_status_idx"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TYPE "public"."session_status"`);
    await queryRunner.query(`DROP TYPE "public"."session_mode"`);
    await queryRunner.query(`DROP INDEX "public"."session_participants_company_idx"`);
    await queryRunner.query(`DROP TABLE "session_participants"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_requests_active_key"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_requests_to_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_requests"`);
    await queryRunner.query(`DROP TYPE "public"."request_status"`);
    await queryRunner.query(`DROP TABLE "match_scores"`);
  }
}
