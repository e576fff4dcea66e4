import { describe, expect, it } from 'vitest';
import { refuseSecondSqlStore, SQL_DATASTORES, withDatastore } from '../../../src/choices/catalog.js';
import { UsageError } from '../../../src/errors.js';

describe('one SQL store per service', () => {
  it('lets a SQL store join memory and redis, and join itself again (an idempotent add)', () => {
    expect(withDatastore(['memory'], 'mysql')).toEqual(['mysql']);
    expect(withDatastore(['redis'], 'mysql')).toEqual(['mysql', 'redis']);
    expect(withDatastore(['mysql', 'redis'], 'redis')).toEqual(['mysql', 'redis']);
    expect(withDatastore(['mysql'], 'mysql')).toEqual(['mysql']);
  });

  it('refuses a second SQL store, naming both and what does combine', () => {
    expect(() => withDatastore(['postgres', 'redis'], 'mysql')).toThrow(UsageError);
    expect(() => withDatastore(['mysql'], 'postgres')).toThrow('mysql and postgres cannot both be the datastore of one service');
    try {
      withDatastore(['postgres'], 'mysql');
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).hint).toBe('keep one SQL store per service, e.g. --datastore postgres,redis; data that belongs in mysql belongs to another service');
    }
  });

  it('holds for every relational store, including those a branch adds to the catalog later', () => {
    expect([...SQL_DATASTORES].sort()).toEqual(['mysql', 'postgres', 'sqlite']);
    for (const first of SQL_DATASTORES) {
      for (const second of SQL_DATASTORES) {
        if (first === second) expect(() => refuseSecondSqlStore([first, 'redis'], second)).not.toThrow();
        else expect(() => refuseSecondSqlStore([first, 'redis'], second), `${first} then ${second}`).toThrow(UsageError);
      }
      expect(() => refuseSecondSqlStore([first], 'redis')).not.toThrow();
      expect(() => refuseSecondSqlStore(['memory', 'redis'], first)).not.toThrow();
    }
  });
});
