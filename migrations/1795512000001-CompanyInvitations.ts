import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Company teams (issue 14): an owner's invitations of colleagues, by email, hashed links. */
export class CompanyInvitations1795512000001 implements MigrationInterface {
  name = 'CompanyInvitations1795512000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "company_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "email" text NOT NULL, "role" "public"."company_member_role" NOT NULL, "token_hash" text NOT NULL, "invited_by" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f73da096e85d9dcfaee9fb4ea5e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "company_invitations_hash_key" ON "company_invitations"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "company_invitations_company_email_key" ON "company_invitations"  ("company_id", "email") `,
    );
    await queryRunner.query(
      `ALTER TABLE "company_invitations" ADD CONSTRAINT "FK_299a0145ecb210cee972d1cc3c8" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "company_invitations" ADD CONSTRAINT "FK_ae5d05a58591a6715bfa5768f87" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "company_invitations" DROP CONSTRAINT "FK_ae5d05a58591a6715bfa5768f87"`,
    );
    await queryRunner.query(
      `ALTER TABLE "company_invitations" DROP CONSTRAINT "FK_299a0145ecb210cee972d1cc3c8"`,
    );
    await queryRunner.query(`DROP INDEX "public"."company_invitations_company_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."company_invitations_hash_key"`);
    await queryRunner.query(`DROP TABLE "company_invitations"`);
  }
}
