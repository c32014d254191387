import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GrantEntity } from './grant.entity.js';

/**
 * Which grant the tokens of one provider grant (one sign-in of one client: its code, refresh
 * and access tokens) act as: chosen on the "act as" page or by token exchange.
 */
@Entity({ name: 'acting_grants' })
@Index('acting_grants_grant', ['grantId'])
export class ActingGrantEntity {
  /** The provider's grant id (the `grantId` of its tokens). */
  @PrimaryColumn({ name: 'oidc_grant_id', type: 'text' })
  oidcGrantId: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'grant_id', type: 'uuid' })
  grantId: string;

  @ManyToOne(() => GrantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grant_id' })
  grant?: GrantEntity;

  @Column({ name: 'chosen_at', type: 'timestamptz' })
  chosenAt: Date;
}
