import type { EntityManager } from 'typeorm';
import { CopyWriter } from '#libs/database';
import type { PreparedEvent } from '#libs/messaging';
import type { ValidWork } from '../domain/work-registration.js';
import type { WorkMatchText } from './work-match-keys.js';

const STAGING = 'works_import';

export interface StagedWork {
  line: number;
  workId: string;
  versionId: string;
  work: ValidWork;
  event: PreparedEvent;
}

/** A problem the set-based checks found, on the line of the row it concerns. */
export interface StagedProblem {
  line: number;
  field: string;
  reason: string;
}

/** A staged line that likely repeats a registered work, or an earlier line. */
export type StagedDuplicate =
  { line: number; workId: string; title: string } | { line: number; firstLine: number };

/**
 * Works of a bulk import staged in a temporary table of the import's transaction (COPY, so a
 * file of any size streams through), checked against the registry and each other with
 * set-based queries, then moved into the registry tables with one statement per table.
 */
export class WorkStaging {
  private constructor(
    private readonly manager: EntityManager,
    private readonly writer: CopyWriter,
  ) {}

  static async open(manager: EntityManager): Promise<WorkStaging> {
    await manager.query(`
      CREATE TEMPORARY TABLE ${STAGING} (
        line integer NOT NULL, work_id uuid NOT NULL, version_id uuid NOT NULL,
        title text NOT NULL, normalized_title text NOT NULL, category text NOT NULL,
        creator_names jsonb NOT NULL, normalized_creators text NOT NULL,
        titles jsonb NOT NULL, identifiers jsonb NOT NULL, shares jsonb NOT NULL,
        event_id uuid NOT NULL, topic text NOT NULL, lane smallint NOT NULL, envelope jsonb NOT NULL
      ) ON COMMIT DROP`);
    return new WorkStaging(manager, await CopyWriter.open(manager, STAGING));
  }

  write({ line, workId, versionId, work, event }: StagedWork): Promise<void> {
    return this.writer.write([
      line,
      workId,
      versionId,
      work.title,
      work.normalizedTitle,
      work.category,
      JSON.stringify(work.creatorNames),
      work.normalizedCreators,
      JSON.stringify(work.alternativeTitles),
      JSON.stringify(work.identifiers),
      JSON.stringify(work.shares),
      event.eventId,
      event.topic,
      event.lane,
      event.envelope,
    ]);
  }

  /** Ends staging; the checks and the move run on what was staged. */
  async close(): Promise<void> {
    await this.writer.end();
    await this.manager.query(`ANALYZE ${STAGING} (line)`);
  }

  /**
   * Lines whose holders are not registered right holders, whose identifiers are registered
   * already or repeat an earlier line's, and (`societyId`) whose holders are not members today
   * of that society. At most `limit` of each kind, by line.
   */
  async problems(limit: number, societyId?: string): Promise<StagedProblem[]> {
    const holders = `
      SELECT s.line, h."holderId" AS holder_id
      FROM ${STAGING} s CROSS JOIN LATERAL jsonb_to_recordset(s.shares) AS h("holderId" uuid)`;
    const identifiers = `
      SELECT s.line, i.scheme, i.value
      FROM ${STAGING} s CROSS JOIN LATERAL jsonb_to_recordset(s.identifiers) AS i(scheme text, value text)`;
    const queries: [string, unknown[]][] = [
      [
        `SELECT h.line, 'shares' AS field,
                'holder ' || h.holder_id || ' is not a registered right holder' AS reason
         FROM (${holders}) h
         LEFT JOIN rights_registry.parties p ON p.id = h.holder_id
         WHERE p.id IS NULL OR p.kind <> 'RIGHT_HOLDER'
         ORDER BY h.line LIMIT $1`,
        [limit],
      ],
      [
        `SELECT i.line, lower(i.scheme) AS field,
                i.scheme || ' ' || i.value || ' is already registered to work ' || w.id
                  || ' (' || w.title || ')' AS reason
         FROM (${identifiers}) i
         JOIN rights_registry.work_identifiers wi ON wi.scheme = i.scheme AND wi.value = i.value
         JOIN rights_registry.works w ON w.id = wi.work_id
         ORDER BY i.line LIMIT $1`,
        [limit],
      ],
      [
        `SELECT line, lower(scheme) AS field,
                scheme || ' ' || value || ' is also given on line ' || first_line AS reason
         FROM (SELECT i.*, min(i.line) OVER (PARTITION BY i.scheme, i.value) AS first_line
               FROM (${identifiers}) i) repeated
         WHERE line > first_line
         ORDER BY line LIMIT $1`,
        [limit],
      ],
    ];
    if (societyId !== undefined) {
      queries.push([
        `SELECT h.line, 'shares' AS field,
                    'holder ' || h.holder_id || ' is not a member of the society' AS reason
             FROM (${holders}) h
             WHERE NOT EXISTS (
               SELECT 1 FROM rights_registry.memberships m
               WHERE m.party_id = h.holder_id AND m.society_id = $2
                 AND m.member_from <= current_date
                 AND (m.member_to IS NULL OR current_date < m.member_to))
             ORDER BY h.line LIMIT $1`,
        [limit, societyId],
      ]);
    }
    const found: StagedProblem[][] = [];
    for (const [sql, parameters] of queries) found.push(await this.rows(sql, parameters));
    return found.flat().sort((a, b) => a.line - b.line);
  }

