import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OptOutScope, UseType } from '#libs/contracts';

/** An opt-out as optout.* events describe it. */
@Entity({ name: 'opt_outs' })
@Index('opt_outs_holder', ['holderId'])
export class OptOutRecord {
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
}
