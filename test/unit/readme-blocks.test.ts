import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryCommands } from '../../scripts/start-next-steps.mjs';
import { readmeCommands } from '../helpers/readme-blocks.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('readmeCommands', () => {
  it('returns the commands of the block with that info string, continuations joined', () => {
    const readme = path.join(makeTempDir(), 'README.md');
    fs.writeFileSync(readme, ['```sh', 'not this', '```', '```sh try', 'curl -i a \\', '  -d x', '', 'curl b', '```', '```sh', 'nor this', '```'].join('\n'));
    expect(readmeCommands('sh try', readme)).toEqual(['curl -i a    -d x', 'curl b']);
    expect(() => readmeCommands('sh grow', readme)).toThrow(/no ```sh grow block/);
  });

  it('finds the blocks a newcomer runs in the real README, with the JSON content type on the POST', () => {
    expect(readmeCommands('sh setup')).toEqual(['npm link']);
    expect(readmeCommands('sh start')).toEqual(['npm start']);
    const [health, create, read] = readmeCommands('sh try');
    expect(health).toBe('curl -i localhost:8080/healthz');
    expect(create).toContain("-H 'Content-Type: application/json'");
    expect(read).toContain('/v1/orders/<id>');
    expect(tryCommands('8080'), 'npm start prints the README\'s commands').toEqual(readmeCommands('sh try'));
    expect(readmeCommands('sh grow').some((command) => command.startsWith('svc add usecase') && command.includes('--uses Orders'))).toBe(true);
  });
});