  /**
   * Lines that likely repeat a registered work or an earlier line: the same normalized title,
   * category and holders (those of a registered work now), the rule of
   * domain/likely-duplicates.ts set-based. At most `limit` of each kind, by line.
   */
  async likelyDuplicates(limit: number): Promise<StagedDuplicate[]> {
    const staged = `
      SELECT s.line, s.normalized_title, s.category,
             ARRAY(SELECT DISTINCT h."holderId"
                   FROM jsonb_to_recordset(s.shares) AS h("holderId" uuid) ORDER BY 1) AS holder_ids
      FROM ${STAGING} s`;
    const ofWorks = await this.manager.query<StagedDuplicate[]>(
      `SELECT DISTINCT ON (st.line) st.line, w.id AS "workId", w.title
       FROM (${staged}) st
       JOIN rights_registry.works w
         ON w.normalized_title = st.normalized_title AND w.category = st.category
       WHERE st.holder_ids = ARRAY(
         SELECT DISTINCT sh.holder_id FROM rights_registry.shares sh
         WHERE sh.version_id = (
           SELECT v.id FROM rights_registry.share_versions v
           WHERE v.work_id = w.id AND v.effective_from <= now()
           ORDER BY v.effective_from DESC LIMIT 1)
         ORDER BY 1)
       ORDER BY st.line, w.id LIMIT $1`,
      [limit],
    );
    const ofLines = await this.manager.query<StagedDuplicate[]>(
      `SELECT line, first_line AS "firstLine"
       FROM (SELECT st.line, min(st.line) OVER (
               PARTITION BY st.normalized_title, st.category, st.holder_ids) AS first_line
             FROM (${staged}) st) repeated
       WHERE line > first_line
       ORDER BY line LIMIT $1`,
      [limit],
    );
    return [...ofWorks, ...ofLines].sort((a, b) => a.line - b.line);
  }

  /** Moves the staged works into the registry. */
  async register(registeredBy: string, sharesFrom: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO rights_registry.works
         (id, title, normalized_title, category, creator_names, normalized_creators, registered_by)
       SELECT work_id, title, normalized_title, category,
              ARRAY(SELECT jsonb_array_elements_text(creator_names)), normalized_creators, $1
       FROM ${STAGING} ORDER BY line`,
      [registeredBy],
    );
    await this.manager.query(
      `INSERT INTO rights_registry.work_titles (id, work_id, title, normalized_title, language)
       SELECT gen_random_uuid(), s.work_id, t.title, t."normalizedTitle", t.language
       FROM ${STAGING} s CROSS JOIN LATERAL
         jsonb_to_recordset(s.titles) AS t(title text, "normalizedTitle" text, language text)`,
    );
    await this.manager.query(
      `INSERT INTO rights_registry.work_identifiers (scheme, value, work_id)
       SELECT i.scheme, i.value, s.work_id
       FROM ${STAGING} s CROSS JOIN LATERAL jsonb_to_recordset(s.identifiers) AS i(scheme text, value text)`,
    );
    await this.manager.query(
      `INSERT INTO rights_registry.share_versions (id, work_id, effective_from, changed_by)
       SELECT version_id, work_id, $1, $2 FROM ${STAGING}`,
      [sharesFrom, registeredBy],
    );
    await this.manager.query(
      `INSERT INTO rights_registry.shares (version_id, holder_id, right_type, share_bps)
       SELECT s.version_id, h."holderId", h."rightType", h."shareBps"
       FROM ${STAGING} s CROSS JOIN LATERAL
         jsonb_to_recordset(s.shares) AS h("holderId" uuid, "rightType" text, "shareBps" integer)`,
    );
  }

  /** The staged works' titles and creators, `size` works at a time in file order. */
  async *matchTexts(size: number): AsyncGenerator<WorkMatchText[]> {
    let after = 0;
    for (;;) {
      const rows = await this.manager.query<(WorkMatchText & { line: number })[]>(
        `SELECT s.line, s.work_id AS "workId", s.category, s.title,
                ARRAY(SELECT jsonb_array_elements_text(s.creator_names)) AS "creatorNames",
                ARRAY(SELECT t->>'title' FROM jsonb_array_elements(s.titles) t) AS "alternativeTitles"
         FROM ${STAGING} s WHERE s.line > $1 ORDER BY s.line LIMIT $2`,
        [after, size],
      );
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.line;
    }
  }

  /** The staged rows' events, in file order, as the select `Outbox.addSelected` takes. */
  static readonly EVENTS = `SELECT event_id, topic, work_id::text AS aggregate_id, lane, envelope
    FROM ${STAGING} ORDER BY line`;

  private rows(sql: string, parameters: unknown[]): Promise<StagedProblem[]> {
    return this.manager.query<StagedProblem[]>(sql, parameters);
  }
}
