import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox email may go to an address with no account (a team invitation to someone new to
 * TradeMatch): its user is then null.
 */
export class OutboxToAnAddress1795512000002 implements MigrationInterface {
  name = 'OutboxToAnAddress1795512000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_outbox" ALTER COLUMN "user_id" DROP NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification_outbox" WHERE "user_id" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "notification_outbox" ALTER COLUMN "user_id" SET NOT NULL`,
    );
  }
}
