import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { VERSION } from '../version.js';

type CompiledWrapper = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => unknown;
type CompilingModule = { exports: unknown; _compile(content: string, filename: string): unknown };

/**
 * `require(id)` with V8's compiled code of the CommonJS files it loads kept on disk between runs, for
 * Node without `module.enableCompileCache()` (before 22.1). Compiling TypeScript's 9 MB compiler
 * inside ts-morph is most of what a TypeScript `svc add` costs on Node 20 (for the Handlebars runtime
 * and the precompiled templates it gained nothing measurable: reading the cache costs what it saves).
 * Each file is compiled with vm.Script and the cached data of the last run; at exit the code V8 compiled meanwhile (including the functions the
 * run called) is stored for the files that had no usable cache. The entry's name holds the file's
 * path, size and mtime (V8 checks only the source's length), and V8 rejects data of another build;
 * a rejected file compiles as usual and its cache is written anew. The cache lives in the user's
 * cache directory, in a folder per create-service version, Node version and architecture.
 */
export function requireWithCodeCache(from: string, id: string): unknown {
  const require = createRequire(from);
  const moduleApi = Module as unknown as { enableCompileCache?: unknown; prototype: CompilingModule };
  if (typeof moduleApi.enableCompileCache === 'function' || process.env['CREATE_SERVICE_NO_CODE_CACHE'] !== undefined) return require(id);
  const folder = cacheFolder();
  const proto = moduleApi.prototype;
  const original = proto._compile;
  proto._compile = function compileWithCache(this: CompilingModule, content: string, filename: string): unknown {
    const stat = fs.statSync(filename, { throwIfNoEntry: false });
    if (stat === undefined) return original.call(this, content, filename);
    const key = `${filename}\0${stat.size}\0${stat.mtimeMs}`;
    const file = path.join(folder, `${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}.bin`);
    const cachedData = readIfPresent(file);
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
      // import() inside the file resolves as it would in a module Node loaded itself.
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (cachedData === undefined || script.cachedDataRejected === true) {
      if (pending.length === 0) process.once('exit', storeCodeCache);
      pending.push({ script, file });
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as CompiledWrapper;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  try {
    return require(id);
  } finally {
    proto._compile = original;
  }
}

/** Files compiled without usable cached data, whose code is stored at exit. */
const pending: Array<{ script: vm.Script; file: string }> = [];

function cacheFolder(): string {
  const base =
    process.platform === 'win32'
      ? (process.env['LOCALAPPDATA'] ?? path.join(os.homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Caches')
        : (process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'));
  return path.join(base, 'create-service', `v8-${VERSION}-node${process.version}-${process.arch}`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cached data of the files compiled without it (at exit, so that it holds the functions
 * the run compiled too); returns how many. Best effort: a cache that cannot be written costs the
 * next run its compile time, nothing else.
 */
export function storeCodeCache(): number {
  const scripts = pending.splice(0);
  try {
    for (const { script, file } of scripts) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Written aside and renamed: a concurrent run reads the old file or the new one, never half of one.
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, file);
    }
  } catch {
    // Read-only home, full disk: run uncached.
  }
  return scripts.length;
}
