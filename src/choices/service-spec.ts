import type { Names } from './naming.js';
import type { Choices } from './options.js';

/** Everything a generator needs, validated and typed; generators never look at raw options. */
export interface ServiceSpec {
  /** Absolute path of the project root. */
  root: string;
  name: Names;
  module: string;
  choices: Choices;
}
