import { shareUndiciDispatcherWithSandbox } from './fake-model-server';

// Plugin code builds GoogleGenAI clients inside the test sandbox too (see the helper's note).
shareUndiciDispatcherWithSandbox();
