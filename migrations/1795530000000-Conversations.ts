import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations between two companies (issue 16): one per pair, stored in order and unique
 * (`conversations_pair_key`, whose first column also serves a company's list as `company_a`;
 * `conversations_company_b_idx` serves it as `company_b`), each company's read receipt, and the
 * messages with their history index `(conversation_id, sent_at, id)` for the newest-first cursor.
 */
export class Conversations1795530000000 implements MigrationInterface {
  name = 'Conversations1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_a" uuid NOT NULL, "company_b" uuid NOT NULL, "a_read_up_to" uuid, "a_read_at" TIMESTAMP WITH TIME ZONE, "b_read_up_to" uuid, "b_read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "conversations_pair_order_check" CHECK ("company_a" < "company_b"), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "conversations_company_b_idx" ON "conversations"  ("company_b") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "conversations_pair_key" ON "conversations"  ("company_a", "company_b") `,
    );
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "company_id" uuid NOT NULL, "sender_id" uuid, "text" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "messages_history_idx" ON "messages"  ("conversation_id", "sent_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_2883bf8a6546628edd310e3c016" FOREIGN KEY ("company_a") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_423ce3caa366f50917dde279b67" FOREIGN KEY ("company_b") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_d9aec86fce1cad2c11ef0c04f18" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_22133395bd13b970ccd0c34ab22" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_22133395bd13b970ccd0c34ab22"`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_d9aec86fce1cad2c11ef0c04f18"`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" DROP CONSTRAINT "FK_423ce3caa366f50917dde279b67"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" DROP CONSTRAINT "FK_2883bf8a6546628edd310e3c016"`,
    );
    await queryRunner.query(`DROP INDEX "public"."messages_history_idx"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "public"."conversations_pair_key"`);
    await queryRunner.query(`DROP INDEX "public"."conversations_company_b_idx"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
  }
}
