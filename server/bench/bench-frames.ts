// Bench-only client frames (never part of the contract; the real decoder never sees them), shared by
// the counted ProgressSocket (workerd) and the progress-delivery bench (Node).
// DRIVE: from now on this object's job steps run only when the client asks, so the client can time
// one step's frame from its own marker. STEP: run one job step now, exactly as alarm() would.
export const BENCH_FRAME = { DRIVE: 'bench:drive', STEP: 'bench:step' } as const;
