import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkCategory } from '#libs/contracts';
import type { SchemeTerms } from '../domain/scheme.js';
import { SchemeEntity } from '../infrastructure/scheme.entity.js';

@Injectable()
export class SchemeQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Schemes, oldest first, optionally of one society or category. */
  list(filter: {
    societyId?: string | null;
    category?: WorkCategory | null;
  }): Promise<SchemeEntity[]> {
    return this.dataSource.manager.find(SchemeEntity, {
      where: {
        ...(filter.societyId ? { societyId: filter.societyId } : {}),
        ...(filter.category ? { category: filter.category } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every active scheme, as the decision rules read them. */
  async active(manager?: EntityManager): Promise<SchemeTerms[]> {
    return (manager ?? this.dataSource.manager).find(SchemeEntity, { where: { active: true } });
  }

  byId(id: string): Promise<SchemeEntity | null> {
    return this.dataSource.manager.findOneBy(SchemeEntity, { id });
  }
}
