/**
 * The parties (as text keys) that are members of society `society` on day `today`: the SQL of
 * RegistryViewReader.societiesOf (memberships count by the UTC day).
 */
export const membersOfSql = (society: string, today: string): string =>
  `SELECT party_id::text FROM royalty_distribution.rv_memberships
   WHERE society_id = ${society} AND member_from <= ${today}::date
     AND (member_to IS NULL OR ${today}::date < member_to)`;
