import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Injectable,
  Module,
  type INestApplicationContext,
  type OnModuleInit,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { RightsRegistryConfig, loadConfig } from '#libs/config';
import { PartyKind, PartyRegistered, Topics, type PartyRegisteredV1 } from '#libs/contracts';
import { DatabaseModule } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { CONTRACT_SCHEMA, contractDatabase } from '../../../test/support/messaging/fixtures.js';
import { handlerFor } from './consumer/event-consumer.js';
import { Messaging, MessagingModule } from './messaging.module.js';
import { Outbox } from './outbox/outbox.js';
import { eventLogDatabase } from './postgres/event-log.database.js';

@Injectable()
class PartyProjection implements OnModuleInit {
  constructor(private readonly messaging: Messaging) {}

  onModuleInit(): void {
    this.messaging.register('test.parties', [
      handlerFor(PartyRegistered, async (event, manager) => {
        await manager.query(
          `INSERT INTO "${CONTRACT_SCHEMA}"."handled" ("event_id", "key", "n") VALUES ($1, $2, 0)`,
          [event.eventId, event.payload.name],
        );
      }),
    ]);
  }
}

describe(MessagingModule.name, () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const registry = new Registry();

  beforeAll(async () => {
    database = await createTestDatabase([eventLogDatabase, contractDatabase]);
    const config = loadConfig(RightsRegistryConfig, { EVENT_POLL_INTERVAL_MS: '200' });
    @Module({
      imports: [
        DatabaseModule.forService(contractDatabase, { url: database.url, poolSize: 4 }),
        MessagingModule.forService({
          service: 'contract-service',
          schema: CONTRACT_SCHEMA,
          produces: [Topics.registryParty],
          config,
          databaseUrl: database.url,
          logger: pino({ level: 'silent' }),
          registry,
        }),
      ],
      providers: [PartyProjection],
    })
    class TestServiceModule {}
    app = await NestFactory.createApplicationContext(TestServiceModule, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('should deliver an event written through the outbox to a registered consumer', async () => {
    const dataSource = app.get(DataSource);
    const outbox = app.get(Outbox);
    const partyId = randomUUID();
    const payload: PartyRegisteredV1 = {
      partyId,
      kind: PartyKind.RIGHT_HOLDER,
      name: '山田 花子',
      ipiNameNumber: null,
      country: 'JP',
      memberOfSocietyId: null,
    };
    await dataSource.transaction((manager) =>
      outbox.add(manager, [
        { definition: PartyRegistered, aggregateId: partyId, payload, correlationId: 'req-42' },
      ]),
    );

    const deadline = Date.now() + 30_000;
    let rows: { key: string }[] = [];
    while (rows.length === 0 && Date.now() < deadline) {
      rows = await dataSource.query(`SELECT "key" FROM "${CONTRACT_SCHEMA}"."handled"`);
      if (rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rows).toEqual([{ key: '山田 花子' }]);

    const metrics = await registry.metrics();
    expect(metrics).toContain(
      'events_handled_total{consumer="test.parties",type="registry.party.registered"} 1',
    );
    expect(metrics).toContain('events_published_total 1');
    expect(metrics).toMatch(
      /event_consumer_lag\{consumer="test.parties",topic="registry.party.v1"\} 0/,
    );
    await expect(app.get(Messaging).status()).resolves.toEqual({
      transport: 'postgres',
      outboxPending: 0,
      lag: { 'test.parties': { 'registry.party.v1': 0 } },
    });
  });

  it('should refuse an outbox write outside a transaction', async () => {
    const dataSource = app.get(DataSource);
    const partyId = randomUUID();
    await expect(
      app.get(Outbox).add(dataSource.manager, [
        {
          definition: PartyRegistered,
          aggregateId: partyId,
          payload: {
            partyId,
            kind: PartyKind.PLATFORM,
            name: 'x',
            ipiNameNumber: null,
            country: null,
            memberOfSocietyId: null,
          },
          correlationId: 'c',
        },
      ]),
    ).rejects.toThrow(/open transaction/);
  });

  it('should publish prepared events added in bulk, in their order', async () => {
    const dataSource = app.get(DataSource);
    const outbox = app.get(Outbox);
    const partyId = randomUUID();
    const names = ['一', '二', '三', '四', '五'].map((n) => `${n} ${partyId}`);
    await dataSource.transaction((manager) =>
      outbox.addPrepared(
        manager,
        names.map((name, i) =>
          outbox.prepare(
            {
              definition: PartyRegistered,
              aggregateId: partyId,
              correlationId: 'bulk',
              payload: {
                partyId,
                kind: PartyKind.RIGHT_HOLDER,
                name,
                ipiNameNumber: null,
                country: 'JP',
                memberOfSocietyId: null,
              },
            },
            { validatePayload: i === 0 },
          ),
        ),
      ),
    );

    const deadline = Date.now() + 30_000;
    let rows: { key: string }[] = [];
    while (rows.length < names.length && Date.now() < deadline) {
      rows = await dataSource.query(
        `SELECT "key" FROM "${CONTRACT_SCHEMA}"."handled" WHERE "key" LIKE $1 ORDER BY "seq"`,
        [`%${partyId}`],
      );
      if (rows.length < names.length) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rows.map((row) => row.key)).toEqual(names);
  });

  it('should refuse a bulk outbox write outside a transaction', async () => {
    const outbox = app.get(Outbox);
    const partyId = randomUUID();
    const prepared = outbox.prepare({
      definition: PartyRegistered,
      aggregateId: partyId,
      correlationId: 'c',
      payload: {
        partyId,
        kind: PartyKind.PLATFORM,
        name: 'x',
        ipiNameNumber: null,
        country: null,
        memberOfSocietyId: null,
      },
    });
    await expect(outbox.addPrepared(app.get(DataSource).manager, [prepared])).rejects.toThrow(
      /open transaction/,
    );
  });
});
