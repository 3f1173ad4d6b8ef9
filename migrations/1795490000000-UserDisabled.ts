import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An admin may disable an account: its tokens stop working and it can no longer sign in. */
export class UserDisabled1795490000000 implements MigrationInterface {
  name = 'UserDisabled1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
  }
}
