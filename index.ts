/**
 * ledgersim's programmatic API, for other projects' tests:
 *   import { createSageGeSimulator, startSimulators } from 'ledgersim';
 */
export {
  createSageGeSimulator,
  sageGeDefinition,
  type SageGeSimulator,
  type SageGeSimulatorOptions,
} from './simulators/sage-ge/index.js';
export {
  createQuadraSimulator,
  quadraDefinition,
  type QuadraSimulator,
  type QuadraSimulatorOptions,
} from './simulators/quadra/index.js';
export {
  createLoopSimulator,
  loopDefinition,
  type LoopSimulator,
  type LoopSimulatorOptions,
} from './simulators/loop/index.js';
export { buildEntity as buildSageGeEntity, buildFile as buildSageGeFile } from './simulators/sage-ge/seed/builders.js';
export { startSimulators, type StartOptions, type StartedSimulators } from './simulators/start.js';
export { createDashboard } from './dashboard/index.js';
export { createVirtualClock, nextNight, type VirtualClock } from './core/clock.js';
export { createMemoryStore, openFileStore, StoreLoadError, type Store } from './core/store.js';
export { DirectoryLockedError } from './core/dir-lock.js';
export type { Simulator } from './simulators/kit/simulator.js';
export {
  VENDORS,
  VendorIdSchema,
  type VendorId,
  type VendorId as SimulatorName,
  type VendorCredentials,
  type VendorModule,
} from './vendors/index.js';
export { demoCredentials, type DemoCredentials, type DemoTenant } from './vendors/demo.js';
export type { CredentialsOf } from './vendors/index.js';
export { createBridgeHandlers, type BridgeTarget } from './simulators/kit/msw-bridge.js';
export * from './contracts/catalogue/index.js';
export * as hub from './contracts/hub/model.js';
export * as sageGeWire from './contracts/sage-ge/wire.js';
