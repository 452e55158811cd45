import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Images and attachments (issue 16 item 4): uploaded files (their bytes are in the file storage, local
// folder or S3, under content-hashed keys) and what they are attached to, with the alt text.

export class UploadedFiles1766400000000 implements MigrationInterface {
  name = 'UploadedFiles1766400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stored_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(10) NOT NULL, "content_type" character varying(100) NOT NULL, "storage_key" character varying(200) NOT NULL, "variants" jsonb NOT NULL DEFAULT '[]', "width" integer, "height" integer, "byte_size" integer NOT NULL, "file_name" character varying(200) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_stored_file_kind" CHECK ("kind" IN ('IMAGE', 'PDF')), CONSTRAINT "pk_stored_file" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "file_attachment" ("slot" character varying(30) NOT NULL, "owner_id" uuid NOT NULL, "file_id" uuid NOT NULL, "alt_fa" character varying(300), "alt_en" character varying(300), "attached_by" uuid NOT NULL, "attached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_file_attachment_slot" CHECK ("slot" IN ('NEWS_IMAGE', 'EVENT_IMAGE', 'GOAL_IMAGE', 'DISTRICT_IMAGE', 'PRESS_RELEASE_PDF')), CONSTRAINT "pk_file_attachment" PRIMARY KEY ("slot", "owner_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_file_attachment_file" ON "file_attachment" ("file_id") `);
    await queryRunner.query(
      `ALTER TABLE "stored_file" ADD CONSTRAINT "fk_stored_file_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_attachment" ADD CONSTRAINT "fk_file_attachment_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "file_attachment" ADD CONSTRAINT "fk_file_attachment_attached_by" FOREIGN KEY ("attached_by") REFERENCES "staff_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "file_attachment"`);
    await queryRunner.query(`DROP TABLE "stored_file"`);
  }
}
