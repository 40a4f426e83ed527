import type { Context } from 'hono';
import type { z } from 'zod';
import { LoopErrorBodySchema } from '../../../contracts/loop/wire.js';
import { fail, type KitEnv } from '../../kit/vendor-error.js';
import { json } from '../../kit/route.js';

export { json };

/** The error answers every Loop route may give, in Loop's error shape. */
export const errorResponses = {
  400: json(
    LoopErrorBodySchema,
    "Invalid request (Loop's French validation messages), unknown folder, LOOP-DESCRIPTION-35, LOOP-AUX-CODE-17",
  ),
  401: json(LoopErrorBodySchema, 'LOOP-AUTH: missing or wrong subscription key, API key, secret or domain'),
  403: json(
    LoopErrorBodySchema,
    'LOOP-FOLDER-NOT-ASSOCIATED: the folder is not associated with the API key in Loop Hub',
  ),
} as const;

// The two documented headers suffice; x-domain may be added (the simulator's own, optional header).
export const security: Record<string, string[]>[] = [
  { subscriptionKey: [], apiKey: [] },
  { subscriptionKey: [], apiKey: [], domain: [] },
];

/**
 * The validation hook of every Loop route: the first issue is the message. Loop's own messages
 * (whole French sentences, ending with a period: "Le codeIbs n'est pas spécifié.") are answered as
 * they are; any other is prefixed with the field it is about. Every issue is listed in `errors`.
 */
export function loopHook(result: { success: boolean; error?: unknown; target?: string }, _c: Context<KitEnv>) {
  if (result.success) return;
  const issues = (result.error as z.ZodError).issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const message = !first
    ? 'Requête invalide.'
    : first.message.endsWith('.')
      ? first.message
      : `${first.path || (result.target === 'json' ? 'corps' : String(result.target))} : ${first.message}`;
  return fail({ status: 400, code: 'ValidationError', message, issues });
}
