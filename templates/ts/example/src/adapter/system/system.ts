import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../../port/system.js';

export const systemClock: Clock = { now: () => new Date() };

export const uuidGenerator: IdGenerator = { newId: () => randomUUID() };
