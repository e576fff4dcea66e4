import type { Node } from 'web-tree-sitter';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError, InvalidSnippetError } from '../errors.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseProbeSnippet } from '../snippet.js';
import { isComment, tokenKey } from '../syntax.js';

export interface AddCallArgumentsArgs {
  /** The callee as written, without spaces: `app.NewShipOrder`. */
  readonly callee: string;
  /** How many arguments the calls take before the edit; calls with this many get `arguments` appended. */
  readonly arity: number;
  /** Expressions to append, each on one line: `&stubEvents{}`. */
  readonly arguments: readonly string[];
}

/**
 * Appends `arguments` to every call of `callee` in the file that passes `arity` arguments, after
 * a constructor gained parameters. Calls passing `arity + arguments.length` arguments are done
 * already; any other count, or a call spread over rows, is refused with the arguments to add by hand.
 */
export function addCallArguments(parser: GoParser, source: GoSource, args: AddCallArgumentsArgs): EditResult {
  for (const argument of args.arguments) if (argument.includes('\n')) throw new InvalidSnippetError(source.file, argument, 'an argument fits on one line');
  const added = args.arguments.map((argument) => parseProbeSnippet(parser, source.file, argument).tokens);
  const manualSnippet = `${args.callee}(…, ${args.arguments.join(', ')})`;
  return runEdit(parser, source, {
    summary: `pass ${args.arguments.join(', ')} to ${args.callee}`,
    plan(doc) {
      const splices = [];
      for (const call of callsOf(doc, args.callee)) {
        const list = argumentsOf(call);
        if (list.items.length === args.arity + added.length) continue;
        const close = list.node.lastChild;
        const last = list.items.at(-1);
        const inline = close !== null && close.type === ')' && !doc.text.slice(list.node.startIndex, close.endIndex).includes('\n');
        if (list.items.length !== args.arity || !inline || close === null) {
          throw new AnchorNotFoundError(doc.file, {
            problem: 'wrong-kind',
            reason: `the call ${call.text.split('\n')[0] ?? ''} at line ${call.startPosition.row + 1} passes ${list.items.length} arguments on ${inline ? 'one row' : 'several rows'}, not the ${args.arity} the edit follows`,
            where: `in that call in ${doc.file}`,
            manualSnippet,
          });
        }
        const at = last === undefined ? close.startIndex : last.endIndex;
        splices.push({ start: at, end: at, text: `${last === undefined ? '' : ', '}${args.arguments.join(', ')}` });
      }
      if (splices.length === 0) return null;
      return { splices, focus: splices[0]?.start ?? 0 };
    },
    isPresent(doc) {
      return callsOf(doc, args.callee).every((call) => {
        const items = argumentsOf(call).items.map(tokenKey);
        return items.length === args.arity + added.length && added.every((tokens, index) => items[args.arity + index] === tokens);
      });
    },
  });
}

function callsOf(doc: GoDocument, callee: string): Node[] {
  return doc.root.descendantsOfType('call_expression').filter((call): call is Node => call !== null && calleeText(call) === callee);
}

/** The called expression's tokens, without the spaces or line breaks between them (`app . New` is `app.New`). */
function calleeText(call: Node): string {
  const callee = call.childForFieldName('function');
  return callee === null ? '' : tokenKey(callee).split('\u0001').join('');
}

function argumentsOf(call: Node): { node: Node; items: Node[] } {
  const node = call.childForFieldName('arguments');
  if (node === null) throw new Error(`call without an argument list: ${call.text}`);
  return { node, items: node.namedChildren.filter((child): child is Node => child !== null && !isComment(child)) };
}
