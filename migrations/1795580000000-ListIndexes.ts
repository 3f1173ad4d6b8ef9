import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for lists that stay fast at 100,000 companies (issue 19): the directory's order
 * (name, id), so that a page, and a page after a cursor, is an index range scan that stops after
 * the page; and the notification centre's (user, created_at, id), read backwards, newest first,
 * with the id that breaks ties of the cursor; and a firm's requests sent in a session, of every
 * status (only live ones were indexed by sender), which with `meeting_requests_to_idx` finds a
 * firm's requests without reading the session's. `test/list-plans.e2e-spec.ts` checks that the plans
 * use them. On a large live database, build them by hand with CREATE INDEX CONCURRENTLY first
 * (the same names): this migration then finds them made.
 */
export class ListIndexes1795580000000 implements MigrationInterface {
  name = 'ListIndexes1795580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "companies_name_id_idx" ON "companies" ("name", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "meeting_requests_from_idx" ON "meeting_requests" ("session_id", "from_company_id") `,
    );
    await queryRunner.query(`DROP INDEX IF EXISTS "notifications_user_created_idx"`);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "notifications_user_created_id_idx" ON "notifications" ("user_id", "created_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "notifications_user_created_id_idx"`);
    await queryRunner.query(
      `CREATE INDEX "notifications_user_created_idx" ON "notifications" ("user_id", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "meeting_requests_from_idx"`);
    await queryRunner.query(`DROP INDEX "companies_name_id_idx"`);
  }
}
