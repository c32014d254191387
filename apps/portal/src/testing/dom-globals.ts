import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks the encoders the router needs; imported before it (ES modules run in import order).
Object.assign(globalThis, { TextEncoder, TextDecoder });
