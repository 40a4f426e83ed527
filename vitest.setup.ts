import fc from 'fast-check';

// Property tests are seeded like everything else: the same runs every time (CI never flakes on
// a new random case); FC_SEED=<n> explores other cases, and a failure prints its seed.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_121) });
