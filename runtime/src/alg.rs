//! Hashing and equality per type (runtime/alg.go): memhash, strhash, f64hash,
//! interhash, nilinterhash, and the `equal` functions maps and interfaces use.
