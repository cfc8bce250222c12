import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GenerationView } from '../../contracts/generations';
import type { BlogDraft, BlogStepDetail, ContinueBlogBody } from '../../contracts/writers';
import type { AiClient } from '../ai/client';
import { estimateCost } from '../ai/pricing';
import type { CallContext, ChatMessage, TokenUsage } from '../ai/types';
import { ZERO_USAGE } from '../ai/types';
import {
  blogWriter,
  EXPECTED_CHARS,
  isStepDone,
  percentOf,
  stepDefinition,
  type BlogOptions,
  type BlogStep,
} from '../../writers/blog';
import { objectRequest } from '../../writers/definition';
import type { JobKind, JobPayload } from '../queue/job-kind';
import type { ProgressUpdate } from '../queue/types';
import { getService } from '../utils/services';
import { parseStoredInput } from '../queue/stored-input';
import {
  generationsRepository,
  toGenerationView,
  type GenerationRow,
} from '../repositories/generations';
import type { Scope } from '../utils/permission-scope';
import type { StreamedCall } from '../utils/streamed-answer';
import { isPermanentAiError } from './generations';

/** Live text is sent at most this often: enough to read along, without a Redis write per token. */
const LIVE_TEXT_INTERVAL_MS = 150;

interface Totals {
  usage: TokenUsage;
  costEstimate: number | null;
  provider: string | null;
  model: string | null;
}

type BlogRow = GenerationRow & { output: BlogDraft | null; usage: TokenUsage | null };

/** Every call of a run adds to the generation's tokens and cost. */
const addCall = (totals: Totals, call: { provider: string; model: string; usage: TokenUsage }) => {
  const cost = estimateCost(call.model, call.usage);
  return {
    usage: {
      input: totals.usage.input + call.usage.input,
      output: totals.usage.output + call.usage.output,
      total: totals.usage.total + call.usage.total,
    },
    costEstimate:
      cost === null && totals.costEstimate === null
        ? null
        : Number(((totals.costEstimate ?? 0) + (cost ?? 0)).toFixed(6)),
    provider: call.provider,
    model: call.model,
  };
};

