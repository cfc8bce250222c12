import { z } from 'zod';

/**
 * The options every writer takes. Each writer extends them with its own; the admin renders its
 * forms from the JSON Schema of these (`GET /alwrity/writers`), so labels live in `.describe()`.
 */

export const TONES = [
  'friendly',
  'formal',
  'persuasive',
  'witty',
  'authoritative',
  'conversational',
  'inspirational',
] as const;

export const LENGTHS = ['short', 'medium', 'long'] as const;

/** The JSON Schema `format` of an option that holds one of the app's locale codes. */
export const LOCALE_FORMAT = 'strapi-locale';

const term = z.string().trim().min(1).max(80);

export const MAX_SOURCE_URLS = 3;
export const MAX_SOURCE_NOTES = 20_000;

export const commonOptions = z
  .object({
    topic: z.string().trim().min(3).max(300).describe('What to write about'),
    keywords: z
      .object({
        primary: term.describe('Primary keyword'),
        secondary: z.array(term).max(10).default([]).describe('Secondary keywords'),
      })
      .optional()
      .describe('Keywords'),
    audience: z.string().trim().max(200).optional().describe('Who it is for'),
    tone: z.enum(TONES).default('friendly').describe('Tone'),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as en or fr-CA')
      .default('en')
      // The form offers the app's own locales (i18n) for a field of this format.
      .meta({ description: 'Language', format: LOCALE_FORMAT }),
    length: z.enum(LENGTHS).default('medium').describe('Length'),
    sourceNotes: z
      .string()
      .max(MAX_SOURCE_NOTES)
      .optional()
      .describe('Source notes: facts, quotes or pasted text to draw on'),
    // Read by the server before the run: their text joins the source notes.
    sourceUrls: z
      .array(z.url({ protocol: /^https?$/, message: 'must be an http or https address' }).max(2000))
      .max(MAX_SOURCE_URLS)
      .optional()
      .describe('Source URLs: pages to read and draw on'),
  })
  // An option a writer does not know is a mistake worth a 400, not something to drop silently.
  .strict();

export type CommonOptions = z.output<typeof commonOptions>;
