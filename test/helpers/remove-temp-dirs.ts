import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

// Runs before every test file: whatever the file's tests made with makeTempDir goes when it ends, passed or failed.
afterAll(removeTempDirs);
