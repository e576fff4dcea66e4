import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';

/**
 * The commands of README.md's fenced block opened with ```<info> (for example "sh try"), one per
 * command: blank lines dropped, backslash-continued lines joined. The README marks the blocks a
 * newcomer runs this way so that tests run exactly what it shows.
 */
export function readmeCommands(info: string, readme = path.join(REPO_ROOT, 'README.md')): string[] {
  const lines = fs.readFileSync(readme, 'utf8').split('\n');
  const start = lines.indexOf('```' + info);
  if (start === -1) throw new Error(`README.md has no \`\`\`${info} block`);
  const end = lines.indexOf('```', start + 1);
  const commands: string[] = [];
  let pending = '';
  for (const line of lines.slice(start + 1, end)) {
    if (line.trim() === '') continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    commands.push(pending + line);
    pending = '';
  }
  return commands;
}
