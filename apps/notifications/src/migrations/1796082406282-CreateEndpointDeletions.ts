import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What remains of deleted webhook endpoints: deleting one again answers as the first time. */
export class CreateEndpointDeletions1796082406282 implements MigrationInterface {
  name = 'CreateEndpointDeletions1796082406282';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications"."webhook_endpoint_deletions" ("endpoint_id" uuid NOT NULL, "owner_party_id" uuid NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted_by" uuid NOT NULL, CONSTRAINT "PK_52f56d01d3d989d20d822d4f6a7" PRIMARY KEY ("endpoint_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"."webhook_endpoint_deletions"`);
  }
}
