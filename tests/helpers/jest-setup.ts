import { shareUndiciDispatcherWithSandbox } from './fake-model-server';
import { guardLoopbackOnly } from './loopback-guard';

// Plugin code builds GoogleGenAI clients inside the test sandbox too (see the helper's note).
shareUndiciDispatcherWithSandbox();
guardLoopbackOnly();
