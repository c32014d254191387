import { describe, expect, it } from '@jest/globals';
import { createTestDatabase } from '#libs/testing';
import { systemServices } from '../../apps/standalone/src/services.js';
import { pendingChanges } from './pending-changes.js';

describe(pendingChanges.name, () => {
  it.each(systemServices.map((service) => [service.name, service] as const))(
    'should find the %s entities fully covered by its migrations',
    async (_name, service) => {
      const database = await createTestDatabase();
      try {
        const diff = await pendingChanges(await service.load(), database.url);
        expect(diff.up.map((statement) => statement.query)).toEqual([]);
      } finally {
        await database.drop();
      }
    },
  );
});
