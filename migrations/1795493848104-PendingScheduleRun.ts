import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scheduling run an organiser asked for and that has not published yet, so that a worker can
 * queue it again when Redis comes back without its data.
 */
export class PendingScheduleRun1795493848104 implements MigrationInterface {
  name = 'PendingScheduleRun1795493848104';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" ADD "schedule_job_id" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "schedule_job_id"`);
  }
}
