import { createRequire } from 'node:module';
import { Language, Parser, Query } from 'web-tree-sitter';
import type { Tree } from 'web-tree-sitter';
import { TreeReuse } from './tree-reuse.js';

/** A tree-sitter parser for Go plus a cache of compiled queries. */
export class GoParser {
  private readonly queries = new Map<string, Query>();
  // A few files are edited in turn (create wires datastores into several); snippets come in between.
  private readonly reuse = new TreeReuse(8);

  constructor(
    private readonly parser: Parser,
    readonly language: Language,
  ) {}

  /** The caller owns the tree and must `delete()` it (it lives in wasm memory). */
  parse(text: string): Tree {
    const known = this.reuse.exact(text);
    if (known !== null) return known;
    const old = this.reuse.nearest(text);
    const tree = this.parser.parse(text, old);
    old?.delete();
    if (tree === null) throw new Error('tree-sitter returned no tree');
    this.reuse.remember(text, tree);
    return tree;
  }

  query(source: string): Query {
    let query = this.queries.get(source);
    if (query === undefined) {
      query = new Query(this.language, source);
      this.queries.set(source, query);
    }
    return query;
  }
}

let loading: Promise<GoParser> | undefined;

export function loadGoParser(): Promise<GoParser> {
  loading ??= createGoParser().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function createGoParser(): Promise<GoParser> {
  const wasmPath = createRequire(import.meta.url).resolve('tree-sitter-go/tree-sitter-go.wasm');
  await Parser.init();
  const language = await Language.load(wasmPath);
  const parser = new Parser();
  parser.setLanguage(language);
  return new GoParser(parser, language);
}
