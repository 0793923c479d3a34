//! Unit tests of the graph and the solver on hand-built graphs.
