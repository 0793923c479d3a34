//! The collector (runtime/mgc.go): stop-the-world precise mark-sweep paced by
//! GOGC, GOSCOPE_GCSTRESS, runtime.GC, ReadMemStats, GODEBUG=gctrace=1.
