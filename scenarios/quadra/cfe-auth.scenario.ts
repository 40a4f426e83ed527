import { defineScenario } from '../load.js';
import { sendAndPost } from './common.js';

const tail = sendAndPost();

/**
 * The wizard's CFE secret is mistyped (the CPA pair is right): the CFE token is refused, nothing
 * is linked.
 * The connector's test also runs the other case, a CFE key generated again in Cegid Life after
 * the connection, with the new key entered through "Edit API connection".
 */
export default defineScenario({
  id: 'quadra/cfe-auth',
  title:
    'A wrong CFE API key or secret is refused (401) at the wizard; entering the codes generated in Cegid Life links the dossier and posts',
  vendor: 'quadra',
  covers: ['QDR-CFE-AUTH'],
  steps: [{ do: 'link-file', credentials: { wrong: 'cfeSecret' } }],
  expect: [
    { expect: 'step-error', catalogueId: 'QDR-CFE-AUTH' },
    { expect: 'reference-data', pulled: false },
    // The CPA pair was right: its token was issued.
    { expect: 'requests', path: '/QuadraODOpenApi/token', status: 200, count: 1 },
  ],
  remedy: {
    // Generate the key in Cegid Life (service Cegid File Exchange) and enter it with its secret in "Edit API connection".
    steps: [{ do: 'edit-credentials' }, { do: 'check', expect: [{ expect: 'step-error', none: true }] }, ...tail.steps],
    expect: [{ expect: 'reference-data', pulled: true }, ...tail.expect],
  },
  verifiedAgainstVendor: false,
});
