import { hubOn } from './on-vendor.js';

export default hubOn('quadra', 'weekly-account-sync');
