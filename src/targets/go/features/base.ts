import type { ServiceSpec } from '../../../choices/service-spec.js';
import type { GoRequirementSet } from './feature.js';
import { templateFeature } from './template-feature.js';

/** The service skeleton; logger, metrics and tracing are fixed at creation and live inside it. */
export const baseFeature = templateFeature(
  'base',
  () => true,
  (spec: ServiceSpec) => {
    const sets: GoRequirementSet[] = ['base'];
    if (spec.choices.logger === 'zap') sets.push('logger-zap');
    if (spec.choices.metrics === 'prometheus') sets.push('metrics-prometheus');
    if (spec.choices.tracing === 'otel') sets.push('tracing-otel');
    return sets;
  },
);
