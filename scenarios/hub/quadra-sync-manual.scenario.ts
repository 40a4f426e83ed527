import { hubOn } from './on-vendor.js';

export default hubOn('quadra', 'sync-manual');
