import fs from 'node:fs';
import path from 'node:path';

/**
 * A generated service plus one realistic hand edit, and the adds a team would run on it over the
 * following weeks. The corpus tests hold every add to one promise: it exits 0 and the service still
 * builds and passes its checks, or it exits non-zero and every file is byte-identical.
 */
export interface EditedService {
  /** Unique, kebab-case: the test name and the folder name. */
  id: string;
  target: 'go' | 'ts';
  /** create-service flags beyond the name, --lang, --yes, --no-git and --no-install. */
  create: readonly string[];
  /** What the user did, in one sentence. */
  edit: string;
  apply(files: ServiceFiles): void;
  adds: readonly CorpusAdd[];
}

/**
 * One `svc` invocation and what it must do. `0` means it grows the service (and changes files);
 * `'noop'` means exit 0 with nothing changed; 1 and 2 are refusals, which must change nothing.
 */
export interface CorpusAdd {
  args: readonly string[];
  expect: 0 | 1 | 2 | 'noop';
  /** Only the compiler (the verification before writing) can see why this add must be refused. */
  compiler?: boolean;
}

export const add = (expect: CorpusAdd['expect'], ...args: string[]): CorpusAdd => ({ args: ['add', ...args], expect });

/** An add that must fail verification: syntax and names are fine, the types are not. */
export const refusedByCompiler = (...args: string[]): CorpusAdd => ({ ...add(1, ...args), compiler: true });

/** Hand edits on a service folder. Every replacement must find its text exactly once. */
export class ServiceFiles {
  constructor(readonly root: string) {}

  read(file: string): string {
    return fs.readFileSync(path.join(this.root, file), 'utf8');
  }

  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.root, file)), { recursive: true });
    fs.writeFileSync(path.join(this.root, file), text);
  }

  remove(file: string): void {
    fs.rmSync(path.join(this.root, file));
  }

  /** Replaces `from` (which must occur exactly once) with `to`. */
  replace(file: string, from: string, to: string): void {
    const text = this.read(file);
    const first = text.indexOf(from);
    if (first === -1) throw new Error(`corpus edit: ${JSON.stringify(from.slice(0, 80))} not found in ${file}`);
    if (text.indexOf(from, first + 1) !== -1) throw new Error(`corpus edit: ${JSON.stringify(from.slice(0, 80))} occurs more than once in ${file}`);
    this.write(file, text.slice(0, first) + to + text.slice(first + from.length));
  }

  /** Replaces every occurrence (at least one) of `from` in `file`. */
  replaceAll(file: string, from: string, to: string): void {
    const text = this.read(file);
    if (!text.includes(from)) throw new Error(`corpus edit: ${JSON.stringify(from.slice(0, 80))} not found in ${file}`);
    this.write(file, text.replaceAll(from, to));
  }

  /** Every file under the root (but node_modules and .git), relative, for edits across the service. */
  files(): string[] {
    return fs
      .readdirSync(this.root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(this.root, path.join(entry.parentPath, entry.name)))
      .filter((file) => !file.startsWith('node_modules') && !file.startsWith('.git/'));
  }
}
