import { FailureError } from '../../../../errors.js';
import { namesOf } from '../../../../choices/naming.js';
import type { Project } from '../../../../project/load-project.js';
import { resolveQualifiers } from '../../add/go-code.js';
import type { GoParser } from '../../edit/parser.js';
import { findPortInterface } from '../../inspect/project-model.js';
import type { HttpPort } from './adapter-code.js';

/** The port's methods as its interface declares them now, with the import path of each package they use. */
export function readHttpPort(parser: GoParser, project: Project, name: string): HttpPort {
  const iface = findPortInterface(parser, project.tree, name);
  if (iface === null) throw new FailureError(`cannot read the interface ${name} in internal/port`);
  if (iface.embedded.length > 0 || iface.methods.length === 0) {
    throw new FailureError(
      `${name} ${iface.methods.length === 0 ? 'has no methods' : `embeds ${iface.embedded.join(', ')}`}, so svc cannot tell which calls an HTTP adapter must make`,
      `list its methods in ${iface.file} itself, or implement it by hand in internal/adapter/httpclient`,
    );
  }
  const qualifiers = [...new Set(iface.methods.flatMap((method) => method.qualifiers))];
  return { name: namesOf(name), methods: iface.methods, qualifiers: resolveQualifiers(qualifiers, project.spec.module, iface.imports) };
}
