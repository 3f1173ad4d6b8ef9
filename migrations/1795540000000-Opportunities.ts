import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The opportunities board (issue 16): posts (a firm's offer or request for its company, or an
 * organiser's project or market information without one; `opportunities_company_check` holds the
 * two apart), a GIN index over the words of the title and description for `?q=`, and the interest
 * companies express, once per company and post (`opportunity_interests_key`), deleted with the post.
 */
export class Opportunities1795540000000 implements MigrationInterface {
  name = 'Opportunities1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "sectors" text array NOT NULL DEFAULT '{}', "countries" text array NOT NULL DEFAULT '{}', "partner_types" text array NOT NULL DEFAULT '{}', "deadline" TIMESTAMP WITH TIME ZONE, "link" text, "partner_country" character(2), "company_id" uuid, "posted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "opportunities_company_check" CHECK (("kind" IN ('offer', 'request')) = ("company_id" IS NOT NULL)), CONSTRAINT "opportunities_kind_check" CHECK ("kind" IN ('offer', 'request', 'project', 'market-info')), CONSTRAINT "PK_4bd9cd12ddc0ff48a5a97ddebce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "opportunities_company_idx" ON "opportunities"  ("company_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "opportunities_created_at_idx" ON "opportunities"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "opportunities_search_idx" ON "opportunities" USING GIN (to_tsvector('simple', "title" || ' ' || "description"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "opportunity_interests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opportunity_id" uuid NOT NULL, "company_id" uuid NOT NULL, "user_id" uuid, "message" text NOT NULL, "conversation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_358bff3647c4492171f4ef2c94a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "opportunity_interests_company_idx" ON "opportunity_interests"  ("company_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "opportunity_interests_key" ON "opportunity_interests"  ("opportunity_id", "company_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" ADD CONSTRAINT "FK_4eaa4303f913092c822f59d4961" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" ADD CONSTRAINT "FK_690ba1be141e20848bd0e46dfcc" FOREIGN KEY ("posted_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" ADD CONSTRAINT "FK_3c3e11846ef59cdcbebb2e5f912" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" ADD CONSTRAINT "FK_fb307c7ed19139998896710a70b" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" ADD CONSTRAINT "FK_c0ba796554a49444947bc0b09e6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" ADD CONSTRAINT "FK_012cf7a0193a76ea4eb37bd3c65" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" DROP CONSTRAINT "FK_012cf7a0193a76ea4eb37bd3c65"`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" DROP CONSTRAINT "FK_c0ba796554a49444947bc0b09e6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" DROP CONSTRAINT "FK_fb307c7ed19139998896710a70b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunity_interests" DROP CONSTRAINT "FK_3c3e11846ef59cdcbebb2e5f912"`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" DROP CONSTRAINT "FK_690ba1be141e20848bd0e46dfcc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" DROP CONSTRAINT "FK_4eaa4303f913092c822f59d4961"`,
    );
    await queryRunner.query(`DROP INDEX "public"."opportunity_interests_key"`);
    await queryRunner.query(`DROP INDEX "public"."opportunity_interests_company_idx"`);
    await queryRunner.query(`DROP TABLE "opportunity_interests"`);
    await queryRunner.query(`DROP INDEX "public"."opportunities_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."opportunities_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."opportunities_company_idx"`);
    await queryRunner.query(`DROP TABLE "opportunities"`);
  }
}
