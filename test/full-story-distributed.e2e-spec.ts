import { describeFullStory } from './support/full-story.js';
import { launchDistributed } from './support/systems.js';

/**
 * The whole story with `npm run start:distributed`: every service and the gateway a process of
 * its own, talking only through the PostgreSQL event log.
 */
describeFullStory('services as separate processes', launchDistributed);
