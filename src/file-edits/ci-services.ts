import { isMap, isSeq } from 'yaml';
import type { Tree } from '../tree/tree.js';
import { addMapEntry, editYamlFile } from './yaml-file.js';

export const CI_WORKFLOW_FILE = '.github/workflows/ci.yml';
const TEST_JOB = ['jobs', 'test'];

/** The server a datastore's integration tests need in CI, and the variable that points them at it. */
const CONTAINERS = {
  postgres: {
    container: {
      image: 'postgres:17',
      env: { POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'test' },
      ports: ['5432:5432'],
      options: '--health-cmd "pg_isready -U postgres" --health-interval 2s --health-timeout 5s --health-retries 15',
    },
    variable: ['POSTGRES_TEST_URL', 'postgres://postgres:postgres@localhost:5432/test?sslmode=disable'],
  },
  mysql: {
    container: {
      image: 'mariadb:11.4',
      env: { MARIADB_ALLOW_EMPTY_ROOT_PASSWORD: '1' },
      ports: ['3306:3306'],
      options: '--health-cmd "healthcheck.sh --connect --innodb_initialized" --health-interval 2s --health-timeout 5s --health-retries 15',
    },
    variable: ['MYSQL_TEST_URL', 'mysql://root@127.0.0.1:3306/'],
  },
  redis: {
    container: {
      image: 'redis:7.4',
      ports: ['6379:6379'],
      options: '--health-cmd "redis-cli ping" --health-interval 2s --health-timeout 5s --health-retries 15',
    },
    variable: ['REDIS_TEST_ADDR', 'localhost:6379'],
  },
  rabbitmq: {
    container: {
      image: 'rabbitmq:4.1-management-alpine',
      ports: ['5672:5672'],
      options: '--health-cmd "rabbitmq-diagnostics -q ping" --health-interval 5s --health-timeout 10s --health-retries 20',
    },
    variable: ['RABBITMQ_TEST_URL', 'amqp://guest:guest@localhost:5672/'],
  },
  kafka: {
    // One KRaft node with the image's defaults (broker and controller), advertised on localhost.
    container: {
      image: 'apache/kafka:4.1.0',
      ports: ['9092:9092'],
      options: '--health-cmd "/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092" --health-interval 5s --health-timeout 10s --health-retries 20',
    },
    variable: ['KAFKA_TEST_BROKERS', 'localhost:9092'],
  },
} as const;

/**
 * Adds the datastore's service container and test variable to the `test` job of the generated
 * GitHub Actions workflow. GitHub sets CI, and under CI the integration tests fail rather than
 * skip without their server, so a workflow without the container would be red from the first push.
 * A workflow without a `test` job (the user reorganised it) is left alone.
 */
export function addCiServiceContainer(tree: Tree, store: keyof typeof CONTAINERS): void {
  editYamlFile(tree, CI_WORKFLOW_FILE, (doc) => {
    if (!isMap(doc.getIn(TEST_JOB, true))) return;
    const { container, variable } = CONTAINERS[store];
    addMapEntry(doc, TEST_JOB, 'services', {}, { before: 'steps', comment: ' The integration tests run against these and fail (rather than skip) when CI is set.' });
    addMapEntry(doc, [...TEST_JOB, 'services'], store, container);
    addMapEntry(doc, TEST_JOB, 'env', {}, { before: 'steps' });
    addMapEntry(doc, [...TEST_JOB, 'env'], variable[0], variable[1]);
  });
}

const NATS_STEP = 'Start NATS with JetStream';

/**
 * NATS for the integration tests of the generated workflow's `test` job. GitHub's service
 * containers take no command, and NATS needs `-js` for JetStream, so a step starts it before the
 * tests and waits until it listens. A job without steps, or with the step already, is left alone.
 */
export function addCiNats(tree: Tree): void {
  editYamlFile(tree, CI_WORKFLOW_FILE, (doc) => {
    const steps = doc.getIn([...TEST_JOB, 'steps'], true);
    if (!isSeq(steps)) return;
    if (steps.items.some((step) => isMap(step) && step.get('name') === NATS_STEP)) return;
    const step = doc.createNode({
      name: NATS_STEP,
      run: 'docker run --detach --name nats --publish 4222:4222 nats:2.11-alpine -js\nfor _ in $(seq 30); do nc -z localhost 4222 && exit 0; sleep 1; done; docker logs nats; exit 1\n',
    });
    const test = steps.items.findIndex((item) => isMap(item) && item.get('name') === 'Test');
    steps.items.splice(test === -1 ? steps.items.length : test, 0, step);
    addMapEntry(doc, TEST_JOB, 'env', {}, { before: 'steps' });
    addMapEntry(doc, [...TEST_JOB, 'env'], 'NATS_TEST_URL', 'nats://localhost:4222');
  });
}
