import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RightType, UseType, WorkCategory } from '#libs/contracts';
import { minorUnits } from '#libs/database';
import type { UseTypeWeight } from '../domain/scheme.js';

@Entity({ name: 'schemes' })
@Index('schemes_category', ['category'])
export class SchemeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'society_id', type: 'uuid' })
  societyId: string;

  @Column({ type: 'text' })
  category: WorkCategory;

  @Column({ name: 'use_types', type: 'text', array: true })
  useTypes: UseType[];

  @Column({ type: 'text', array: true })
  territories: string[];

  @Column({ name: 'right_type', type: 'text' })
  rightType: RightType;

  @Column({
    name: 'unit_rate_minor',
    type: 'numeric',
    precision: 38,
    scale: 0,
    transformer: minorUnits,
  })
  unitRateMinor: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'covers_unidentified', type: 'boolean' })
  coversUnidentified: boolean;

  @Column({ type: 'jsonb' })
  weights: UseTypeWeight[];

  @Column({ type: 'boolean' })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
