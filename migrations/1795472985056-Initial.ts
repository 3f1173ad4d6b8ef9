import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, companies and who speaks for which company. */

export class Initial1795472985056 implements MigrationInterface {
  name = 'Initial1795472985056';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."company_member_role" AS ENUM('owner', 'member')`,
    );
    await queryRunner.query(
      `CREATE TABLE "company_members" ("company_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."company_member_role" NOT NULL DEFAULT 'owner', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6e865dcafa308a5a7825d8de5c5" PRIMARY KEY ("company_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "company_members_user_idx" ON "company_members"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."employee_band" AS ENUM('1-9', '10-49', '50-249', '250+')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."company_status" AS ENUM('pending', 'verified', 'rejected')`,
    );
    await queryRunner.query(
      `CREATE TABLE "companies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "country" character(2) NOT NULL, "city" text NOT NULL, "website" text, "description" text NOT NULL DEFAULT '', "sectors" text array NOT NULL DEFAULT '{}', "offers" text array NOT NULL DEFAULT '{}', "seeks" text array NOT NULL DEFAULT '{}', "partner_types" text array NOT NULL DEFAULT '{}', "target_markets" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "timezone" text NOT NULL, "employees" "public"."employee_band" NOT NULL, "status" "public"."company_status" NOT NULL DEFAULT 'pending', "status_changed_at" TIMESTAMP WITH TIME ZONE, "status_changed_by" uuid, "search_document" tsvector, "indexed_version" integer NOT NULL DEFAULT '0', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id"))`,
    );
    // One registration per company name (any case) and country.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "companies_name_country_key" ON "companies" (lower("name"), "country")`,
    );
    // The directory's full-text search.
    await queryRunner.query(
      `CREATE INDEX "companies_search_document_idx" ON "companies" USING GIN ("search_document")`,
    );
    await queryRunner.query(`CREATE INDEX "companies_country_idx" ON "companies"  ("country") `);
    await queryRunner.query(`CREATE INDEX "companies_status_idx" ON "companies"  ("status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."user_role" AS ENUM('admin', 'organiser', 'member')`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "role" "public"."user_role" NOT NULL DEFAULT 'member', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") `);
    await queryRunner.query(
      `ALTER TABLE "company_members" ADD CONSTRAINT "FK_e33a61fd560f6412d3ffb39f225" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "company_members" ADD CONSTRAINT "FK_535b42b6c7557886fd1c44501e4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "company_members" DROP CONSTRAINT "FK_535b42b6c7557886fd1c44501e4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "company_members" DROP CONSTRAINT "FK_e33a61fd560f6412d3ffb39f225"`,
    );
    await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."companies_search_document_idx"`);
    await queryRunner.query(`DROP INDEX "public"."companies_name_country_key"`);
    await queryRunner.query(`DROP INDEX "public"."companies_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."companies_country_idx"`);
    await queryRunner.query(`DROP TABLE "companies"`);
    await queryRunner.query(`DROP TYPE "public"."company_status"`);
    await queryRunner.query(`DROP TYPE "public"."employee_band"`);
    await queryRunner.query(`DROP INDEX "public"."company_members_user_idx"`);
    await queryRunner.query(`DROP TABLE "company_members"`);
    await queryRunner.query(`DROP TYPE "public"."company_member_role"`);
  }
}
