// What `npm start` prints once the demo service answers: the README's "Try it" commands and how
// to grow the service with `svc` (test/e2e/newcomer.test.ts runs both, as printed).
import fs from 'node:fs';
import path from 'node:path';
import { root } from './ensure-build.mjs';

/** The sample order of the README; CreateOrder answers 201 with it and a Location header. */
export const SAMPLE_ORDER = '{"customer_id":"c-42","items":[{"sku":"BOOK-1","quantity":2,"unit_price":1250}]}';

export function tryCommands(port) {
  return [
    `curl -i localhost:${port}/healthz`,
    `curl -i localhost:${port}/v1/orders -H 'Content-Type: application/json' -d '${SAMPLE_ORDER}'`,
    `curl -i localhost:${port}/v1/orders/<id>   # <id>: the "id" of the order above`,
  ];
}

function onPath(executable) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, executable)));
}

function shellQuote(text) {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

async function answers(port) {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** Waits until the service answers /healthz (or exits), then prints what to do next. */
export async function printNextSteps({ port, service, exited }) {
  let running = true;
  void exited.then(() => (running = false));
  const deadline = Date.now() + 30_000;
  while (running && !(await answers(port))) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!running) return;

  const from = process.env.INIT_CWD ?? process.cwd();
  const linked = onPath('svc');
  const svc = linked ? 'svc' : `node ${shellQuote(path.relative(service, path.join(root, 'bin/svc.js')))}`;
  const lines = [
    '',
    `The service answers on http://localhost:${port}. From another terminal:`,
    ...tryCommands(port).map((command) => `  ${command}`),
    '',
    'Grow it with svc (it edits the code; rebuild and restart to serve the change):',
    `  cd ${shellQuote(path.relative(from, service) || '.')}`,
    `  ${svc} add usecase CancelOrder --uses Orders --http "POST /v1/orders/{id}/cancel"`,
    '  go build ./...',
  ];
  if (!linked) lines.push(`svc and create-service are not on PATH yet: run \`npm link\` once in ${root} to put them there.`);
  lines.push('npm start regenerates .tmp/demo/orders each time; to keep a service: create-service my-service', '');
  console.log(lines.join('\n'));
}
