import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OptOutScope, Role, UseType } from '#libs/contracts';

/** An opt-out; withdrawing sets `withdrawnAt` and keeps the row, so history stays whole. */
@Entity({ name: 'opt_outs' })
@Index('opt_outs_holder', ['holderId'])
@Index('opt_outs_work', ['workId'])
export class OptOutEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @Column({ type: 'text' })
  scope: OptOutScope;

  @Column({ name: 'work_id', type: 'uuid', nullable: true })
  workId: string | null;

  @Column({ name: 'use_types', type: 'text', array: true })
  useTypes: UseType[];

  @Column({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @Column({ name: 'registered_by_role', type: 'text' })
  registeredByRole: Role;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;
}
