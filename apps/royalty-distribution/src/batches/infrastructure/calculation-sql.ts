import {
  OPTED_OUT_CANDIDATES,
  dayStart,
  optedOutSql,
} from '../../usage/infrastructure/usage-sql.js';

/*
 * The distribution algorithm of DESIGN.md in SQL, so that memory stays flat however much usage
 * there is. Parameters: $1 batch id, $2 society, $3 category, $4 period start, $5 period end.
 * Integer arithmetic throughout: numeric has no rounding for whole numbers.
 */

const S = 'royalty_distribution';

/** Lines a batch counts: of its reports, society, category and period, not paid before. */
const LINES_IN_SCOPE = `
  FROM ${S}.usage_lines u
  JOIN ${S}.batch_reports br ON br.batch_id = $1 AND br.report_id = u.report_id
  WHERE u.society_id = $2 AND u.category = $3 AND u.usage_date >= $4::date AND u.usage_date < $5::date
    AND u.batch_id IS NULL`;

const OPTED_OUT_LINE = `(u.work_id IS NOT NULL AND u.work_id IN (${OPTED_OUT_CANDIDATES})
  AND ${optedOutSql('u.work_id', 'u.use_type', dayStart('u.usage_date'))})`;

/** The usage reports whose period overlaps the batch's ($1 batch, $2 start, $3 end). */
export const COUNT_REPORTS = `
  INSERT INTO ${S}.batch_reports (batch_id, report_id)
  SELECT $1, r.id FROM ${S}.usage_reports r
  WHERE r.period_start < $3::date AND r.period_end > $2::date`;

/** Whether any opt-out could concern a work (else no line needs the opt-out test). */
export const ANY_OPT_OUT = `SELECT EXISTS (${OPTED_OUT_CANDIDATES}) AS any`;

/** Step 3, last sentence: lines of works opted out on their usage date are exceptions. */
export const RECORD_EXCEPTIONS = `
  INSERT INTO ${S}.batch_exceptions (batch_id, report_id, line, work_id, reason)
  SELECT $1, u.report_id, u.line, u.work_id,
         'the work was opted out of extended collective licensing on ' || u.usage_date
  ${LINES_IN_SCOPE} AND ${OPTED_OUT_LINE}`;

/**
 * The batch's lines summed per work, day, use type and scheme, into a temporary table dropped at
 * commit. A `CREATE TABLE AS` may scan and sum in parallel workers, which an `INSERT ... SELECT`
 * may not: this is the scan over every line of the period. With `exceptions`, the lines
 * RECORD_EXCEPTIONS just recorded (opted out on their usage date) are left out, by key, without
 * testing the opt-outs again.
 */
export const stageDailyUsage = (exceptions: boolean) => `
  CREATE TEMPORARY TABLE batch_daily ON COMMIT DROP AS
  SELECT u.work_id, u.unidentified_reference, u.usage_date, u.use_type, u.scheme_id,
         sum(u.quantity) AS quantity
  ${LINES_IN_SCOPE}
  ${
    exceptions
      ? `AND NOT EXISTS (SELECT 1 FROM ${S}.batch_exceptions e
           WHERE e.batch_id = $1 AND e.report_id = u.report_id AND e.line = u.line)`
      : ''
  }
  GROUP BY 1, 2, 3, 4, 5`;

/**
 * Steps 2 and 3 per use type, from `batch_daily` ($1 batch): points w = quantity x weight(use
 * type); for an identified work, each share of the scheme's right type in the version that pays
 * the usage day (`shareVersionFor` in domain/share-dating.ts, the TypeScript twin tested on the
 * same scenarios) adds w x s to (work, holder) and the rest of 10000 to (work, UNCLAIMED); an
 * unidentified line adds w x 10000 to (reference, UNIDENTIFIED).
 */
