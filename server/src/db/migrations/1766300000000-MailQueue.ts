import { type MigrationInterface, type QueryRunner } from 'typeorm';

// E-mail to journalists (issue 16 item 5): one row per e-mail to one media contact (a press release
// or an event invitation) with its status, tries and last error; contacts may unsubscribe. The job
// queue itself (graphile-worker) keeps its tables in its own schema, created by its own migrations
// when the server starts (see common/job-queue.ts).

export class MailQueue1766300000000 implements MigrationInterface {
  name = 'MailQueue1766300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "media_contact" ADD "unsubscribed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "mail_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(30) NOT NULL, "release_id" uuid, "invitation_id" uuid, "contact_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "status" character varying(30) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "embargo_until" TIMESTAMP WITH TIME ZONE, "send_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "queued_by" uuid NOT NULL, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_mail_delivery" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_mail_delivery_release" ON "mail_delivery" ("release_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mail_delivery_contact" ON "mail_delivery" ("contact_id") `);
    await queryRunner.query(`CREATE INDEX "ix_mail_delivery_invitation" ON "mail_delivery" ("invitation_id") `);
    await queryRunner.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "fk_mail_delivery_release" FOREIGN KEY ("release_id") REFERENCES "press_release"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "fk_mail_delivery_invitation" FOREIGN KEY ("invitation_id") REFERENCES "media_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mail_delivery" ADD CONSTRAINT "fk_mail_delivery_contact" FOREIGN KEY ("contact_id") REFERENCES "media_contact"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mail_delivery"`);
    await queryRunner.query(`ALTER TABLE "media_contact" DROP COLUMN "unsubscribed_at"`);
  }
}
