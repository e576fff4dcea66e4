import type { ProtoField } from '../../proto-edit/index.js';
import type { AdapterType, InputField, OutputField, UseCaseIO } from '../usecase-io.js';
import { snakeOf } from '../names.js';
import { goCamelCase } from './go-camel-case.js';

/** How one use case field travels in a message: its proto field and the Go that converts it. */
export interface MappedField {
  proto: ProtoField;
  /** The use case's Go field: `OrderID`. */
  goField: string;
  /** Request -> input: `domain.OrderID(req.GetOrderId())`; output -> response: `string(out.OrderID)`. */
  expression: string;
  /** Go import paths the expression needs besides package app. */
  imports: readonly string[];
}

export interface RpcFields {
  request: MappedField[];
  response: MappedField[];
  /** The .proto files the fields' types import (`google/protobuf/timestamp.proto`). */
  protoImports: string[];
}

interface ScalarMapping {
  proto: string;
  /** Go type protoc-gen-go gives the field, when it differs from the use case's. */
  generated?: string;
}

/** The use case's basic types, and the proto scalar that carries each without loss. */
const SCALARS: Record<string, ScalarMapping> = {
  string: { proto: 'string' },
  bool: { proto: 'bool' },
  int64: { proto: 'int64' },
  int32: { proto: 'int32' },
  rune: { proto: 'int32' },
  int: { proto: 'int64', generated: 'int64' },
  int8: { proto: 'int32', generated: 'int32' },
  int16: { proto: 'int32', generated: 'int32' },
  uint64: { proto: 'uint64' },
  uint32: { proto: 'uint32' },
  uint: { proto: 'uint64', generated: 'uint64' },
  uint8: { proto: 'uint32', generated: 'uint32' },
  byte: { proto: 'uint32', generated: 'uint32' },
  uint16: { proto: 'uint32', generated: 'uint32' },
  float64: { proto: 'double' },
  float32: { proto: 'float' },
};

const WELL_KNOWN: Record<string, { proto: string; file: string; goImport: string; toGo: (value: string) => string; fromGo: (value: string) => string }> = {
  'time.Time': { proto: 'google.protobuf.Timestamp', file: 'google/protobuf/timestamp.proto', goImport: 'google.golang.org/protobuf/types/known/timestamppb', toGo: (v) => `${v}.AsTime()`, fromGo: (v) => `timestamppb.New(${v})` },
  'time.Duration': { proto: 'google.protobuf.Duration', file: 'google/protobuf/duration.proto', goImport: 'google.golang.org/protobuf/types/known/durationpb', toGo: (v) => `${v}.AsDuration()`, fromGo: (v) => `durationpb.New(${v})` },
};

/**
 * The messages of a use case's rpc, one proto field per field of its input and output, in their
 * order, named lower_snake_case (`OrderID` -> `order_id`). Strings and named string types travel
 * as `string`, numbers as the proto scalar that holds them, time.Time and time.Duration as the
 * well-known types, slices of those as `repeated`. A type without such a mapping returns its reason.
 */
export function rpcFields(io: UseCaseIO): RpcFields | { reason: string } {
  const protoImports = new Set<string>();
  const map = (field: InputField | OutputField, direction: 'in' | 'out'): MappedField | { reason: string } => {
    const name = snakeOf(field.name);
    const source = direction === 'in' ? `req.Get${goCamelCase(name)}()` : `out.${field.name}`;
    const carried = carry(field.type, source, direction);
    if ('reason' in carried) return { reason: `${field.name} is ${field.type.text}: ${carried.reason}` };
    if (carried.protoImport !== undefined) protoImports.add(carried.protoImport);
    return { proto: { name, type: carried.proto, repeated: carried.repeated }, goField: field.name, expression: carried.expression, imports: carried.imports };
  };
  const request: MappedField[] = [];
  const response: MappedField[] = [];
  for (const [fields, into, direction] of [[io.input, request, 'in'], [io.output, response, 'out']] as const) {
    for (const field of fields) {
      const mapped = map(field, direction);
      if ('reason' in mapped) return mapped;
      into.push(mapped);
    }
  }
  return { request, response, protoImports: [...protoImports].sort() };
}

interface Carried {
  proto: string;
  repeated: boolean;
  expression: string;
  imports: string[];
  protoImport?: string;
}

function carry(type: AdapterType, source: string, direction: 'in' | 'out'): Carried | { reason: string } {
  if (type.kind === 'named-string') {
    return { proto: 'string', repeated: false, expression: direction === 'in' ? `${type.text}(${source})` : `string(${source})`, imports: type.imports };
  }
  if (type.text.startsWith('[]')) {
    const element = type.text.slice(2);
    const scalar = SCALARS[element];
    // A slice converts element by element unless protoc-gen-go gives it the very same element type.
    if (scalar === undefined || scalar.generated !== undefined) return { reason: 'only slices of strings, bool, int32, int64, uint32, uint64, float32 or float64 map to a repeated field as they are' };
    return { proto: scalar.proto, repeated: true, expression: source, imports: [] };
  }
  const known = WELL_KNOWN[type.text];
  if (known !== undefined) {
    return { proto: known.proto, repeated: false, expression: direction === 'in' ? known.toGo(source) : known.fromGo(source), imports: direction === 'out' ? [known.goImport] : [], protoImport: known.file };
  }
  const scalar = SCALARS[type.text];
  if (scalar === undefined) return { reason: 'its message form is an API decision the adapter cannot make for you' };
  if (scalar.generated === undefined) return { proto: scalar.proto, repeated: false, expression: source, imports: [] };
  return { proto: scalar.proto, repeated: false, expression: direction === 'in' ? `${type.text}(${source})` : `${scalar.generated}(${source})`, imports: [] };
}
