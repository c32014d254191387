import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Offers of membership that a holder accepts or declines (a membership needs its consent). */
export class CreateMembershipOffers1796033926019 implements MigrationInterface {
  name = 'CreateMembershipOffers1796033926019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."membership_offers" ("id" uuid NOT NULL, "party_id" uuid NOT NULL, "society_id" uuid NOT NULL, "member_from" date NOT NULL, "member_to" date, "status" text NOT NULL, "offered_by" uuid NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e3fde941291e0d5dfd8ef974f19" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "membership_offers_society" ON "rights_registry"."membership_offers"  ("society_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "membership_offers_pending" ON "rights_registry"."membership_offers"  ("party_id", "society_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."membership_offers" ADD CONSTRAINT "FK_f7045a49fe5c5e96f696e965f3a" FOREIGN KEY ("party_id") REFERENCES "rights_registry"."parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."membership_offers" ADD CONSTRAINT "FK_4e5fda1e888e9400cc17e592579" FOREIGN KEY ("society_id") REFERENCES "rights_registry"."parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."membership_offers" DROP CONSTRAINT "FK_4e5fda1e888e9400cc17e592579"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."membership_offers" DROP CONSTRAINT "FK_f7045a49fe5c5e96f696e965f3a"`,
    );
    await queryRunner.query(`DROP INDEX "rights_registry"."membership_offers_pending"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."membership_offers_society"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."membership_offers"`);
  }
}
