import { describeFullStory } from './support/full-story.js';
import { startTestStandalone } from './support/systems.js';

/** The whole story in standalone mode: one process, each service in a worker thread. */
describeFullStory('standalone', startTestStandalone);