const blogWriterService = ({ strapi }: { strapi: Core.Strapi }) => {
  const generations = generationsRepository(strapi);

  /** The blog run, if the caller's scope reaches it (a worker reads it unscoped). */
  const load = async (documentId: string, scope?: Scope) => {
    const row = (await generations.find(documentId, scope)) as BlogRow | null;
    if (!row || row.kind !== blogWriter.id) {
      throw new errors.NotFoundError(`No blog generation with id ${documentId}.`);
    }
    return {
      row,
      options: parseStoredInput(blogWriter.options, row.input) as BlogOptions,
      draft: row.output ?? blogWriter.emptyDraft(),
      totals: {
        usage: row.usage ?? ZERO_USAGE,
        costEstimate: row.costEstimate ?? null,
        provider: row.provider ?? null,
        model: row.model ?? null,
      } satisfies Totals,
    };
  };

  /** Streams one prose step, handing on each delta with the text so far. */
  const writeProse = async (
    client: AiClient,
    messages: ChatMessage[],
    context: CallContext,
    onDelta: (delta: string, text: string) => Promise<void> | void,
  ) => {
    const stream = client.streamText({ messages }, context);
    let text = '';
    for await (const delta of stream) {
      text += delta;
      await onDelta(delta, text);
    }
    const result = await stream.result;
    return { ...result, text: result.text.trim() };
  };

  /**
   * Runs one step against the draft, answering the draft with that step's result in it: a
   * structured step is one checked JSON answer, a prose step is streamed as it is written.
   */
  const runStep = async <S extends BlogStep>(
    step: S,
    draft: BlogDraft,
    options: BlogOptions,
    call: { client: AiClient; context: CallContext; brandVoice: string | undefined },
    onText: (delta: string, text: string) => Promise<void> | void,
  ) => {
    const { client, context, brandVoice } = call;
    const definition = stepDefinition(step);
    const messages = definition.prompt({ options, draft, step, brandVoice });
    if (definition.answer === 'structured') {
      const result = await client.generateObject(
        objectRequest({
          messages,
          schema: definition.schema,
          schemaName: definition.schemaName,
          check: (output) => definition.check(output, options),
        }),
        context,
      );
      return { result, draft: definition.apply(draft, result.object, step, options) };
    }
    const result = await writeProse(client, messages, context, onText);
    return { result, draft: definition.apply(draft, result.text, step, options) };
  };

  /**
   * Outline, introduction, sections in order, conclusion, FAQ, meta: each saved as it ends, so
   * a job handed back on shutdown resumes at the step it was on. In two-step mode it stops after
   * the outline (phase `outline`) until `continue` brings the edited one.
   */
  const jobKind: JobKind<JobPayload> = {
    name: blogWriter.id,
    store: generations,
    documentKinds: [blogWriter.id],
    async run({ id, signal, progress, userId, gate }) {
      const loaded = await load(id);
      const { options } = loaded;
      let { draft, totals } = loaded;
      if (draft.phase === 'outline') return { output: draft };
      const started = Date.now();
      const call = {
        client: await getService(strapi, 'ai').client(),
        context: { feature: 'writer' as const, userId, subjectDocumentId: id, signal, gate },
        brandVoice: await getService(strapi, 'settings').brandVoice(),
      };
      const save = (data: Partial<GenerationRow>) => generations.update(id, data);

      for (;;) {
        const steps = blogWriter.plan(draft, options);
        const done = steps.filter((step) => isStepDone(step, draft)).length;
        const step = steps.find((candidate) => !isStepDone(candidate, draft));
        if (!step) break;
        const definition = stepDefinition(step);
        const stage = definition.label(step, draft.outline);
        const report = (text: string, share: number): Promise<void> => {
          const detail: BlogStepDetail = {
            step: step.kind,
            index: done + 1,
            of: steps.length,
            ...definition.detail?.(step, draft),
            text,
          };
          const update: ProgressUpdate = {
            percent: percentOf(done, steps.length, share),
            stage,
            detail: { ...detail },
          };
          return progress(update);
        };
        await report('', 0);
        let lastSent = 0;
        const outcome = await runStep(step, draft, options, call, async (_delta, text) => {
          if (Date.now() - lastSent < LIVE_TEXT_INTERVAL_MS) return;
          lastSent = Date.now();
          await report(text, text.length / EXPECTED_CHARS[options.length]);
        });
        draft = outcome.draft;
        totals = addCall(totals, outcome.result);
        const waitForReview = definition.waitsForReview?.(options) ?? false;
        if (waitForReview) draft = { ...draft, phase: 'outline' };
        await save({ output: draft, ...totals });
        if (waitForReview) break;
      }
      if (draft.phase !== 'outline') draft = { ...draft, phase: 'done' };
      return { output: draft, ...totals, durationMs: Date.now() - started };
    },
    isPermanent: isPermanentAiError,
  };

  return {
    jobKind,

    /** Two-step mode: the edited outline replaces the planned one and the sections get written. */
    async continueFromOutline(
      documentId: string,
      body: ContinueBlogBody,
      userId: number,
      scope: Scope,
    ) {
      const { row, draft } = await load(documentId, scope);
      if (row.status !== 'succeeded' || draft.phase !== 'outline') {
        throw new errors.ApplicationError(
          'Only a blog post waiting for its outline to be reviewed can continue.',
        );
      }
      await getService(strapi, 'ai').ensureCanCall(userId);
      const next: BlogDraft = {
        ...draft,
        phase: 'writing',
        title: body.title ?? draft.title,
        outline: body.outline,
        sections: [],
      };
      await getService(strapi, 'jobs').requeue(documentId, ['succeeded'], { output: next });
    },

    /**
     * Rewrites one section of a finished post in place, with the sections before it as context.
     * Checks first; the call it answers makes the model call.
     */
    async regenerateSection(
      documentId: string,
      index: number,
      instructions: string | undefined,
      userId: number,
      scope: Scope,
    ) {
      const { row, options, draft, totals } = await load(documentId, scope);
      if (row.status !== 'succeeded' || draft.phase !== 'done') {
        throw new errors.ApplicationError('Sections can be rewritten once the post is finished.');
      }
      if (!draft.sections[index]) {
        throw new errors.ValidationError(
          `Invalid index: the post has ${draft.sections.length} sections (0 to ${draft.sections.length - 1}).`,
        );
      }
      const ai = getService(strapi, 'ai');
      await ai.ensureCanCall(userId);
      return async (call: Partial<StreamedCall> = {}): Promise<GenerationView> => {
        const client = await ai.client();
        const brandVoice = await getService(strapi, 'settings').brandVoice();
        const result = await writeProse(
          client,
          blogWriter.steps.section.prompt({
            options,
            draft,
            step: { kind: 'section', index },
            brandVoice,
            instructions,
          }),
          { feature: 'writer', userId, subjectDocumentId: documentId, signal: call.signal },
          (delta) => call.onDelta?.(delta),
        );
        const sections = draft.sections.map((section, i) =>
          i === index ? { ...section, body: result.text } : section,
        );
        return toGenerationView(
          await generations.updateAndRead(documentId, {
            output: { ...draft, sections },
            ...addCall(totals, result),
          }),
        );
      };
    },
  };
};

export default blogWriterService;
export type BlogWriterService = ReturnType<typeof blogWriterService>;
