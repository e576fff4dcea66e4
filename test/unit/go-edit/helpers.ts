import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { firstSyntaxError } from '../../../src/targets/go/edit/document.js';
import { loadGoParser } from '../../../src/targets/go/edit/parser.js';
import type { GoParser } from '../../../src/targets/go/edit/parser.js';

export const GOFMT = process.env['GOFMT'] ?? (existsSync('/usr/local/go/bin/gofmt') ? '/usr/local/go/bin/gofmt' : 'gofmt');

export function goParser(): Promise<GoParser> {
  return loadGoParser();
}

/** gofmt's rendering of `text` (throws when gofmt rejects it). */
export function gofmt(text: string): string {
  return execFileSync(GOFMT, [], { input: text, encoding: 'utf8' });
}

export function expectGofmtClean(text: string): void {
  expect(gofmt(text)).toBe(text);
}

/** Writes every text to a temp dir and runs `gofmt -l` over it; returns the files it lists. */
export function gofmtList(texts: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'go-edit-'));
  try {
    texts.forEach((text, index) => writeFileSync(join(dir, `case${index}.go`), text));
    const listed = execFileSync(GOFMT, ['-l', dir], { encoding: 'utf8' });
    return listed.split('\n').filter((line) => line.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function expectParsesClean(parser: GoParser, text: string): void {
  const tree = parser.parse(text);
  try {
    expect(firstSyntaxError(tree.rootNode)).toBeNull();
  } finally {
    tree.delete();
  }
}

/** Joins rows into a Go file with a final newline. */
export function go(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/** Calls `fn`, expects it to throw an instance of `type`, returns the error. */
export function thrown<E extends Error>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected ${type.name} to be thrown`);
}
