import { prebuildPaths, PREBUILDS_ENV } from './sqlite-prebuild.js';

// Each e2e worker hands the prebuild the global setup made (sqlite-prebuild.ts) to the npm installs it starts.
process.env[PREBUILDS_ENV] = prebuildPaths().dir;
