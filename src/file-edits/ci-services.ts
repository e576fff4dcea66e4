import { isMap } from 'yaml';
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
