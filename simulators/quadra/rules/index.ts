/** One rule per documented Quadra rejection; each file is named after its catalogue id. */
export { cpaAuth } from './cpa-auth.js';
export { cpaNoPortal } from './cpa-no-portal.js';
export { cfeAuth } from './cfe-auth.js';
export { cfeNotActivated } from './cfe-not-activated.js';
export { containerNotFound } from './container-not-found.js';
export { periodNotOpen, lineOutsideOpenPeriod, openPeriods } from './period-not-open.js';
export {
  incompleteFile,
  journalNotOpen,
  isChartComplete,
  SUPPLIER_COLLECTIVE,
  CUSTOMER_COLLECTIVE,
} from './incomplete-file.js';
