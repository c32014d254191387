import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One object of the OpenID Provider (a session, an interaction, a grant, an authorization code,
 * a refresh token, a client registered at run time...), keyed by its model and id. The provider
 * owns `payload`; the other columns are the lookups its adapter needs.
 */
@Entity({ name: 'oidc_records' })
@Index('oidc_records_grant', ['grantId'])
@Index('oidc_records_user_code', ['userCode'])
@Index('oidc_records_uid', ['uid'])
@Index('oidc_records_expires', ['expiresAt'])
export class OidcRecordEntity {
  @PrimaryColumn({ type: 'text' })
  model: string;

  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** Past this the record no longer exists for the provider; rows are then deleted. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'grant_id', type: 'text', nullable: true })
  grantId: string | null;

  @Column({ name: 'user_code', type: 'text', nullable: true })
  userCode: string | null;

  @Column({ type: 'text', nullable: true })
  uid: string | null;

  /** When a one-time object (an authorization code, a rotated refresh token) was used. */
  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;
}
