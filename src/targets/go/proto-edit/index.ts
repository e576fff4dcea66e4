export { addRpc, type ProtoEditResult } from './add-rpc.js';
export { ProtoEditError } from './errors.js';
export type { ProtoField, ProtoMessage, RpcAddition } from './rpc-addition.js';
