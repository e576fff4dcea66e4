import { describe as group, expect, it } from 'vitest';
import type { ts } from 'ts-morph';
import { loadTsMorph } from '../../../src/targets/ts/edit/session.js';
import { awaitsInstall, declaredPackages, describe, packageOf } from '../../../src/targets/ts/verify/diagnostics.js';

const morph = (await loadTsMorph()).ts;
const root = '/srv/orders';
const text = "import Fastify from 'fastify';\nimport { x } from './x.js';\nimport fs from 'node:fs';\nimport z from 'zod/v4';\nimport o from '@opentelemetry/api/sub';\n";
const source = morph.createSourceFile(`${root}/src/a.ts`, text, morph.ScriptTarget.ES2022, true);

/** A diagnostic on the string literal `quoted` of the file, as the checker reports a missing module. */
function at(quoted: string, code = 2307, messageText = `Cannot find module ${quoted}.`): ts.Diagnostic {
  const start = text.indexOf(quoted);
  return { file: source, start, length: quoted.length, code, category: morph.DiagnosticCategory.Error, messageText };
}

group('TypeScript verifier: diagnostics', () => {
  it('names the package of an import specifier: scoped, subpaths, node builtins, none for relative ones', () => {
    expect(packageOf('pg')).toBe('pg');
    expect(packageOf('zod/v4')).toBe('zod');
    expect(packageOf('@opentelemetry/api/sub')).toBe('@opentelemetry/api');
    expect(packageOf('node:fs')).toBe('@types/node');
    expect(packageOf('fs')).toBe('@types/node');
    expect(packageOf('./x.js')).toBeNull();
  });

  it('reads every declared package from package.json', () => {
    expect([...declaredPackages(JSON.stringify({ dependencies: { fastify: '5' }, devDependencies: { '@types/node': '22' }, peerDependencies: { zod: '4' } }))].sort()).toEqual(['@types/node', 'fastify', 'zod']);
    expect(declaredPackages(undefined).size).toBe(0);
    expect(declaredPackages('{ not json').size).toBe(0);
  });

  it('treats a missing module as "not installed yet" only for a package the service declares', () => {
    const declared = new Set(['fastify', 'zod', '@opentelemetry/api', '@types/node']);
    expect(awaitsInstall(at("'fastify'"), declared)).toBe(true);
    expect(awaitsInstall(at("'zod/v4'"), declared)).toBe(true);
    expect(awaitsInstall(at("'@opentelemetry/api/sub'"), declared)).toBe(true);
    expect(awaitsInstall(at("'node:fs'"), declared)).toBe(true);
    // A relative import that does not resolve is the code's fault; so is an undeclared package.
    expect(awaitsInstall(at("'./x.js'"), declared)).toBe(false);
    expect(awaitsInstall(at("'fastify'"), new Set(['zod']))).toBe(false);
    expect(awaitsInstall(at("'node:fs'"), new Set(['fastify']))).toBe(false);
    // Any other error on the same spot is real.
    expect(awaitsInstall(at("'fastify'", 2322, 'Type mismatch'), declared)).toBe(false);
    expect(awaitsInstall({ file: undefined, start: undefined, length: undefined, code: 2688, category: morph.DiagnosticCategory.Error, messageText: "Cannot find type definition file for 'node'." }, declared)).toBe(true);
  });

  it('prints file:line:col relative to the service root, and keys a diagnostic without its position or suggestion', () => {
    const found = describe(morph, at("'./x.js'", 2304, "Cannot find name 'Ordr'."), root);
    expect(found.text).toBe("src/a.ts:2:19: error TS2304: Cannot find name 'Ordr'.");
    const suggested = describe(morph, at("'fastify'", 2552, "Cannot find name 'Ordr'. Did you mean 'Order'?"), root);
    expect(suggested.key).toBe(found.key);
    expect(describe(morph, at("'fastify'", 2304, "Cannot find name 'Other'."), root).key).not.toBe(found.key);
  });
});
