import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisers' control (issue 15): a session remembers the status before its last move and when it
 * moved (an organiser may take a move to live or closed back within 24 hours), and organisers
 * invite firms by email to register and join a session (hashed links, one per session and address).
 */
export class SessionControl1795514160000 implements MigrationInterface {
  name = 'SessionControl1795514160000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "email" text NOT NULL, "company_name" text NOT NULL DEFAULT '', "token_hash" text NOT NULL, "invited_by" uuid, "claimed_by" uuid, "company_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ebaadf87dd34f1e9cc04cd44dc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "session_invitations_hash_key" ON "session_invitations"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "session_invitations_claimed_by_idx" ON "session_invitations"  ("claimed_by") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "session_invitations_session_email_key" ON "session_invitations"  ("session_id", "email") `,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "previous_status" "public"."session_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_invitations" ADD CONSTRAINT "FK_ecece63598e54dc62efe1a4232d" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_invitations" ADD CONSTRAINT "FK_077590c0cfa18758a77a119c596" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_invitations" ADD CONSTRAINT "FK_33c9075803d573a68d85f52c688" FOREIGN KEY ("claimed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_invitations" ADD CONSTRAINT "FK_f8ef51de4a9289e038e32829287" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session_invitations" DROP CONSTRAINT "FK_f8ef51de4a9289e038e32829287"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_invitations" DROP CONSTRAINT "FK_33c9075803d573a68d85f52c688"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_invitations" DROP CONSTRAINT "FK_077590c0cfa18758a77a119c596"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_invitations" DROP CONSTRAINT "FK_ecece63598e54dc62efe1a4232d"`,
    );
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "status_changed_at"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "previous_status"`);
    await queryRunner.query(`DROP INDEX "public"."session_invitations_session_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."session_invitations_claimed_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."session_invitations_hash_key"`);
    await queryRunner.query(`DROP TABLE "session_invitations"`);
  }
}
