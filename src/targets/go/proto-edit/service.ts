import type { Proto, Service } from 'pbkit/core/ast/index.js';
import { ProtoEditError } from './errors.js';

/**
 * The service an rpc goes into, by the name the layout gives it. Other services may stand beside
 * it; a file without it (renamed by hand, or several services none of which is ours) is refused:
 * which one the gRPC adapter serves is then a decision for its author.
 */
export function locateService(file: string, proto: Proto, name: string): Service {
  const services = proto.statements.filter((statement): statement is Service => statement.type === 'service');
  const found = services.find((service) => service.serviceName.text === name);
  if (found !== undefined) return found;
  const hint = `the gRPC adapter serves service ${name}: name it so again, or add the rpc and its messages by hand`;
  if (services.length === 0) throw new ProtoEditError(file, `declares no service; expected service ${name}`, hint);
  if (services.length === 1) throw new ProtoEditError(file, `declares service ${services[0]?.serviceName.text ?? ''}, not ${name} (renamed?)`, hint);
  throw new ProtoEditError(file, `declares the services ${services.map((service) => service.serviceName.text).join(', ')}, none of them ${name}`, hint);
}
