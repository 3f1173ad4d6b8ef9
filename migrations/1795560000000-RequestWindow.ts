import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A meeting request may limit its meeting to part of the session ("mornings only", issue 17):
 * both ends or neither, the end after the start.
 */
export class RequestWindow1795560000000 implements MigrationInterface {
  name = 'RequestWindow1795560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD "window_from" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD "window_to" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" ADD CONSTRAINT "meeting_requests_window_check" CHECK (("window_from" IS NULL AND "window_to" IS NULL) OR ("window_from" IS NOT NULL AND "window_to" IS NOT NULL AND "window_from" < "window_to"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_requests" DROP CONSTRAINT "meeting_requests_window_check"`,
    );
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "window_to"`);
    await queryRunner.query(`ALTER TABLE "meeting_requests" DROP COLUMN "window_from"`);
  }
}
