import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistry1795555941799 implements MigrationInterface {
  name = 'CreateRegistry1795555941799';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."parties" ("id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "ipi_name_number" text, "country" character(2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da698299dca60d55f0050dde935" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "parties_ipi_name_number" ON "rights_registry"."parties"  ("ipi_name_number") WHERE "ipi_name_number" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."memberships" ("id" uuid NOT NULL, "party_id" uuid NOT NULL, "society_id" uuid NOT NULL, "member_from" date NOT NULL, "member_to" date, CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "memberships_party" ON "rights_registry"."memberships"  ("party_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."works" ("id" uuid NOT NULL, "title" text NOT NULL, "normalized_title" text NOT NULL, "category" text NOT NULL, "creator_names" text array NOT NULL DEFAULT '{}', "normalized_creators" text NOT NULL DEFAULT '', "registered_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a9ffbf516ba6e52604b29e5cce0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "works_category" ON "rights_registry"."works"  ("category") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."work_titles" ("id" uuid NOT NULL, "work_id" uuid NOT NULL, "title" text NOT NULL, "normalized_title" text NOT NULL, "language" text, CONSTRAINT "PK_169658aef92bce5301d3e5feb17" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_titles_work" ON "rights_registry"."work_titles"  ("work_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."work_identifiers" ("scheme" text NOT NULL, "value" text NOT NULL, "work_id" uuid NOT NULL, CONSTRAINT "PK_10e54b1dcd0bd0f40da035e3609" PRIMARY KEY ("scheme", "value"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_identifiers_work" ON "rights_registry"."work_identifiers"  ("work_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."share_versions" ("id" uuid NOT NULL, "work_id" uuid NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_659b79ace618fa035ccf30676c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "share_versions_work_effective" ON "rights_registry"."share_versions"  ("work_id", "effective_from") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."shares" ("version_id" uuid NOT NULL, "holder_id" uuid NOT NULL, "right_type" text NOT NULL, "share_bps" integer NOT NULL, CONSTRAINT "PK_19fb6b246737570eaa5c0799207" PRIMARY KEY ("version_id", "holder_id", "right_type"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "shares_holder" ON "rights_registry"."shares"  ("holder_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rights_registry"."disputes" ("id" uuid NOT NULL, "work_id" uuid NOT NULL, "status" text NOT NULL, "reason" text NOT NULL, "claimant_id" uuid NOT NULL, "claimed_shares" jsonb NOT NULL, "party_ids" uuid array NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by" uuid, "resolution" text, CONSTRAINT "PK_3c97580d01c1a4b0b345c42a107" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "disputes_open_work" ON "rights_registry"."disputes"  ("work_id") WHERE "status" = 'OPEN'`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."memberships" ADD CONSTRAINT "FK_8c5b400ad5dc666baacb0f5158f" FOREIGN KEY ("party_id") REFERENCES "rights_registry"."parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."memberships" ADD CONSTRAINT "FK_f7d1d526c4a8b86cc4f601407e2" FOREIGN KEY ("society_id") REFERENCES "rights_registry"."parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."work_titles" ADD CONSTRAINT "FK_138ba8443d68737c1a633a35a6e" FOREIGN KEY ("work_id") REFERENCES "rights_registry"."works"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."work_identifiers" ADD CONSTRAINT "FK_fe74b6f915cbb1a3c2467d6b63f" FOREIGN KEY ("work_id") REFERENCES "rights_registry"."works"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."share_versions" ADD CONSTRAINT "FK_497ac8c680384ac7b1873bb1a33" FOREIGN KEY ("work_id") REFERENCES "rights_registry"."works"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."shares" ADD CONSTRAINT "FK_a647c08ff43a266a85dfcaa31be" FOREIGN KEY ("version_id") REFERENCES "rights_registry"."share_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."shares" ADD CONSTRAINT "FK_f60c10c585f998d4b52db0ea5d8" FOREIGN KEY ("holder_id") REFERENCES "rights_registry"."parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."disputes" ADD CONSTRAINT "FK_6d6ef1e81a039267d8831699a5b" FOREIGN KEY ("work_id") REFERENCES "rights_registry"."works"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Trigram search on normalized titles (declared with synchronize: false in the entities).
    // Services may create the extension concurrently: serialise on a database-wide lock.
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('create extension pg_trgm'))`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await queryRunner.query(
      `CREATE INDEX "works_normalized_title_trgm" ON "rights_registry"."works" USING gin ("normalized_title" public.gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "work_titles_normalized_title_trgm" ON "rights_registry"."work_titles" USING gin ("normalized_title" public.gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "rights_registry"."work_titles_normalized_title_trgm"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."works_normalized_title_trgm"`);
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."disputes" DROP CONSTRAINT "FK_6d6ef1e81a039267d8831699a5b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."shares" DROP CONSTRAINT "FK_f60c10c585f998d4b52db0ea5d8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."shares" DROP CONSTRAINT "FK_a647c08ff43a266a85dfcaa31be"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."share_versions" DROP CONSTRAINT "FK_497ac8c680384ac7b1873bb1a33"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."work_identifiers" DROP CONSTRAINT "FK_fe74b6f915cbb1a3c2467d6b63f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."work_titles" DROP CONSTRAINT "FK_138ba8443d68737c1a633a35a6e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."memberships" DROP CONSTRAINT "FK_f7d1d526c4a8b86cc4f601407e2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rights_registry"."memberships" DROP CONSTRAINT "FK_8c5b400ad5dc666baacb0f5158f"`,
    );
    await queryRunner.query(`DROP INDEX "rights_registry"."disputes_open_work"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."disputes"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."shares_holder"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."shares"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."share_versions_work_effective"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."share_versions"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."work_identifiers_work"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."work_identifiers"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."work_titles_work"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."work_titles"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."works_category"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."works"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."memberships_party"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."memberships"`);
    await queryRunner.query(`DROP INDEX "rights_registry"."parties_ipi_name_number"`);
    await queryRunner.query(`DROP TABLE "rights_registry"."parties"`);
  }
}
