/** What `svc list` reports of a service, read from its code; the same shape for every target. */
export interface ServiceInventory {
  /** `rpcs`: the rpcs that call the use case, present when the service has a gRPC adapter. */
  useCases: { name: string; ports: string[]; routes: string[]; rpcs?: string[] }[];
  ports: {
    name: string;
    type: string;
    interface: string | null;
    file: string | null;
    methods: string[];
    adapter: string | null;
    adapterPackage: string | null;
    /** The adapter folders serving the port, the outermost first (`['redis', 'postgres']` for a cache in front of a store); empty when not wired. */
    servedBy: string[];
  }[];
  adapters: {
    name: string;
    path: string;
    direction: 'inbound' | 'outbound';
    serves: string[];
    /** For an inbound adapter (only), the use cases its routes call. */
    useCases?: string[];
  }[];
  /** The event consumers (Go, NATS): the event, the use case run for each, the file; absent or empty without any. */
  consumers?: { event: string; handler: string; file: string }[];
  /**
   * The events the service declares (Go: the domain's `<Event>Type` constants with their `New<Event>`), each
   * with the use cases that build and publish it, the broker carrying them (null: none, e.g. published in
   * memory) and the use cases its consumers run. Always present: empty for a target without events.
   */
  events: { name: string; type: string; file: string; publishers: string[]; broker: string | null; consumers: string[] }[];
}
