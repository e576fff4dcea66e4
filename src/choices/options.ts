import type { Datastore, DeployTarget, Lang, Logger, Messaging, Metrics, Tracing, Transport } from './catalog.js';

/** What the user asked for; any field may still be missing before prompts and defaults fill it. */
export interface CreateOptions {
  directory?: string;
  name?: string;
  module?: string;
  lang?: string;
  transport?: string[];
  datastore?: string[];
  logger?: string;
  metrics?: string;
  tracing?: string;
  deploy?: string[];
  messaging?: string;
  example?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  git?: boolean;
  install?: boolean;
  json?: boolean;
  force?: boolean;
}

/** The complete set of answers, every one checked against the catalog. */
export interface Choices {
  lang: Lang;
  transport: Transport[];
  datastore: Datastore[];
  /** Go only: the TypeScript target always logs with pino (Fastify's logger). */
  logger?: Logger;
  metrics: Metrics;
  tracing: Tracing;
  deploy: DeployTarget[];
  /** Absent in a svc.json written before messaging was a choice: it means none. */
  messaging?: Messaging;
  example: boolean;
}
