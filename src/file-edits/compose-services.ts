import type { Tree } from '../tree/tree.js';
import { addMapEntry, editYamlFile, quoteSequences } from './yaml-file.js';

export const COMPOSE_FILE = 'compose.yaml';

/**
 * A PostgreSQL server for local development in compose.yaml, and the service pointed at it.
 * The same for every target: the service reads POSTGRES_URL either way. A compose file without
 * the service (renamed by the user) is left alone.
 */
export function addComposePostgres(tree: Tree, name: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    if (!doc.hasIn(['services', name])) return;
    addMapEntry(doc, ['services', name, 'environment'], 'POSTGRES_URL', `postgres://${name}:${name}@postgres:5432/${name}?sslmode=disable`);
    addMapEntry(doc, ['services', name, 'depends_on'], 'postgres', { condition: 'service_healthy' });
    const service = {
      image: 'postgres:17',
      environment: { POSTGRES_USER: name, POSTGRES_PASSWORD: name, POSTGRES_DB: name },
      ports: ['127.0.0.1:5432:5432'],
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      healthcheck: { test: ['CMD', 'pg_isready', '-U', name, '-d', name], interval: '2s', timeout: '5s', retries: 15 },
      restart: 'unless-stopped',
    };
    addMapEntry(doc, ['services'], 'postgres', service, {
      spaced: true,
      comment: ` PostgreSQL for local development (psql postgres://${name}:${name}@localhost:5432/${name});\n the data survives restarts in the postgres-data volume.`,
    });
    quoteSequences(doc.getIn(['services', 'postgres'], true));
    addMapEntry(doc, [], 'volumes', {}, { spaced: true });
    addMapEntry(doc, ['volumes'], 'postgres-data', {});
  });
}

/**
 * A MariaDB server (MySQL-compatible) for local development in compose.yaml, and the service
 * pointed at it: as addComposePostgres, for either target.
 */
export function addComposeMysql(tree: Tree, name: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    if (!doc.hasIn(['services', name])) return;
    addMapEntry(doc, ['services', name, 'environment'], 'MYSQL_URL', `mysql://${name}:${name}@mysql:3306/${name}`);
    addMapEntry(doc, ['services', name, 'depends_on'], 'mysql', { condition: 'service_healthy' });
    const service = {
      image: 'mariadb:11.4',
      environment: { MARIADB_USER: name, MARIADB_PASSWORD: name, MARIADB_DATABASE: name, MARIADB_RANDOM_ROOT_PASSWORD: '1' },
      ports: ['127.0.0.1:3306:3306'],
      volumes: ['mysql-data:/var/lib/mysql'],
      healthcheck: { test: ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized'], interval: '2s', timeout: '5s', retries: 15 },
      restart: 'unless-stopped',
    };
    addMapEntry(doc, ['services'], 'mysql', service, {
      spaced: true,
      comment: ` MariaDB (MySQL-compatible) for local development (mariadb -h 127.0.0.1 -u ${name} -p${name} ${name});\n the data survives restarts in the mysql-data volume.`,
    });
    quoteSequences(doc.getIn(['services', 'mysql'], true));
    addMapEntry(doc, [], 'volumes', {}, { spaced: true });
    addMapEntry(doc, ['volumes'], 'mysql-data', {});
  });
}

/** A Redis server for local development in compose.yaml (a cache: nothing persisted), and the service pointed at it. */
export function addComposeRedis(tree: Tree, name: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    if (!doc.hasIn(['services', name])) return;
    addMapEntry(doc, ['services', name, 'environment'], 'REDIS_ADDR', 'redis:6379');
    addMapEntry(doc, ['services', name, 'depends_on'], 'redis', { condition: 'service_healthy' });
    addMapEntry(
      doc,
      ['services'],
      'redis',
      {
        image: 'redis:7.4',
        command: ['redis-server', '--save', '', '--appendonly', 'no'],
        ports: ['127.0.0.1:6379:6379'],
        healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '2s', timeout: '5s', retries: 15 },
        restart: 'unless-stopped',
      },
      { spaced: true, comment: ' Redis for local development: a cache only, so nothing is persisted.' },
    );
    quoteSequences(doc.getIn(['services', 'redis'], true));
  });
}

/**
 * The SQLite database of the service on a named volume in compose.yaml. The volume is mounted at the
 * home of the image's unprivileged user, which exists in the image with that user as owner, so
 * Docker gives the new volume the same owner and the service can write it (a path the image lacks
 * would get a volume owned by root).
 */
export function addComposeSqlite(tree: Tree, name: string, dataDir: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    if (!doc.hasIn(['services', name])) return;
    addMapEntry(doc, ['services', name, 'environment'], 'SQLITE_PATH', `${dataDir}/${name}.db`);
    addMapEntry(doc, ['services', name], 'volumes', [`sqlite-data:${dataDir}`], {
      before: 'read_only',
      comment: ' The SQLite database (and its write-ahead log) survives restarts in the sqlite-data volume.',
    });
    quoteSequences(doc.getIn(['services', name, 'volumes'], true));
    addMapEntry(doc, [], 'volumes', {}, { spaced: true });
    addMapEntry(doc, ['volumes'], 'sqlite-data', {});
  });
}

