import { UsageError } from '../errors.js';

/** A port as the App's ports container holds it: the field or property name, and its interface's name. */
export interface PortEntry {
  name: string;
  /** Undefined when the member's type is no interface name (the use case refuses it later). */
  iface: string | undefined;
}

/** How a target names the container and its members in messages: `app.Ports` and `field`, or `Ports` and `property`. */
export interface PortsWording {
  container: string;
  member: string;
  /** Said when the container has no ports at all. */
  empty: string;
}

/**
 * The member `--uses` means by `given`: the field or property name as written, else the one whose
 * name or interface name matches case-insensitively (`orders`, `OrderRepository`). Ambiguous and
 * unknown names are bad input that lists the names there are.
 */
export function resolvePortReference(given: string, ports: readonly PortEntry[], wording: PortsWording): string {
  if (ports.some((port) => port.name === given)) return given;
  const wanted = given.toLowerCase();
  const matches = ports.filter((port) => port.name.toLowerCase() === wanted || port.iface?.toLowerCase() === wanted);
  if (matches.length === 1) return (matches[0] as PortEntry).name;
  const listing = (entries: readonly PortEntry[]) => entries.map(describe).join(', ');
  if (matches.length > 1) {
    throw new UsageError(`--uses ${given} is ambiguous: it matches ${listing(matches)}`, `name the ${wording.member} itself, e.g. --uses ${(matches[0] as PortEntry).name}`);
  }
  throw new UsageError(
    `--uses ${given}: ${wording.container} has no ${wording.member} or interface named ${given}`,
    ports.length === 0 ? wording.empty : `existing ports (${wording.member}: interface): ${listing(ports)}${/^[A-Z][A-Za-z0-9]*$/.test(given) ? `; add a new one with: svc add port ${given}` : ''}`,
  );
}

/** Every name of `--uses` resolved; two names for the same port are bad input. */
export function resolvePortReferences(given: readonly string[], ports: readonly PortEntry[], wording: PortsWording): string[] {
  const resolved = given.map((name) => resolvePortReference(name, ports, wording));
  resolved.forEach((name, index) => {
    const first = resolved.indexOf(name);
    if (first !== index) throw new UsageError(`--uses names the port ${name} twice (as ${given[first]} and ${given[index]})`, 'name each port once');
  });
  return resolved;
}

function describe(port: PortEntry): string {
  return port.iface === undefined ? port.name : `${port.name}: ${port.iface}`;
}
