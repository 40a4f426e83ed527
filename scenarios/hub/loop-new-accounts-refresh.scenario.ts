import { hubOn } from './on-vendor.js';

export default hubOn('loop', 'new-accounts-refresh');
