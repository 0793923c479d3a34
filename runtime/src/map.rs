//! Maps as gc's hmap (runtime/map.go): makemap, mapaccess1/2, mapassign,
//! mapdelete, hashGrow, growWork, evacuate, mapiterinit, mapiternext.
