import { hubOn } from './on-vendor.js';

export default hubOn('quadra', 'new-accounts-weekly');
