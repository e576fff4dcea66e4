import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';

/** How a YAML document is written, so that text added to it is written the same way. */
export interface YamlLayout {
  /** Spaces per nesting level. */
  indent: number;
  /** `key:\n  - item` (true) or `key:\n- item` (false). */
  indentSeq: boolean;
  /** Quoted strings use 'single quotes' (true) or "double quotes" (false). */
  singleQuote: boolean;
  /** The document writes short lists as flow sequences (`[a, b]`). */
  flowLists: boolean;
  /** `[ a ]` (true) or `[a]` (false). */
  flowPadding: boolean;
  eol: '\n' | '\r\n';
}

/** The column of offset `at`: how many characters precede it on its line. */
export function columnOf(text: string, at: number): number {
  return at - (text.lastIndexOf('\n', at - 1) + 1);
}

/**
 * Reads the layout from the document's own nodes: the most common indentation step between a
 * key and its nested block, sequence indentation, quote style and flow padding as the document
 * writes them. A document too small to tell gets the `yaml` library's defaults (2 spaces).
 */
export function detectLayout(text: string, doc: Document): YamlLayout {
  const steps = new Map<number, number>();
  const seqIndents = { indented: 0, flush: 0 };
  const quotes = { single: 0, double: 0 };
  const padding = { padded: 0, tight: 0 };
  let flowSeqs = 0;
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) return;
      const keyColumn = columnOf(text, pair.key.range[0]);
      const value = pair.value;
      if (isMap(value) && !value.flow) {
        const first = value.items[0]?.key;
        if (isScalar(first) && first.range) count(steps, columnOf(text, first.range[0]) - keyColumn);
      }
      if (isSeq(value) && !value.flow && value.range) {
        const dash = columnOf(text, value.range[0]);
        if (dash > keyColumn) {
          seqIndents.indented++;
          count(steps, dash - keyColumn);
        } else seqIndents.flush++;
      }
    },
    Scalar(_, scalar) {
      if (scalar.type === 'QUOTE_SINGLE') quotes.single++;
      else if (scalar.type === 'QUOTE_DOUBLE') quotes.double++;
    },
    Seq(_, seq) {
      if (seq.flow) flowSeqs++;
    },
    Node(_, node: Node) {
      if ((isMap(node) || isSeq(node)) && node.flow && node.items.length > 0 && node.range) {
        if (/\s/.test(text.charAt(node.range[0] + 1))) padding.padded++;
        else padding.tight++;
      }
    },
  });
  const firstBreak = text.indexOf('\n');
  return {
    indent: mostCommon(steps, (step) => step > 0) ?? 2,
    indentSeq: seqIndents.indented >= seqIndents.flush,
    singleQuote: quotes.single > quotes.double,
    flowLists: flowSeqs > 0,
    flowPadding: padding.padded > padding.tight,
    eol: firstBreak > 0 && text.charAt(firstBreak - 1) === '\r' ? '\r\n' : '\n',
  };
}

function count(counts: Map<number, number>, value: number): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

function mostCommon(counts: Map<number, number>, keep: (value: number) => boolean): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, n] of counts) {
    if (keep(value) && (n > bestCount || (n === bestCount && best !== undefined && value < best))) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}
