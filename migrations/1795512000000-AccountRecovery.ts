import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account recovery and hygiene (issue 14): a verified address, a token generation that signing
 * out every other session moves on, and the hashed links of account emails.
 */
export class AccountRecovery1795512000000 implements MigrationInterface {
  name = 'AccountRecovery1795512000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD "token_generation" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."account_token_purpose" AS ENUM('password-reset', 'email-verification', 'email-change')`,
    );
    await queryRunner.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" "public"."account_token_purpose" NOT NULL, "token_hash" text NOT NULL, "email" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "account_tokens_hash_key" ON "account_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "account_tokens_user_idx" ON "account_tokens"  ("user_id", "purpose") `,
    );
    await queryRunner.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6"`,
    );
    await queryRunner.query(`DROP INDEX "public"."account_tokens_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."account_tokens_hash_key"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
    await queryRunner.query(`DROP TYPE "public"."account_token_purpose"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_generation"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
