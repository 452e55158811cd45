import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { REFUSE_DELETING_ANSWERED } from '../migration-sql/refuse-deleting-answered';

// Trustworthy participation (issue 13): assurance levels, blind-signed poll tokens, eligibility
// lists, spent proof-of-work challenges, and the answer mix.
//
// The mix: a submission's participation and its answers used to be written in one transaction,
// so PostgreSQL's hidden xmin paired them (and physical order nearly did). Now the submission
// writes its participation and a row of poll_answer_mix; a mover later takes a shuffled batch of
// at least k answers of one poll into poll_response / poll_answer / the tallies in a transaction
// of its own. Answers waiting in the mix still count as "the poll has answers": the delete guard
// below looks there too, or an editor could remove an option that a waiting answer picked.

export class TrustworthyParticipation1765400000000 implements MigrationInterface {
  name = 'TrustworthyParticipation1765400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."response_assurance" AS ENUM('UNCHALLENGED', 'CHALLENGED', 'PHONE', 'RESIDENT')`);
    await queryRunner.query(`CREATE TYPE "public"."poll_assurance" AS ENUM('OPEN', 'VERIFIED_PHONE', 'RESIDENT_LIST')`);
    await queryRunner.query(`CREATE TYPE "public"."eligibility_kind" AS ENUM('NATIONAL_CODE', 'MEMBER_NUMBER')`);
    await queryRunner.query(
      `CREATE TABLE "poll_answer_mix" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "district_id" uuid, "assurance" "public"."response_assurance" NOT NULL, "question_ids" uuid array NOT NULL, "option_ids" uuid array NOT NULL, "numbers" smallint array NOT NULL, "texts" text array NOT NULL, CONSTRAINT "pk_poll_answer_mix" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_poll_answer_mix_poll" ON "poll_answer_mix"  ("poll_id") `);
    await queryRunner.query(
      `CREATE TABLE "poll_assurance_tally" ("poll_id" uuid NOT NULL, "assurance" "public"."response_assurance" NOT NULL, "responses" bigint NOT NULL, CONSTRAINT "pk_poll_assurance_tally" PRIMARY KEY ("poll_id", "assurance"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "poll_token_key" ("poll_id" uuid NOT NULL, "public_key" bytea NOT NULL, "sealed_private_key" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_poll_token_key" PRIMARY KEY ("poll_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "poll_token_issuance" ("poll_id" uuid NOT NULL, "identity_key" bytea NOT NULL, CONSTRAINT "pk_poll_token_issuance" PRIMARY KEY ("poll_id", "identity_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "verification_code" ("poll_id" uuid NOT NULL, "phone_key" bytea NOT NULL, "code_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" smallint NOT NULL DEFAULT '0', CONSTRAINT "pk_verification_code" PRIMARY KEY ("poll_id", "phone_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_verification_code_expires" ON "verification_code"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "eligibility_list" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" "public"."eligibility_kind" NOT NULL, "entry_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_eligibility_list" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "eligibility_entry" ("list_id" uuid NOT NULL, "identity_key" bytea NOT NULL, CONSTRAINT "pk_eligibility_entry" PRIMARY KEY ("list_id", "identity_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "spent_challenge" ("key" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_spent_challenge" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_spent_challenge_expires" ON "spent_challenge"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "poll" ADD "assurance" "public"."poll_assurance" NOT NULL DEFAULT 'OPEN'`);
    await queryRunner.query(`ALTER TABLE "poll" ADD "eligibility_list_id" uuid`);
    await queryRunner.query(`ALTER TABLE "poll_response" ADD "assurance" "public"."response_assurance" NOT NULL DEFAULT 'UNCHALLENGED'`);
    await queryRunner.query(
      `ALTER TABLE "eligibility_entry" ADD CONSTRAINT "fk_eligibility_entry_list" FOREIGN KEY ("list_id") REFERENCES "eligibility_list"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "poll" ADD CONSTRAINT "fk_poll_eligibility_list" FOREIGN KEY ("eligibility_list_id") REFERENCES "eligibility_list"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Existing responses were given without a challenge.
    await queryRunner.query(
      `INSERT INTO "poll_assurance_tally" ("poll_id", "assurance", "responses") SELECT "poll_id", 'UNCHALLENGED', count(*) FROM "poll_response" GROUP BY 1`,
    );
    await queryRunner.query(`
            CREATE FUNCTION nabz_polls_answered(poll_ids uuid[]) RETURNS boolean LANGUAGE sql STABLE AS $$
              SELECT EXISTS (SELECT 1 FROM poll_response WHERE poll_id = ANY (poll_ids))
                  OR EXISTS (SELECT 1 FROM poll_answer_mix WHERE poll_id = ANY (poll_ids))
            $$`);
    await queryRunner.query(`
            CREATE OR REPLACE FUNCTION nabz_refuse_deleting_answered() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE ids uuid[];
            BEGIN
              CASE TG_TABLE_NAME
                WHEN 'poll' THEN ids := (SELECT array_agg(g.id) FROM gone g);
                WHEN 'poll_question' THEN ids := (SELECT array_agg(g.poll_id) FROM gone g);
                ELSE ids := (SELECT array_agg(q.poll_id) FROM gone g JOIN poll_question q ON q.id = g.question_id);
              END CASE;
              -- Wait for submissions being written to these polls; the check below then sees them.
              PERFORM nabz_lock_poll_answers(ids, true);
              IF nabz_polls_answered(ids) THEN
                RAISE EXCEPTION 'rows of % that belong to a poll with responses cannot be deleted', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
              END IF;
              RETURN NULL;
            END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(REFUSE_DELETING_ANSWERED(true));
    await queryRunner.query(`DROP FUNCTION nabz_polls_answered(uuid[])`);
    await queryRunner.query(`ALTER TABLE "poll" DROP CONSTRAINT "fk_poll_eligibility_list"`);
    await queryRunner.query(`ALTER TABLE "eligibility_entry" DROP CONSTRAINT "fk_eligibility_entry_list"`);
    await queryRunner.query(`ALTER TABLE "poll_response" DROP COLUMN "assurance"`);
    await queryRunner.query(`ALTER TABLE "poll" DROP COLUMN "eligibility_list_id"`);
    await queryRunner.query(`ALTER TABLE "poll" DROP COLUMN "assurance"`);
    await queryRunner.query(`DROP TABLE "spent_challenge"`);
    await queryRunner.query(`DROP TABLE "eligibility_entry"`);
    await queryRunner.query(`DROP TABLE "eligibility_list"`);
    await queryRunner.query(`DROP TABLE "verification_code"`);
    await queryRunner.query(`DROP TABLE "poll_token_issuance"`);
    await queryRunner.query(`DROP TABLE "poll_token_key"`);
    await queryRunner.query(`DROP TABLE "poll_assurance_tally"`);
    await queryRunner.query(`DROP TABLE "poll_answer_mix"`);
    await queryRunner.query(`DROP TYPE "public"."eligibility_kind"`);
    await queryRunner.query(`DROP TYPE "public"."poll_assurance"`);
    await queryRunner.query(`DROP TYPE "public"."response_assurance"`);
  }
}
