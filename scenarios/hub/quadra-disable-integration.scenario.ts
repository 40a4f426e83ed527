import { hubOn } from './on-vendor.js';

export default hubOn('quadra', 'disable-integration');
