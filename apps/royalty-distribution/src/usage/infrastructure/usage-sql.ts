import { MatchMethod } from '#libs/matching';
import { LINE_REASONS, MAX_QUANTITY_DIGITS, MAX_TITLE_LENGTH } from '../domain/usage-intake.js';

/**
 * SQL of the ECL opt-out rule (libs/contracts/src/rules/opt-out-rule.ts) for set-based work:
 * true when the work `work` was out of the scheme for `useType` at instant `at`, that is when a
 * holder with a share in its share version in force at `at` had an opt-out in force then, for
 * that work or all its works, for that use type. The same scenarios are tested against both.
 */
export function optedOutSql(work: string, useType: string, at: string): string {
  return `EXISTS (
    SELECT 1 FROM royalty_distribution.ov_opt_outs o
    JOIN royalty_distribution.rv_shares sh ON sh.holder_id = o.holder_id AND sh.work_id = ${work}
    WHERE (o.scope = 'ALL_WORKS' OR o.work_id = ${work})
      AND o.effective_from <= ${at}
      AND (o.withdrawn_at IS NULL OR o.withdrawn_at > ${at})
      AND (cardinality(o.use_types) = 0 OR ${useType} = ANY (o.use_types))
      AND sh.effective_from = (
        SELECT max(v.effective_from) FROM royalty_distribution.rv_share_versions v
        WHERE v.work_id = ${work} AND v.effective_from <= ${at}))`;
}

/** Works any opt-out could concern: a cheap hashed pre-check before `optedOutSql`. */
export const OPTED_OUT_CANDIDATES = `SELECT sh.work_id FROM royalty_distribution.ov_opt_outs o
  JOIN royalty_distribution.rv_shares sh ON sh.holder_id = o.holder_id
  WHERE o.scope = 'ALL_WORKS' OR o.work_id = sh.work_id`;

const S = 'royalty_distribution';

/** How a line named by its license, work id or identifier was matched. */
export const IDENTIFIED = { method: MatchMethod.IDENTIFIER, score: 1 } as const;

/** The instant a `date` expression's day starts (UTC). */
export const dayStart = (date: string) => `(${date}::timestamp AT TIME ZONE 'UTC')`;

/** A text as an SQL literal. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Checks every staged line of a report at once and stores it as accepted or rejected:
 * $1 report id, $2 platform id, $3 period start, $4 period end. The first failing check gives
 * the reason; a line's work is its license's, else the work id, else the identifier it names.
 * The converted and resolved lines are materialized, so each conversion runs once a line
 * (inlined, every check would convert again).
 */
