import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { LANGUAGES } from '@masar/letters';
import { acceptLanguageOf } from '../language-choice';
import { CheckStatus } from '../lookup/check-status.use-case';
import type { StatusAnswer } from '../lookup/status-answer';
import { StatusErrorCode } from '../status.errors';
import { parseStatusRequest } from './status-request.pipe';

const SUMMARY = 'Where an application stands, for the applicant holding its reference and access code';

/** The answer's JSON schema: compiled by Fastify into the route's serializer, and the OpenAPI response. */
export const STATUS_ANSWER_SCHEMA = {
  type: 'object',
  required: ['reference', 'language', 'direction', 'application', 'office', 'stage', 'toDo', 'nextStep'],
  properties: {
    reference: { type: 'string', example: 'MA-7K3Q-9XWD' },
    language: { type: 'string', enum: [...LANGUAGES] },
    direction: { type: 'string', enum: ['ltr', 'rtl'] },
    application: { type: 'string' },
    office: { type: 'string' },
    stage: { type: 'object', required: ['code', 'title'], properties: { code: { type: 'string' }, title: { type: 'string' } } },
    toDo: {
      type: 'array',
      description: 'What the applicant must do; the fields after `text` depend on `action`.',
      items: {
        type: 'object',
        required: ['action', 'text'],
        properties: {
          action: { type: 'string', enum: ['provide_documents', 'attend_interview', 'appeal', 'collect_card'] },
          text: { type: 'string' },
          documents: { type: 'array', items: { type: 'string' } },
          dueOn: { type: 'string', format: 'date', nullable: true },
          at: { type: 'string', format: 'date-time' },
          place: { type: 'string' },
        },
      },
    },
    nextStep: { type: 'string' },
  },
} as const;

/**
 * `POST /status`, registered on Fastify by the status module itself rather than as a Nest controller.
 *
 * Why: it is the route a campaign's applicants call again and again, anonymously, and it does very little (one
 * indexed statement, one HMAC, a few labels). Through Nest's router the framework's own work per request (the
 * execution context, the global guard's metadata look-ups, the parameter pipes, the response pipeline) weighed
 * as much as the use case; here the request goes from Fastify's router straight to the same `CheckStatus` use
 * case. Everything else is unchanged because it lives outside the controller: the body is validated by the same
 * function (same VALIDATION_FAILED problem), failures are counted and locked by the use case (same limits, same
 * 429 with Retry-After, same audit records), errors thrown here reach the application's error handler and its
 * ProblemFilter (same problem+json), and the application-wide Fastify hooks still run (request id, request
 * context, security headers, CORS, the access line of the request log). The answer is serialised by a compiled
 * schema (STATUS_ANSWER_SCHEMA), which `documentStatusRoute` also puts in the OpenAPI document.
 */
@Injectable()
export class StatusRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly checkStatus: CheckStatus,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // a process without HTTP
    fastify.route({
      method: 'POST',
      url: '/status',
      schema: { response: { 200: STATUS_ANSWER_SCHEMA } },
      handler: async (request, reply): Promise<StatusAnswer> => {
        const body = parseStatusRequest(request.body);
        const answer = await this.checkStatus.execute({ ...body, acceptLanguage: acceptLanguageOf(request.headers), ip: request.ip });
        // An answer about one person's file must not sit in a shared cache.
        reply.header('cache-control', 'no-store');
        return answer;
      },
    });
  }
}

const problem = (description: string, codes: string[]) => ({
  description: `${description} (problem+json, \`code\`: ${codes.join(', ')})`,
  content: { 'application/problem+json': { schema: { type: 'object' } } },
});

/** Adds `POST /status` to the API's OpenAPI document (Nest's explorer sees controllers only). */
export function documentStatusRoute(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.StatusAnswer = STATUS_ANSWER_SCHEMA as never;
  document.paths['/status'] = {
    post: {
      operationId: 'checkStatus',
      tags: ['status'],
      summary: SUMMARY,
      description:
        'The receipt’s two secrets travel in the body, never in the URL. An unknown reference and a wrong access code get the same answer. ' +
        'Failures are counted per reference and per address; a reference or an address over its limit is refused for a while, even with the right code.',
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/StatusRequestDto' } } } },
      responses: {
        200: {
          description: 'Where the file stands, in the language asked for, else Accept-Language, else the applicant’s own',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/StatusAnswer' } } },
        },
        400: problem('The body is not valid', ['VALIDATION_FAILED']),
        404: problem('No file with this reference and access code', [StatusErrorCode.NoMatch]),
        422: problem('The reference fails its check symbol', [StatusErrorCode.ReferenceMistyped]),
        429: problem('Too many failures for this reference or address; see Retry-After', [StatusErrorCode.TooManyAttempts]),
      },
    },
  };
}
