// `prepare`: npm runs it after `npm ci` / `npm install` in this folder and on `npm link`, which
// links bin/ onto PATH without installing this package's dependencies. So on a fresh clone
// `npm link` alone installs, builds and puts create-service and svc on PATH.
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
