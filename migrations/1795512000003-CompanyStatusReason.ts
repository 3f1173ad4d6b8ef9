import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why an organiser rejected a company, kept beside when and by whom (`status_changed_at`,
 * `status_changed_by`), so that the firm reads it on its page and not only in the email. Cleared
 * when the company is verified.
 */
export class CompanyStatusReason1795512000003 implements MigrationInterface {
  name = 'CompanyStatusReason1795512000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "companies" ADD "status_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "companies" DROP COLUMN "status_reason"`);
  }
}
