import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An endpoint its owner deleted: what remains of it, so that deleting it again answers as the
 * first time did (for whoever may manage the owner's endpoints) and the log keeps its owner.
 */
@Entity({ name: 'webhook_endpoint_deletions' })
export class WebhookEndpointDeletionEntity {
  @PrimaryColumn({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @Column({ name: 'owner_party_id', type: 'uuid' })
  ownerPartyId: string;

  @Column({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt: Date;

  @Column({ name: 'deleted_by', type: 'uuid' })
  deletedBy: string;
}
