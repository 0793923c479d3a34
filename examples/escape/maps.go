// Map keys and values are stored in the map's heap buckets: a pointer
// stored in a map escapes.
package main

func store(m map[string]*int) {
	x := 1
	m["x"] = &x
}

func storeKey(m map[*int]bool) {
	k := 2
	m[&k] = true
}

func lookup(m map[string]*int) int {
	if p, ok := m["x"]; ok {
		return *p
	}
	return 0
}

func main() {
	m := make(map[string]*int)
	store(m)
	storeKey(make(map[*int]bool))
	_ = lookup(m)
}
