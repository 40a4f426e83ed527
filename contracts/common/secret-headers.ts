/**
 * Headers whose value is a credential, lower-case: the request journal, `--verbose` and
 * `/__admin/requests` show them as `[redacted]`, and `ledgersim record` replaces them by a
 * placeholder. One list, so that a header redacted in one place is never shown in the other.
 */
export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'ocp-apim-subscription-key',
  'x-apikey',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-access-token',
  'x-admin-token',
  'cookie',
  'set-cookie',
];
