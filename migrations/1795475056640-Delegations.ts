import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Delegations, their itineraries and the companies' applications. */

export class Delegations1795475056640 implements MigrationInterface {
  name = 'Delegations1795475056640';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."application_status" AS ENUM('pending', 'accepted', 'rejected', 'waitlisted', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "delegation_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delegation_id" uuid NOT NULL, "company_id" uuid NOT NULL, "status" "public"."application_status" NOT NULL DEFAULT 'pending', "applied_by" uuid, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "waitlisted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "delegation_applications_company_key" UNIQUE ("delegation_id", "company_id"), CONSTRAINT "PK_f3b2539470b090afa2b79e54d05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "delegation_applications_status_idx" ON "delegation_applications"  ("delegation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."delegation_direction" AS ENUM('inbound', 'outbound')`,
    );
    await queryRunner.query(
      `CREATE TABLE "delegations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "direction" "public"."delegation_direction" NOT NULL, "origin_country" character(2) NOT NULL, "destination_country" character(2) NOT NULL, "city" text NOT NULL, "leader" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "timezone" text NOT NULL, "capacity" integer NOT NULL, "description" text NOT NULL DEFAULT '', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "delegations_capacity_check" CHECK ("capacity" > 0), CONSTRAINT "delegations_dates_check" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_01f9fbbc9b3bf52236a4e951b19" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "delegations_origin_idx" ON "delegations"  ("origin_country") `,
    );
    await queryRunner.query(
      `CREATE INDEX "delegations_destination_idx" ON "delegations"  ("destination_country") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."itinerary_kind" AS ENUM('seminar', 'site-visit', 'exhibition', 'matching-session', 'reception', 'meeting')`,
    );
    await queryRunner.query(
      `CREATE TABLE "itinerary_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delegation_id" uuid NOT NULL, "kind" "public"."itinerary_kind" NOT NULL, "title" text NOT NULL, "location" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "itinerary_items_order_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_f37a39ff959ce329ccbb0d98e24" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "itinerary_items_delegation_idx" ON "itinerary_items"  ("delegation_id", "starts_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_applications" ADD CONSTRAINT "FK_ace939bcdff5c5a4a164f16f5d1" FOREIGN KEY ("delegation_id") REFERENCES "delegations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_applications" ADD CONSTRAINT "FK_8496f594d119546b1b3c04ae8d5" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "itinerary_items" ADD CONSTRAINT "FK_2c0367cb0313ceffc2ddc28d92b" FOREIGN KEY ("delegation_id") REFERENCES "delegations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "itinerary_items" DROP CONSTRAINT "FK_2c0367cb0313ceffc2ddc28d92b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_applications" DROP CONSTRAINT "FK_8496f594d119546b1b3c04ae8d5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation_applications" DROP CONSTRAINT "FK_ace939bcdff5c5a4a164f16f5d1"`,
    );
    await queryRunner.query(`DROP INDEX "public"."itinerary_items_delegation_idx"`);
    await queryRunner.query(`DROP TABLE "itinerary_items"`);
    await queryRunner.query(`DROP TYPE "public"."itinerary_kind"`);
    await queryRunner.query(`DROP INDEX "public"."delegations_destination_idx"`);
    await queryRunner.query(`DROP INDEX "public"."delegations_origin_idx"`);
    await queryRunner.query(`DROP TABLE "delegations"`);
    await queryRunner.query(`DROP TYPE "public"."delegation_direction"`);
    await queryRunner.query(`DROP INDEX "public"."delegation_applications_status_idx"`);
    await queryRunner.query(`DROP TABLE "delegation_applications"`);
    await queryRunner.query(`DROP TYPE "public"."application_status"`);
  }
}
