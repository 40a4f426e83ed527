import type { CredentialIndex } from '../../kit/tenant-index.js';
import type { FirmState } from '../state/schema.js';

/**
 * What picks a firm in a request, as the kit's credential index names it: a CPA or CFE key (the
 * token endpoints), a bearer token (every CPA and CFE call) and a container's name (the blob
 * routes). A prefix per kind, so that a token can never pass for a key.
 */
export const credentialKey = {
  key: (kind: 'cpa' | 'cfe', key: string) => `${kind} ${key}`,
  token: (token: string) => `token ${token}`,
  container: (name: string) => `container ${name}`,
};

export type FirmIndex = CredentialIndex<FirmState>;
