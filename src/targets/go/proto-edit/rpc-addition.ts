/** A field of a message the add writes: `string order_id = 1;`, `repeated string tags = 2;`. */
export interface ProtoField {
  /** lower_snake_case, as buf lint wants it. */
  name: string;
  /** A scalar (`string`, `int64`) or a fully-qualified message (`google.protobuf.Timestamp`). */
  type: string;
  repeated: boolean;
}

export interface ProtoMessage {
  name: string;
  /** Comment lines written above it, without the `//`. */
  doc: readonly string[];
  /** Numbered 1, 2, … in this order. */
  fields: readonly ProtoField[];
}

/** One rpc and its request and response messages, to add to a service. */
export interface RpcAddition {
  service: string;
  rpc: string;
  doc: readonly string[];
  request: ProtoMessage;
  response: ProtoMessage;
  /** Files the fields' types need, such as `google/protobuf/timestamp.proto`. */
  imports: readonly string[];
}