export const BUILD_CELL_USES = `
  INSERT INTO ${S}.batch_cell_uses (batch_id, work_key, holder_key, use_type, points)
  WITH weights AS (
    SELECT s.id AS scheme_id, w->>'useType' AS use_type, (w->>'weight')::numeric AS weight,
           s.right_type
    FROM ${S}.schemes s CROSS JOIN LATERAL jsonb_array_elements(s.weights) w
  ), daily AS (
    SELECT * FROM pg_temp.batch_daily
  ), weighted AS (
    SELECT d.work_id, d.unidentified_reference, d.usage_date, d.use_type, w.right_type,
           d.quantity * w.weight AS points
    FROM daily d JOIN weights w ON w.scheme_id = d.scheme_id AND w.use_type = d.use_type
  ), versions AS (
    -- Each share version of the works in use, with the instant it starts paying (the first
    -- version reaches back without limit: rights exist before they are registered) and the
    -- instant the next one replaces it.
    SELECT v.work_id, v.effective_from,
           CASE WHEN lag(v.effective_from) OVER w IS NULL THEN '-infinity'::timestamptz
                ELSE v.effective_from END AS pays_from,
           lead(v.effective_from) OVER w AS effective_to
    FROM ${S}.rv_share_versions v
    WHERE v.work_id IN (SELECT work_id FROM daily WHERE work_id IS NOT NULL)
    WINDOW w AS (PARTITION BY v.work_id ORDER BY v.effective_from)
  ), versioned AS (
    -- A day's usage is paid by the version in force at the start of the day (UTC).
    SELECT x.*, v.effective_from AS version
    FROM weighted x
    LEFT JOIN versions v
      ON v.work_id = x.work_id AND v.pays_from <= ${dayStart('x.usage_date')}
     AND (v.effective_to IS NULL OR ${dayStart('x.usage_date')} < v.effective_to)
    WHERE x.work_id IS NOT NULL
  ), claimed AS (
    SELECT sh.work_id, sh.effective_from, sh.right_type, sum(sh.share_bps) AS bps
    FROM ${S}.rv_shares sh
    WHERE sh.work_id IN (SELECT work_id FROM daily WHERE work_id IS NOT NULL)
    GROUP BY sh.work_id, sh.effective_from, sh.right_type
  ), cells AS (
    SELECT x.work_id::text AS work_key, sh.holder_id::text AS holder_key, x.use_type,
           x.points * sh.share_bps AS points
    FROM versioned x
    JOIN ${S}.rv_shares sh
      ON sh.work_id = x.work_id AND sh.effective_from = x.version AND sh.right_type = x.right_type
    UNION ALL
    SELECT x.work_id::text, 'UNCLAIMED', x.use_type, x.points * (10000 - coalesce(c.bps, 0))
    FROM versioned x
    LEFT JOIN claimed c
      ON c.work_id = x.work_id AND c.effective_from = x.version AND c.right_type = x.right_type
    UNION ALL
    SELECT unidentified_reference, 'UNIDENTIFIED', use_type, points * 10000
    FROM weighted WHERE work_id IS NULL
  )
  SELECT $1, work_key, holder_key, use_type, sum(points) FROM cells
  GROUP BY work_key, holder_key, use_type HAVING sum(points) > 0`;

/**
 * Steps 4 and 5 in one statement ($1 batch, $2 distributable D, $3 society, $4 last day of
 * the period): the cells (summed over use types) each get floor(D x cell / total), then one
 * unit each to the largest remainders, ties by work key then holder key (byte order); members'
 * money is payable, non-members' held, UNCLAIMED, UNIDENTIFIED and disputed works' reserved.
 */