export const CHECK_AND_STORE_LINES = `
WITH staged AS MATERIALIZED (
  SELECT s.line, s."licenseId" AS license_text, nullif(s.title, '') AS title,
         nullif(s."useType", '') AS use_type, nullif(s.territory, '') AS territory,
         nullif(s."workId", '') AS work_text, nullif(s.identifier, '') AS identifier,
         CASE WHEN pg_input_is_valid(s."licenseId", 'uuid') THEN s."licenseId"::uuid END AS license_uuid,
         -- Digits and dashes as YYYY-MM-DD (translate is much cheaper than a regular expression).
         CASE WHEN length(s."usageDate") = 10 AND translate(s."usageDate", '0123456789', '') = '--'
                   AND strpos(s."usageDate", '-') = 5
                   AND substr(s."usageDate", 8, 1) = '-' AND pg_input_is_valid(s."usageDate", 'date')
              THEN s."usageDate"::date END AS usage_date,
         CASE WHEN length(s.quantity) BETWEEN 1 AND ${MAX_QUANTITY_DIGITS} AND translate(s.quantity, '0123456789', '') = ''
              THEN s.quantity::bigint END AS quantity
  FROM pg_temp.usage_import s
), licensed AS (
  SELECT st.*, l.id AS license_id, l.society_id, l.scheme_id, l.category,
         l.use_type AS licensed_use, l.territory AS licensed_territory, l.valid_from, l.valid_to,
         l.revoked_from, l.unidentified_reference AS license_reference, l.work_id AS licensed_work,
         -- Only lines of a license for an unidentified work name their work themselves.
         CASE WHEN l.id IS NOT NULL AND l.work_id IS NULL AND st.identifier ~ '^[A-Za-z]+:.*[0-9A-Za-z]'
              THEN upper(split_part(st.identifier, ':', 1)) || ':' ||
                   upper(regexp_replace(substr(st.identifier, strpos(st.identifier, ':') + 1), '[^0-9A-Za-z]', '', 'g'))
         END AS identifier_key
  FROM staged st
  LEFT JOIN ${S}.licenses l ON l.id = st.license_uuid AND l.platform_id = $2
), resolved AS (
  SELECT x.*, coalesce(x.licensed_work, named.id, identified.work_id) AS work_id
  FROM licensed x
  LEFT JOIN LATERAL (
    SELECT w.id FROM ${S}.rv_works w
    WHERE x.licensed_work IS NULL AND x.license_id IS NOT NULL AND x.work_text IS NOT NULL
      -- The cast inside CASE: a condition's order is the planner's, and a bad id must not fail the file.
      AND w.id = CASE WHEN pg_input_is_valid(x.work_text, 'uuid') THEN x.work_text::uuid END
  ) named ON true
  LEFT JOIN LATERAL (
    SELECT wi.work_id FROM ${S}.rv_work_identifiers wi
    WHERE x.identifier_key IS NOT NULL
      AND wi.scheme = split_part(x.identifier_key, ':', 1) AND wi.value = split_part(x.identifier_key, ':', 2)
  ) identified ON true
), checked AS (
  SELECT r.*, CASE
    WHEN r.license_uuid IS NULL
      THEN 'licenseId: ' || coalesce('"' || r.license_text || '"', 'empty') || ' is not a license id'
    WHEN r.license_id IS NULL THEN 'licenseId: no license ' || r.license_uuid || ' of this platform'
    WHEN r.use_type IS DISTINCT FROM r.licensed_use
      THEN 'useType: ' || coalesce(r.use_type, 'empty') || ' is not licensed; the license covers ' || r.licensed_use
    WHEN r.licensed_territory <> 'WORLD' AND r.territory IS DISTINCT FROM r.licensed_territory
      THEN 'territory: ' || coalesce(r.territory, 'empty') || ' is not licensed; the license covers ' || r.licensed_territory
    WHEN r.quantity IS NULL OR r.quantity < 1 THEN ${literal(LINE_REASONS.quantity)}
    WHEN r.usage_date IS NULL THEN ${literal(LINE_REASONS.usageDate)}
    WHEN length(r.title) > ${MAX_TITLE_LENGTH} THEN ${literal(LINE_REASONS.title)}
    WHEN r.usage_date < $3::date OR r.usage_date >= $4::date
      THEN 'usageDate: ' || r.usage_date || ' is outside the report period'
    WHEN r.usage_date < r.valid_from OR r.usage_date >= r.valid_to
      THEN 'usageDate: ' || r.usage_date || ' is outside the license period [' || r.valid_from || ', ' || r.valid_to || ')'
    WHEN r.revoked_from IS NOT NULL AND ${dayStart('r.usage_date')} >= r.revoked_from
      THEN 'the license was revoked from ' || to_char(r.revoked_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    WHEN r.work_id IN (${OPTED_OUT_CANDIDATES})
      THEN CASE WHEN ${optedOutSql('r.work_id', 'r.use_type', dayStart('r.usage_date'))}
                THEN 'the work was opted out of extended collective licensing on ' || r.usage_date END
  END AS reason
  FROM resolved r
), rejected AS (
  INSERT INTO royalty_distribution.usage_rejections (report_id, line, reason)
  SELECT $1, line, reason FROM checked WHERE reason IS NOT NULL
)
INSERT INTO royalty_distribution.usage_lines
  (report_id, line, license_id, society_id, scheme_id, category, work_id, unidentified_reference,
   identifier_key, title, match_method, match_score, use_type, territory, quantity, usage_date)
SELECT $1, line, license_id, society_id, scheme_id, category, work_id,
       CASE WHEN work_id IS NULL
            THEN coalesce(license_reference, identifier_key, 'line:' || $1 || ':' || line) END,
       CASE WHEN work_id IS NOT NULL THEN NULL
            WHEN identifier_key IS NOT NULL THEN identifier_key
            WHEN license_reference ~ '^[A-Z]+:' AND license_reference !~ '^(title|work):'
              THEN license_reference END,
       CASE WHEN work_id IS NULL THEN title END,
       CASE WHEN work_id IS NOT NULL THEN ${literal(IDENTIFIED.method)} END,
       CASE WHEN work_id IS NOT NULL THEN ${IDENTIFIED.score} END,
       use_type, territory, quantity, usage_date
FROM checked WHERE reason IS NULL`;

/**
 * The title a line still without a work is matched by (of usage_lines `u`): its own, else,
 * when it names no identifier either, the title its license was requested for
 * (`title:<title>|creator:<creator>`, the reference of a license for an unidentified work).
 */
export const LINE_TITLE = `coalesce(u.title, CASE WHEN u.identifier_key IS NULL AND u.unidentified_reference LIKE 'title:%'
  THEN split_part(substr(u.unidentified_reference, 7), '|creator:', 1) END)`;

/** The creator named with `LINE_TITLE`: the license's, when the title is the license's. */
export const LINE_CREATOR = `CASE WHEN u.title IS NULL
  THEN nullif(split_part(u.unidentified_reference, '|creator:', 2), '') END`;
