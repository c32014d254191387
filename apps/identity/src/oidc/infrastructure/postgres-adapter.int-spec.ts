import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { identityDatabase } from '../../identity.database.js';
import { PostgresAdapter } from './postgres-adapter.js';

describe(PostgresAdapter.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase([identityDatabase]);
    dataSource = await createDataSource(identityDatabase, {
      url: database.url,
      poolSize: 2,
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  function setup(model: string) {
    return { sut: new PostgresAdapter(dataSource, model) };
  }

  it('should store, replace and find a payload by id, per model', async () => {
    const { sut } = setup('AuthorizationCode');
    await sut.upsert('code-1', { accountId: 'a', exp: 1 }, 60);
    await sut.upsert('code-1', { accountId: 'b', exp: 2 }, 60);
    expect(await sut.find('code-1')).toEqual({ accountId: 'b', exp: 2 });
    expect(await setup('RefreshToken').sut.find('code-1')).toBeUndefined();
    expect(await sut.find('unknown')).toBeUndefined();
  });

  it('should find by session uid and by user code', async () => {
    const session = setup('Session').sut;
    await session.upsert('session-1', { uid: 'uid-1', accountId: 'a' }, 60);
    expect(await session.findByUid('uid-1')).toMatchObject({ accountId: 'a' });
    const device = setup('DeviceCode').sut;
    await device.upsert('device-1', { userCode: 'ABCD-EFGH' }, 60);
    expect(await device.findByUserCode('ABCD-EFGH')).toMatchObject({ userCode: 'ABCD-EFGH' });
  });

  it('should mark a consumed record with the time it was used', async () => {
    const { sut } = setup('AuthorizationCode');
    await sut.upsert('code-2', { accountId: 'a' }, 60);
    expect(await sut.find('code-2')).not.toHaveProperty('consumed');
    await sut.consume('code-2');
    expect((await sut.find('code-2'))?.consumed).toEqual(expect.any(Number));
  });

  it('should destroy one record, and every record of a grant', async () => {
    const codes = setup('AuthorizationCode').sut;
    const refresh = setup('RefreshToken').sut;
    await codes.upsert('code-3', { grantId: 'grant-1' }, 60);
    await refresh.upsert('refresh-1', { grantId: 'grant-1' }, 60);
    await refresh.upsert('refresh-2', { grantId: 'grant-2' }, 60);
    await refresh.destroy('refresh-2');
    expect(await refresh.find('refresh-2')).toBeUndefined();
    await refresh.upsert('refresh-3', { grantId: 'grant-2' }, 60);

    await codes.revokeByGrantId('grant-1');

    expect(await codes.find('code-3')).toBeUndefined();
    expect(await refresh.find('refresh-1')).toBeUndefined();
    expect(await refresh.find('refresh-3')).toEqual({ grantId: 'grant-2' });
  });

  it('should never return an expired record, and delete expired ones', async () => {
    const { sut } = setup('Interaction');
    await sut.upsert('gone', { uid: 'gone' }, -1);
    await sut.upsert('kept', { uid: 'kept' }, 3600);
    await sut.upsert('forever', { uid: 'forever' });
    expect(await sut.find('gone')).toBeUndefined();
    expect(await sut.findByUid('gone')).toBeUndefined();

    expect(await PostgresAdapter.deleteExpired(dataSource)).toBe(1);

    const ids = await dataSource.query<{ id: string }[]>(
      `SELECT "id" FROM "identity"."oidc_records" WHERE "model" = 'Interaction' ORDER BY "id"`,
    );
    expect(ids.map((row) => row.id)).toEqual(['forever', 'kept']);
  });
});
