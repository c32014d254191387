/**
 * SQL: a holder matching `holderCondition` (on `s."holder_id"`) has a share in the work
 * `workColumn` now, in the latest share version in force (domain/share-history `holdersAt`).
 */
export function holdsShareNow(workColumn: string, holderCondition: string): string {
  return `EXISTS (SELECT 1 FROM "rights_registry"."share_versions" v
                   JOIN "rights_registry"."shares" s ON s."version_id" = v."id"
                  WHERE v."work_id" = ${workColumn} AND ${holderCondition}
                    AND v."effective_from" = (
                      SELECT max(latest."effective_from") FROM "rights_registry"."share_versions" latest
                       WHERE latest."work_id" = ${workColumn} AND latest."effective_from" <= now()))`;
}
