import { hubOn } from './on-vendor.js';

export default hubOn('loop', 'refdata-on-link');
