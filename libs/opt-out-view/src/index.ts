export * from './opt-out-view.js';
