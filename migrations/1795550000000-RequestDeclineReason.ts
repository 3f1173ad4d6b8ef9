import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A declined meeting request keeps the receiver's reason, shown to the sender (issue 16). */
export class RequestDeclineReason1795550000000 implements MigrationInterface {
  name = 'RequestDeclineReason1795550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD "decline_reason" text NOT NULL DEFAULT ''`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "decline_reason"`);
  }
}
