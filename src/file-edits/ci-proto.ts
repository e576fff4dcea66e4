import { isMap, isScalar } from 'yaml';
import type { Tree } from '../tree/tree.js';
import { editYamlFile } from './yaml-file.js';

const WORKFLOW = '.github/workflows/ci.yml';
const BUF = 'go tool -modfile=tools/buf/go.mod buf';

/**
 * The CI job of the gRPC API: buf lint; buf breaking against the default branch on pull requests
 * (once the API exists there); and a regeneration that must leave internal/gen unchanged.
 */
export function addCiProtoJob(tree: Tree): void {
  editYamlFile(tree, WORKFLOW, (doc) => {
    const jobs = doc.get('jobs', true);
    if (!isMap(jobs) || jobs.has('proto')) return;
    const job = doc.createPair('proto', {
      'runs-on': 'ubuntu-latest',
      'timeout-minutes': 15,
      steps: [
        { uses: 'actions/checkout@v6', with: { 'persist-credentials': false, 'fetch-depth': 0 } },
        { uses: 'actions/setup-go@v6', with: { 'go-version-file': 'tools/buf/go.mod' } },
        { name: 'buf lint', run: `${BUF} lint` },
        {
          name: 'buf breaking against the default branch',
          if: "github.event_name == 'pull_request'",
          env: { DEFAULT_BRANCH: '${{ github.event.repository.default_branch }}' },
          run: [
            '# A pull request that brings the API has nothing to compare with.',
            'if git cat-file -e "origin/${DEFAULT_BRANCH}:api/proto" 2>/dev/null; then',
            `  ${BUF} breaking --against ".git#ref=refs/remotes/origin/\${DEFAULT_BRANCH}"`,
            'fi',
            '',
          ].join('\n'),
        },
        { name: 'Regenerating changes nothing', run: `${BUF} generate\ngit diff --exit-code -- internal/gen\n` },
      ],
    });
    if (isScalar(job.key)) job.key.spaceBefore = true;
    jobs.items.push(job);
  });
}
