import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from './config-validation.error.js';
import { loadConfig, redactConfig } from './load-config.js';
import { GatewayConfig, RightsRegistryConfig } from './service.config.js';
import { StandaloneConfig } from './standalone.config.js';

describe(loadConfig.name, () => {
  it('should apply defaults when the environment is empty', () => {
    const sut = loadConfig(RightsRegistryConfig, {});
    expect(sut.port).toBe(4001);
    expect(sut.DATABASE_URL).toBeUndefined();
    expect(sut.DATA_DIR).toBe('./.data');
    expect(sut.LOG_LEVEL).toBe('info');
  });

  it('should convert numeric variables', () => {
    const sut = loadConfig(RightsRegistryConfig, {
      RIGHTS_REGISTRY_PORT: '5001',
      DB_POOL_SIZE: '3',
    });
    expect(sut.port).toBe(5001);
    expect(sut.DB_POOL_SIZE).toBe(3);
  });

  it('should treat an empty value as unset', () => {
    expect(loadConfig(RightsRegistryConfig, { LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('should name every invalid variable with its value and reason', () => {
    const attempt = () =>
      loadConfig(RightsRegistryConfig, { RIGHTS_REGISTRY_PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigValidationError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigValidationError).problems;
      expect(problems.map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'RIGHTS_REGISTRY_PORT']);
      expect((error as Error).message).toContain('RIGHTS_REGISTRY_PORT (value: "abc")');
      expect((error as Error).message).toContain('LOG_LEVEL (value: "loud")');
    }
  });

  it('should reject a port out of range', () => {
    expect(() => loadConfig(GatewayConfig, { GATEWAY_PORT: '70000' })).toThrow(/GATEWAY_PORT/);
  });

  it('should never echo a secret value in its error', () => {
    const secret = 'mysql://user:hunter2@db/prod';
    try {
      loadConfig(RightsRegistryConfig, { DATABASE_URL: secret });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as Error).message).toContain('DATABASE_URL (value: "[secret]")');
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('should accept a postgres URL and mask it when redacted', () => {
    const sut = loadConfig(RightsRegistryConfig, {
      DATABASE_URL: 'postgres://app:pw@db.internal:5432/clearinghouse',
    });
    expect(sut.DATABASE_URL).toBe('postgres://app:pw@db.internal:5432/clearinghouse');
    expect(redactConfig(sut).DATABASE_URL).toBe('[secret]');
    expect(redactConfig(sut).DB_POOL_SIZE).toBe(10);
  });

  it('should derive subgraph URLs from the service ports unless given', () => {
    const sut = loadConfig(GatewayConfig, {
      OPT_OUT_PORT: '5003',
      AUTHORIZATION_URL: 'http://authorization:4002',
    });
    expect(sut.subgraphs).toEqual([
      { name: 'rights-registry', url: 'http://127.0.0.1:4001' },
      { name: 'authorization', url: 'http://authorization:4002' },
      { name: 'opt-out', url: 'http://127.0.0.1:5003' },
      { name: 'royalty-distribution', url: 'http://127.0.0.1:4004' },
      { name: 'notifications', url: 'http://127.0.0.1:4006' },
    ]);
  });
});

describe('messaging settings', () => {
  it('should default to the PostgreSQL event log', () => {
    expect(loadConfig(RightsRegistryConfig, {}).eventTransport).toBe('postgres');
  });

  it('should take Kafka when brokers are given', () => {
    const sut = loadConfig(RightsRegistryConfig, { KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092' });
    expect(sut.eventTransport).toBe('kafka');
    expect(sut.kafkaBrokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
  });

  it('should require brokers for EVENT_TRANSPORT=kafka', () => {
    expect(() => loadConfig(RightsRegistryConfig, { EVENT_TRANSPORT: 'kafka' })).toThrow(
      /KAFKA_BROKERS is required when EVENT_TRANSPORT is kafka/,
    );
  });

  it('should reject a malformed broker list and an unknown transport', () => {
    expect(() => loadConfig(RightsRegistryConfig, { KAFKA_BROKERS: 'kafka' })).toThrow(/host:port/);
    expect(() => loadConfig(RightsRegistryConfig, { EVENT_TRANSPORT: 'rabbitmq' })).toThrow(
      /EVENT_TRANSPORT/,
    );
  });

  it('should keep the PostgreSQL event log when asked to, even with brokers', () => {
    const sut = loadConfig(RightsRegistryConfig, {
      EVENT_TRANSPORT: 'postgres',
      KAFKA_BROKERS: 'k:9092',
    });
    expect(sut.eventTransport).toBe('postgres');
  });
});

describe(StandaloneConfig.name, () => {
  it('should log to a file under DATA_DIR unless told to log to stdout', () => {
    expect(loadConfig(StandaloneConfig, { DATA_DIR: '/srv/ch' }).logFile).toBe(
      '/srv/ch/logs/clearinghouse.log',
    );
    expect(loadConfig(StandaloneConfig, { LOG_TO: 'stdout' }).logFile).toBeUndefined();
  });

  it('should refuse another log destination', () => {
    expect(() => loadConfig(StandaloneConfig, { LOG_TO: 'terminal' })).toThrow(
      'LOG_TO (value: "terminal")',
    );
  });
});
