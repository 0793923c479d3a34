// The size rules: an implicit allocation (new, &T{}, make) over 64 KB
// and an explicit variable over 10 MB are always on the heap.
package main

type Big [70000]byte

func implicit() int {
	p := new(Big)
	q := &Big{}
	s := make([]byte, 1<<16+1)
	return len(p) + len(q) + len(s)
}

func explicit() int {
	var huge [11 << 20]byte
	var fine [1 << 16]byte
	return len(huge) + len(fine)
}

func main() {
	_ = implicit()
	_ = explicit()
}
