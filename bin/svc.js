#!/usr/bin/env node
import module from 'node:module';

// Node >= 22.1 keeps V8's compiled code of our modules on disk between runs (Node 20 lacks the API).
module.enableCompileCache?.();
await import('../dist/bundle/svc-main.js');
