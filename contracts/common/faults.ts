import { z } from 'zod';

/** A fault to inject in a simulator (`POST /__admin/faults`, and the scenarios' `inject-fault`). */
export const FaultRuleSchema = z
  .object({
    /** Path pattern, e.g. `/api/v1/files/*\/entries` or `**`. */
    path: z.string().min(1).default('**'),
    method: z.string().toUpperCase().optional(),
    kind: z.enum(['status', 'latency', 'drop', 'malformed', 'rate-limit']),
    /** For `status`: the HTTP status to answer (in the vendor's error shape). */
    status: z.number().int().min(400).max(599).optional(),
    /** For `latency`: how long to wait (real milliseconds) before handling the request. */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** For `rate-limit`: the Retry-After header, in seconds. */
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Fire for the next N matching requests, then remove the rule. */
    times: z.number().int().positive().optional(),
    /** Fire on each matching request with this probability (seeded). */
    probability: z.number().min(0).max(1).optional(),
  })
  .strict();
