// Slicing an array takes its address: the array moves to the heap when
// the slice escapes.
package main

var keep []byte

func sliceLocal() int {
	var buf [64]byte
	s := buf[:]
	return len(s)
}

func sliceEscapes() {
	var buf [64]byte
	keep = buf[:8]
}

func sliceParam(b *[8]byte) []byte {
	return b[:]
}

func main() {
	_ = sliceLocal()
	sliceEscapes()
	var a [8]byte
	_ = sliceParam(&a)
}
