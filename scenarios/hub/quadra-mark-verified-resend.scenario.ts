import { hubOn } from './on-vendor.js';

export default hubOn('quadra', 'mark-verified-resend');