/**
 * A NATS server with JetStream for local development in compose.yaml (its streams survive restarts
 * in the nats-data volume), and the service pointed at it. The alpine image has the wget its
 * health check needs; /healthz?js-enabled-only=true answers once JetStream is up.
 */
export function addComposeNats(tree: Tree, name: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    if (!doc.hasIn(['services', name])) return;
    addMapEntry(doc, ['services', name, 'environment'], 'NATS_URL', 'nats://nats:4222');
    addMapEntry(doc, ['services', name, 'depends_on'], 'nats', { condition: 'service_healthy' });
    const service = {
      image: 'nats:2.11-alpine',
      command: ['-js', '-sd', '/data', '-m', '8222'],
      ports: ['127.0.0.1:4222:4222'],
      volumes: ['nats-data:/data'],
      healthcheck: { test: ['CMD', 'wget', '-q', '--spider', 'http://localhost:8222/healthz?js-enabled-only=true'], interval: '2s', timeout: '5s', retries: 15 },
      restart: 'unless-stopped',
    };
    addMapEntry(doc, ['services'], 'nats', service, {
      spaced: true,
      comment: ' NATS with JetStream for local development (nats://localhost:4222);\n the streams survive restarts in the nats-data volume.',
    });
    quoteSequences(doc.getIn(['services', 'nats'], true));
    addMapEntry(doc, [], 'volumes', {}, { spaced: true });
    addMapEntry(doc, ['volumes'], 'nats-data', {});
  });
}

/**
 * One Kafka node in KRaft mode (broker and controller, no ZooKeeper) for local development in
 * compose.yaml, its log in the kafka-data volume, and the service pointed at it. Two listeners: the
 * service reaches kafka:19092 on the compose network, the host localhost:9092.
 */
export function addComposeKafka(tree: Tree, name: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    if (!doc.hasIn(['services', name])) return;
    addMapEntry(doc, ['services', name, 'environment'], 'KAFKA_BROKERS', 'kafka:19092');
    addMapEntry(doc, ['services', name, 'depends_on'], 'kafka', { condition: 'service_healthy' });
    const service = {
      image: 'apache/kafka:4.1.0',
      environment: {
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka:9093',
        KAFKA_LISTENERS: 'INTERNAL://:19092,EXTERNAL://:9092,CONTROLLER://:9093',
        KAFKA_ADVERTISED_LISTENERS: 'INTERNAL://kafka:19092,EXTERNAL://localhost:9092',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
        KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_LOG_DIRS: '/var/lib/kafka/data',
      },
      ports: ['127.0.0.1:9092:9092'],
      volumes: ['kafka-data:/var/lib/kafka/data'],
      healthcheck: { test: ['CMD', '/opt/kafka/bin/kafka-broker-api-versions.sh', '--bootstrap-server', 'localhost:9092'], interval: '5s', timeout: '10s', retries: 20 },
      restart: 'unless-stopped',
    };
    addMapEntry(doc, ['services'], 'kafka', service, {
      spaced: true,
      comment: ' Kafka in KRaft mode for local development (localhost:9092 from the host);\n its log survives restarts in the kafka-data volume.',
    });
    quoteSequences(doc.getIn(['services', 'kafka'], true));
    addMapEntry(doc, [], 'volumes', {}, { spaced: true });
    addMapEntry(doc, ['volumes'], 'kafka-data', {});
  });
}

/** RabbitMQ with its management UI for local development in compose.yaml (queues survive restarts in the rabbitmq-data volume), and the service pointed at it. */
export function addComposeRabbitmq(tree: Tree, name: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    if (!doc.hasIn(['services', name])) return;
    addMapEntry(doc, ['services', name, 'environment'], 'RABBITMQ_URL', 'amqp://guest:guest@rabbitmq:5672/');
    addMapEntry(doc, ['services', name, 'depends_on'], 'rabbitmq', { condition: 'service_healthy' });
    const service = {
      image: 'rabbitmq:4.1-management-alpine',
      hostname: 'rabbitmq',
      ports: ['127.0.0.1:5672:5672', '127.0.0.1:15672:15672'],
      volumes: ['rabbitmq-data:/var/lib/rabbitmq'],
      healthcheck: { test: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'], interval: '5s', timeout: '10s', retries: 20 },
      restart: 'unless-stopped',
    };
    addMapEntry(doc, ['services'], 'rabbitmq', service, {
      spaced: true,
      comment: ' RabbitMQ for local development (amqp://guest:guest@localhost:5672/, UI on\n http://localhost:15672); its state survives restarts in the rabbitmq-data volume.',
    });
    quoteSequences(doc.getIn(['services', 'rabbitmq'], true));
    addMapEntry(doc, [], 'volumes', {}, { spaced: true });
    addMapEntry(doc, ['volumes'], 'rabbitmq-data', {});
  });
}
