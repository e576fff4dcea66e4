import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { goFilesIn } from '../add/go-files.js';
import { readGo } from './syntax.js';

/** The adapters consumers are generated in. */
const CONSUMER_DIRS = ['internal/adapter/nats', 'internal/adapter/kafka'];

/** The event consumers of the broker adapters: `Open<Event>Consumer` and the use case its `<handler>Runner` names. */
export function readConsumers(parser: GoParser, tree: Tree): { event: string; handler: string; file: string }[] {
  return CONSUMER_DIRS.flatMap((dir) => goFilesIn(tree, dir))
    .filter((file) => file.endsWith('_consumer.go'))
    .flatMap((file) =>
      readGo(parser, file, tree.read(file) ?? '', (doc) => {
        const functions = doc.root.descendantsOfType('function_declaration').map((node) => node?.childForFieldName('name')?.text ?? '');
        const runner = doc.root
          .descendantsOfType('type_spec')
          .map((node) => node?.childForFieldName('name')?.text ?? '')
          .find((name) => name.endsWith('Runner') && name.length > 'Runner'.length);
        const handler = runner === undefined ? '?' : `${runner.charAt(0).toUpperCase()}${runner.slice(1, -'Runner'.length)}`;
        return functions
          .filter((name) => name.startsWith('Open') && name.endsWith('Consumer') && name.length > 'OpenConsumer'.length)
          .map((name) => ({ event: name.slice('Open'.length, -'Consumer'.length), handler, file }));
      }),
    );
}