export const ALLOCATE = `
  INSERT INTO ${S}.batch_cells (batch_id, work_key, holder_key, points, amount, status, reason)
  WITH grouped AS (
    SELECT work_key, holder_key, sum(points) AS points FROM ${S}.batch_cell_uses
    WHERE batch_id = $1 GROUP BY work_key, holder_key
  ), total AS (
    SELECT sum(points) AS t FROM grouped
  ), base AS (
    SELECT g.work_key, g.holder_key, g.points, div($2::numeric * g.points, t.t) AS floor,
           mod($2::numeric * g.points, t.t) AS remainder
    FROM grouped g CROSS JOIN total t WHERE t.t > 0
  ), ranked AS (
    SELECT b.*,
           row_number() OVER (ORDER BY remainder DESC, work_key COLLATE "C", holder_key COLLATE "C") AS rank,
           $2::numeric - sum(floor) OVER () AS k
    FROM base b
  ), members AS (
    SELECT DISTINCT party_id::text AS holder_key FROM ${S}.rv_memberships
    WHERE society_id = $3 AND member_from <= $4::date AND (member_to IS NULL OR $4::date < member_to)
  ), disputed AS (
    SELECT DISTINCT work_id::text AS work_key FROM ${S}.rv_disputes WHERE resolved_at IS NULL
  )
  SELECT $1, r.work_key, r.holder_key, r.points,
         r.floor + CASE WHEN r.rank <= r.k THEN 1 ELSE 0 END,
         CASE WHEN r.holder_key IN ('UNCLAIMED', 'UNIDENTIFIED') OR d.work_key IS NOT NULL THEN 'RESERVED'
              WHEN m.holder_key IS NOT NULL THEN 'PAYABLE' ELSE 'HELD' END,
         CASE WHEN r.holder_key IN ('UNCLAIMED', 'UNIDENTIFIED') THEN r.holder_key
              WHEN d.work_key IS NOT NULL THEN 'DISPUTED'
              WHEN m.holder_key IS NOT NULL THEN NULL ELSE 'NON_MEMBER' END
  FROM ranked r
  LEFT JOIN disputed d ON d.work_key = r.work_key
  LEFT JOIN members m ON m.holder_key = r.holder_key`;

/**
 * A holder's statement lines ($1 batch, $2 holder): each of its cells' amount split over the
 * cell's use types by points, with the same largest-remainder rule (ties by use type).
 */
export const STATEMENT_LINES = `
  WITH parts AS (
    SELECT u.work_key, u.use_type, c.amount, c.status,
           div(c.amount * u.points, c.points) AS floor, mod(c.amount * u.points, c.points) AS remainder
    FROM ${S}.batch_cell_uses u
    JOIN ${S}.batch_cells c
      ON c.batch_id = u.batch_id AND c.work_key = u.work_key AND c.holder_key = u.holder_key
    WHERE u.batch_id = $1 AND u.holder_key = $2
  ), ranked AS (
    SELECT p.*,
           row_number() OVER (PARTITION BY work_key ORDER BY remainder DESC, use_type COLLATE "C") AS rank,
           amount - sum(floor) OVER (PARTITION BY work_key) AS k
    FROM parts p
  )
  SELECT work_key, use_type, (floor + CASE WHEN rank <= k THEN 1 ELSE 0 END)::text AS amount, status
  FROM ranked
  ORDER BY work_key, use_type`;

/** SHA-256 of every allocation in key order (hashed in chunks of 10,000 cells). */
export const CHECKSUM = `
  SELECT encode(sha256(convert_to(coalesce(string_agg(h, '' ORDER BY chunk), ''), 'UTF8')), 'hex') AS checksum
  FROM (
    SELECT chunk, encode(sha256(convert_to(string_agg(
             work_key || ',' || holder_key || ',' || amount || ',' || status || E'\\n', ''
             ORDER BY work_key COLLATE "C", holder_key COLLATE "C"), 'UTF8')), 'hex') AS h
    FROM (
      SELECT c.*, (row_number() OVER (ORDER BY work_key COLLATE "C", holder_key COLLATE "C") - 1) / 10000 AS chunk
      FROM ${S}.batch_cells c WHERE c.batch_id = $1
    ) numbered
    GROUP BY chunk
  ) chunks`;

/** The ECL license fees of the period, category and society, in the batch's currency. */
export const LICENSE_FEES = `
  SELECT coalesce(sum(fee_minor), 0)::text AS pool FROM ${S}.licenses
  WHERE society_id = $1 AND category = $2 AND valid_from >= $3::date AND valid_from < $4::date
    AND currency = $5`;

/** Approval: the lines the batch counted are paid by it; no other batch counts them. */
export const MARK_PAID_LINES = `
  UPDATE ${S}.usage_lines u SET batch_id = $1
  FROM ${S}.batch_reports br
  WHERE br.batch_id = $1 AND br.report_id = u.report_id
    AND u.society_id = $2 AND u.category = $3 AND u.usage_date >= $4::date AND u.usage_date < $5::date
    AND u.batch_id IS NULL`;
