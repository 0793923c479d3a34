// append may reallocate on the heap: pointers appended to a slice go to
// the heap; copy's source elements too.
package main

var global []*int

func appendPtr() {
	x := 1
	s := make([]*int, 0, 4)
	s = append(s, &x)
	global = s
}

func appendInts(n int) []int {
	s := []int{}
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func copyPtrs(dst, src []*int) {
	copy(dst, src)
}

func main() {
	appendPtr()
	_ = appendInts(3)
	copyPtrs(nil, nil)
}
