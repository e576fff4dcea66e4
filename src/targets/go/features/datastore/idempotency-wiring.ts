import type { Tree } from '../../../../tree/tree.js';
import { BOOTSTRAP_DIR, goFilesIn } from '../../add/go-files.js';
import type { GoParser } from '../../edit/index.js';
import { readGo, structFieldsOf, topLevelTypes } from '../../inspect/syntax.js';
import type { RootBinding } from './composition-root.js';

/**
 * Whether the composition root keeps an idempotency store in `dependencies` (services generated
 * since Idempotency-Key support); older or reshaped ones do not, and get no idempotency wiring.
 */
export function hasIdempotencySlot(parser: GoParser, tree: Tree): boolean {
  return goFilesIn(tree, BOOTSTRAP_DIR)
    .filter((file) => !file.endsWith('_test.go'))
    .some((file) =>
      readGo(parser, file, tree.read(file) ?? '', (doc) => {
        const struct = topLevelTypes(doc).get('dependencies');
        return struct?.type === 'struct_type' && structFieldsOf(struct).some((field) => field.name === 'idempotency');
      }),
    );
}

/** The statement that keeps idempotency keys in the database, in the transaction of each request's writes. */
export function idempotencyStatement({ deps, cfg, adapter, variable }: RootBinding): string {
  return `${deps}.idempotency = ${adapter.name}.NewIdempotencyStore(${variable}, ${cfg}.Idempotency.KeyTTL)`;
}
