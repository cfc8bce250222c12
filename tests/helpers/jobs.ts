import type { Core } from '@strapi/strapi';
import type { Test } from 'supertest';
import type { JobView } from '../../contracts/jobs';
import type { Role, TestApp } from './strapi';
import { waitUntil } from './wait';

export const GENERATION = 'plugin::alwrity.generation';

export const generation = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(GENERATION).findOne({ where: { documentId } });

/** Starts a prompt generation as the super admin and answers its id. */
export const startGeneration = async (app: TestApp, prompt = 'Write a line.') => {
  const response = await app.as('superAdmin').post('/alwrity/generations', { prompt }).expect(202);
  return response.body.data.documentId as string;
};

export const waitForStatus = (
  app: TestApp,
  id: string,
  status: JobView['status'],
  timeoutMs = 15_000,
) =>
  waitUntil(
    `job ${id} to be ${status}`,
    async () => {
      const { body } = await app.as('superAdmin').get(`/alwrity/jobs/${id}`);
      return body.data?.status === status ? (body.data as JobView) : undefined;
    },
    timeoutMs,
  );

/** Splits a server-sent event body into its events. */
export const parseEvents = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return {
        event: eventLine!.slice('event: '.length),
        data: JSON.parse(dataLine!.slice('data: '.length)),
      };
    });

/** Asks for an event stream and reads it whole, as text, into the response's body. */
export const asEventStream = (request: Test): Test =>
  request
    .set('Accept', 'text/event-stream')
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    });

/** Reads a whole server-sent event stream into its events. */
export const readEvents = async (app: TestApp, path: string, role: Role = 'superAdmin') => {
  const response = await asEventStream(app.as(role).get(path));
  return { response, events: parseEvents(String(response.body)) };
};
