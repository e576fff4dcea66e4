import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { readFunctionFacts } from '../inspect/go-scope.js';
import { readGo, structFieldsOf, topLevelNames, topLevelTypes } from '../inspect/syntax.js';

/** The payload of the sample's order.placed as templates/go/example writes it (order_events.go). */
const ORDER_PLACED_FIELDS = ['OrderID', 'CustomerID', 'Total', 'ItemCount'];
const ORDER_PLACED_PROPERTIES = {
  order_id: { type: 'string' },
  customer_id: { type: 'string' },
  total: { type: 'integer', description: 'Minor units.' },
  item_count: { type: 'integer' },
};

/**
 * The sample's order.placed, as the first document describes it: its payload when OrderPlaced has
 * the sample's fields still, and CreateOrder's operation when it still publishes it; null without it.
 */
export function sampleEvent(parser: GoParser, tree: Tree) {
  const file = 'internal/domain/order_events.go';
  const text = tree.read(file);
  if (text === undefined) return null;
  const facts = readGo(parser, file, text, (doc) => {
    const type = topLevelTypes(doc).get('OrderPlaced');
    return {
      names: new Set(topLevelNames(doc)),
      fields: type?.type === 'struct_type' ? structFieldsOf(type).map((field) => field.name) : null,
      constant: constValue('OrderPlacedType'),
      version: constValue('OrderPlacedVersion'),
    };
    function constValue(name: string): string | null {
      return doc.root.descendantsOfType('const_spec').find((spec) => spec?.childForFieldName('name')?.text === name)?.childForFieldName('value')?.text ?? null;
    }
  });
  const version = Number(facts.version);
  if (!['OrderPlaced', 'OrderPlacedType', 'OrderPlacedVersion', 'NewOrderPlaced'].every((name) => facts.names.has(name)) || facts.constant !== '"order.placed"' || !Number.isInteger(version)) return null;
  const createOrder = tree.read('internal/app/create_order.go');
  const execute = createOrder === undefined ? null : readFunctionFacts(parser, 'internal/app/create_order.go', createOrder, 'CreateOrder.Execute');
  const publishes = execute?.callees.some((callee) => callee.endsWith('.NewOrderPlaced')) === true;
  const sample = { type: 'order.placed', pascal: 'OrderPlaced', words: 'order placed', schemaVersion: version };
  return {
    ...sample,
    ...(facts.fields?.join(',') === ORDER_PLACED_FIELDS.join(',') ? { properties: ORDER_PLACED_PROPERTIES } : {}),
    ...(publishes ? { sender: { operation: 'createOrderSendsOrderPlaced', useCase: 'CreateOrder' } } : {}),
  };
}
